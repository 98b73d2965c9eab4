package org.praxis.learning.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.server.VaadinSession;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.base.ui.AccessDeniedView;
import org.praxis.base.ui.NotFoundView;
import org.praxis.learning.FakeNetwork;
import org.praxis.learning.ReportFixture;
import org.praxis.learning.ReportPeriod;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.springframework.context.annotation.Import;

/**
 * The report page: a facilitator changes the period and compares a second cohort, downloads the
 * CSV and PDF; an admin opens any cohort; a member, and a facilitator of another cohort, are
 * turned away.
 */
@Import(FakeNetwork.class)
class CohortReportViewTest extends KaribuTest {

    long cohort;
    long second;
    long elsewhere;
    TestData.Person facilitator;
    TestData.Person member;

    @BeforeEach
    void scene() {
        cohort = data.cohort();
        second = data.cohort();
        elsewhere = data.cohort();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        data.join(second, facilitator);
        member = data.personIn(cohort, Role.MEMBER);
        ReportFixture.build(data, cohort, member);
    }

    private static String cell(String tableId, int row) {
        NativeTable table = _get(NativeTable.class, spec -> spec.withId(tableId));
        return table.getBody().getRow(row).orElseThrow().getCell(1).orElseThrow().getElement().getTextRecursively();
    }

    @SuppressWarnings("unchecked")
    private static <T> Select<T> select(String id) {
        return _get(Select.class, spec -> spec.withId(id));
    }

    private static String download(String id) throws Exception {
        Anchor link = _get(Anchor.class, spec -> spec.withId(id));
        assertThat(link.getElement().hasAttribute("download")).isTrue();
        StreamResource resource = (StreamResource) VaadinSession.getCurrent().getResourceRegistry()
                .getResource(new URI(link.getHref())).orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        resource.getWriter().accept(out, VaadinSession.getCurrent());
        return new String(out.toByteArray(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void a_facilitator_chooses_dates_and_reads_the_figures_floored_with_captions_and_the_shared_passages() {
        signInAs(facilitator);
        follow("cohort-report?cohort=" + cohort);
        assertThat(select("learning-preset").getValue()).isEqualTo(ReportPeriod.Preset.WHOLE_RUN);

        _setValue(_get(DatePicker.class, spec -> spec.withId("learning-from")), LocalDate.of(2025, 1, 1));
        _setValue(_get(DatePicker.class, spec -> spec.withId("learning-to")), LocalDate.of(2025, 6, 30));
        assertThat(select("learning-preset").getValue()).isEqualTo(ReportPeriod.Preset.CUSTOM);
        _click(_get(Button.class, spec -> spec.withId("learning-apply")));

        assertThat(location()).contains("from=2025-01-01").contains("to=2025-06-30").contains("preset=custom");
        NativeTable commitments = _get(NativeTable.class, spec -> spec.withId("learning-a-commitments-table"));
        assertThat(commitments.getCaptionText()).isEqualTo("Commitments made in the period, by where they stand now");
        // Not started, In progress, Done, Changed course, Stuck
        assertThat(cell("learning-a-commitments-table", 1)).isEqualTo("fewer than 3");
        assertThat(cell("learning-a-commitments-table", 2)).isEqualTo("4");
        assertThat(cell("learning-a-obstacles-table", 1)).isEqualTo("3");
        assertThat(_get(Component.class, spec -> spec.withId("learning-a-passages")).getElement().getTextRecursively())
                .contains("What we changed in intake", "Aisha Mohamed", "Budgets are moral documents.");
        assertThat(_get(Component.class, spec -> spec.withId("learning-a")).getElement().getTextRecursively())
                .doesNotContain(ReportFixture.PRIVATE_TITLE)
                .contains("Practice notes by area");
    }

    @Test
    void dates_the_wrong_way_round_are_refused_on_the_field_and_stay_as_typed() {
        signInAs(facilitator);
        follow("cohort-report?cohort=" + cohort);
        String before = location();

        _setValue(_get(DatePicker.class, spec -> spec.withId("learning-from")), LocalDate.of(2025, 6, 30));
        _setValue(_get(DatePicker.class, spec -> spec.withId("learning-to")), LocalDate.of(2025, 1, 1));
        _click(_get(Button.class, spec -> spec.withId("learning-apply")));

        DatePicker to = _get(DatePicker.class, spec -> spec.withId("learning-to"));
        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage()).isEqualTo("The last day must be on or after the first.");
        assertThat(to.getValue()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(location()).isEqualTo(before);
    }

    @Test
    void a_preset_shows_its_period_at_once() {
        signInAs(facilitator);
        follow("cohort-report?cohort=" + cohort);

        _setValue(select("learning-preset"), ReportPeriod.Preset.LAST_3_MONTHS);

        assertThat(location()).contains("preset=last_3_months");
        LocalDate to = _get(DatePicker.class, spec -> spec.withId("learning-to")).getValue();
        assertThat(_get(DatePicker.class, spec -> spec.withId("learning-from")).getValue())
                .isEqualTo(to.minusMonths(3).plusDays(1));
    }

    @Test
    void a_facilitator_compares_with_their_other_cohort_side_by_side_and_downloads_both() throws Exception {
        signInAs(facilitator);
        follow("cohort-report?cohort=" + cohort + "&preset=custom&from=2025-01-01&to=2025-06-30");

        Select<Long> compare = select("learning-compare");
        assertThat(compare.getListDataView().getItems()).containsExactly(0L, second);
        _setValue(compare, second);
        _click(_get(Button.class, spec -> spec.withId("learning-apply")));

        assertThat(location()).contains("compare=" + second).contains("from=2025-01-01");
        assertThat(_get(H2.class, spec -> spec.withId("learning-a-name")).getText()).isEqualTo(data.cohortName(cohort));
        assertThat(_get(H2.class, spec -> spec.withId("learning-b-name")).getText()).isEqualTo(data.cohortName(second));
        assertThat(cell("learning-b-commitments-table", 2)).isEqualTo("0");
        assertThat(download("learning-a-csv")).contains("\"Commitments made, by status\",\"Done\",\"4\"");
        assertThat(download("learning-b-csv")).contains("\"Commitments made, by status\",\"Done\",\"0\"");
        assertThat(download("learning-a-pdf")).startsWith("%PDF");
        _assertOne(Anchor.class, spec -> spec.withId("learning-b-pdf"));
    }

    @Test
    void an_admin_opens_any_cohort_s_report_and_may_compare_it_with_every_other() {
        signInAs(data.person(Role.ADMIN));
        follow("cohort-report?cohort=" + elsewhere);

        _assertNone(NotFoundView.class);
        assertThat(_get(H2.class, spec -> spec.withId("learning-a-name")).getText()).isEqualTo(data.cohortName(elsewhere));
        assertThat(select("learning-compare").getListDataView().getItems()).contains(cohort, second)
                .doesNotContain(elsewhere);
    }

    @Test
    void a_member_is_refused_the_page() {
        signInAs(member);
        follow("cohort-report?cohort=" + cohort);

        _assertOne(AccessDeniedView.class);
        _assertNone(Component.class, spec -> spec.withId("learning-columns"));
    }

    @Test
    void a_facilitator_of_another_cohort_finds_no_page_for_this_one_nor_a_comparison_with_it() {
        TestData.Person theirs = data.personIn(elsewhere, Role.FACILITATOR);
        signInAs(theirs);
        follow("cohort-report?cohort=" + cohort);
        _assertOne(NotFoundView.class);

        follow("cohort-report?cohort=" + elsewhere + "&compare=" + cohort);
        _assertNone(NotFoundView.class);
        _assertNone(Component.class, spec -> spec.withId("learning-b"));
        assertThat(select("learning-compare").getListDataView().getItems()).containsExactly(0L);
    }

    private static java.util.Set<String> menu() {
        com.vaadin.flow.component.sidenav.SideNav nav = _get(com.vaadin.flow.component.sidenav.SideNav.class,
                spec -> spec.withId("main-navigation"));
        return nav.getItems().stream().map(com.vaadin.flow.component.sidenav.SideNavItem::getLabel)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void the_menu_offers_the_report_to_facilitators_and_admins_and_not_to_members() {
        signInAs(facilitator);
        navigate("");
        assertThat(menu()).contains("Cohort report");

        freshSession();
        signInAs(data.person(Role.ADMIN));
        navigate("");
        assertThat(menu()).contains("Cohort report");

        freshSession();
        signInAs(member);
        navigate("");
        assertThat(menu()).doesNotContain("Cohort report");
    }

    @Test
    void a_passage_withdrawn_by_its_author_is_gone_from_the_page_at_the_next_look() {
        signInAs(facilitator);
        String address = "cohort-report?cohort=" + cohort + "&preset=custom&from=2025-01-01&to=2025-06-30";
        follow(address);
        assertThat(_get(Component.class, spec -> spec.withId("learning-a-passages")).getElement().getTextRecursively())
                .contains("What we changed in intake");

        FakeNetwork.withdraw(cohort, "What we changed in intake");
        follow("cohort-report?cohort=" + cohort + "&preset=custom&from=2025-01-01&to=2025-06-29");
        follow(address);

        assertThat(_get(Component.class, spec -> spec.withId("learning-a-passages")).getElement().getTextRecursively())
                .doesNotContain("What we changed in intake").contains("Budget talk: what we heard");
    }
}
