package org.praxis.cohort.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.praxis.jooq.Tables.COHORT;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.base.ui.AccessDeniedView;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CohortChoice;
import org.praxis.cohort.CohortPerson;
import org.praxis.cohort.CohortRole;
import org.praxis.conversation.ui.ThreadView;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.praxis.support.TestData.Person;
import org.springframework.beans.factory.annotation.Autowired;

class CohortViewsTest extends KaribuTest {

    @Autowired
    CohortAccess access;

    private static TextField text(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private static IntegerField capacity() {
        return _get(IntegerField.class, spec -> spec.withId("cohort-capacity"));
    }

    private static void click(String id) {
        _click(_get(Button.class, spec -> spec.withId(id)));
    }

    private int cohortsNamed(String name) {
        return data.db().fetchCount(COHORT, COHORT.NAME.eq(name));
    }

    private long idOf(String name) {
        return data.db().select(COHORT.ID).from(COHORT).where(COHORT.NAME.eq(name)).fetchSingle(COHORT.ID);
    }

    @Test
    void a_fresh_admin_with_no_cohort_creates_one_and_bad_input_is_shown_in_place_with_the_text_kept() {
        signInAs(data.person(Role.ADMIN));
        navigate("admin/cohorts");
        click("cohorts-new");
        _assertOne(NewCohortView.class);
        String name = TestData.unique("Cohort 2");
        _setValue(text("cohort-name-field"), name);
        _setValue(_get(TextArea.class, spec -> spec.withId("cohort-description")), "Second year of the programme");
        assertThat(capacity().getValue()).isEqualTo(15);
        assertThat(_get(ComboBox.class, spec -> spec.withId("cohort-time-zone")).getValue()).isEqualTo("America/Los_Angeles");

        _setValue(capacity(), 0);
        click("cohort-create");
        assertThat(capacity().isInvalid()).isTrue();
        assertThat(capacity().getErrorMessage()).isEqualTo("Please choose between 1 and 200 places.");
        _setValue(capacity(), 10_000);
        _setValue(_get(DatePicker.class, spec -> spec.withId("cohort-starts-on")), LocalDate.of(2027, 3, 1));
        _setValue(_get(DatePicker.class, spec -> spec.withId("cohort-ends-on")), LocalDate.of(2027, 2, 1));
        click("cohort-create");
        assertThat(capacity().isInvalid()).isTrue();
        DatePicker ends = _get(DatePicker.class, spec -> spec.withId("cohort-ends-on"));
        assertThat(ends.isInvalid()).isTrue();
        assertThat(ends.getErrorMessage()).isEqualTo("The end must be on or after the start.");
        assertThat(text("cohort-name-field").getValue()).isEqualTo(name);
        assertThat(cohortsNamed(name)).isZero();

        _setValue(capacity(), 18);
        _setValue(ends, LocalDate.of(2027, 9, 1));
        click("cohort-create");

        _assertOne(CohortView.class);
        assertThat(cohortsNamed(name)).isEqualTo(1);
        assertThat(_get(H1.class, spec -> spec.withId("cohort-title")).getText()).contains(name);
        navigate("admin/cohorts");
        _assertOne(ListItem.class, spec -> spec.withId("cohort-item-" + idOf(name)));
    }

    @Test
    void an_admin_edits_a_cohort() {
        long cohort = data.cohort();
        signInAs(data.person(Role.ADMIN));
        navigate("admin/cohorts/" + cohort);
        String renamed = TestData.unique("Renamed");
        _setValue(text("cohort-name-field"), renamed);
        _setValue(_get(TextArea.class, spec -> spec.withId("cohort-description")), "Now with a description");
        click("cohort-save");

        assertThat(_get(Paragraph.class, spec -> spec.withId("cohort-status")).getText()).isEqualTo("Saved.");
        assertThat(data.cohortName(cohort)).isEqualTo(renamed);
    }

    @Test
    void a_facilitator_edits_only_the_description_and_dates_of_their_cohort() {
        long cohort = data.cohort();
        String name = data.cohortName(cohort);
        signInAs(data.personIn(cohort, Role.FACILITATOR));
        navigate("admin/cohorts/" + cohort);

        assertThat(text("cohort-name-field").isReadOnly()).isTrue();
        assertThat(capacity().isReadOnly()).isTrue();
        _assertOne(Paragraph.class, spec -> spec.withId("cohort-facilitator-limits"));
        _assertNone(Button.class, spec -> spec.withId("cohort-close"));
        _assertNone(ComboBox.class, spec -> spec.withId("cohort-add-person"));
        _setValue(_get(TextArea.class, spec -> spec.withId("cohort-description")), "Our second year");
        click("cohort-save");

        assertThat(data.db().select(COHORT.DESCRIPTION, COHORT.NAME).from(COHORT).where(COHORT.ID.eq(cohort)).fetchSingle()
                .intoArray()).containsExactly("Our second year", name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_admin_gives_the_facilitator_role_adds_an_account_and_moves_a_member() {
        long cohort = data.cohort();
        long next = data.cohort();
        Person member = data.personIn(cohort, Role.MEMBER);
        Person mover = data.personIn(cohort, Role.MEMBER);
        Person newcomer = data.person(Role.MEMBER);
        signInAs(data.person(Role.ADMIN));
        navigate("admin/cohorts/" + cohort);

        click("make-facilitator-" + member.id());
        assertThat(access.roleOf(cohort, member.id())).contains(CohortRole.FACILITATOR);
        _assertOne(ListItem.class, spec -> spec.withId("cohort-person-" + member.id()));
        assertThat(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("cohort-facilitators"))
                .getChildren().map(c -> c.getId().orElse(""))).contains("cohort-person-" + member.id());

        ComboBox<CohortPerson> person = _get(ComboBox.class, spec -> spec.withId("cohort-add-person"));
        click("cohort-add-submit");
        assertThat(person.isInvalid()).isTrue();
        _setValue(person, person.getListDataView().getItems().filter(p -> p.memberId() == newcomer.id()).findFirst()
                .orElseThrow());
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("cohort-add-role")), CohortRole.FACILITATOR);
        click("cohort-add-submit");
        assertThat(access.roleOf(cohort, newcomer.id())).contains(CohortRole.FACILITATOR);
        assertThat(_get(Paragraph.class, spec -> spec.withId("cohort-status")).getText()).contains(newcomer.name());

        click("move-" + mover.id());
        ComboBox<CohortChoice> to = _get(ComboBox.class, spec -> spec.withId("move-to"));
        _setValue(to, to.getListDataView().getItems().filter(c -> c.id() == next).findFirst().orElseThrow());
        click("move-submit");
        assertThat(access.roleOf(cohort, mover.id())).isEmpty();
        assertThat(access.roleOf(next, mover.id())).contains(CohortRole.MEMBER);
        _assertNone(ListItem.class, spec -> spec.withId("cohort-person-" + mover.id()));
    }

    @Test
    void an_admin_closes_a_cohort_and_its_alumna_reads_it_without_a_reply_box() {
        long cohort = data.cohort();
        Person alumna = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        signInAs(data.person(Role.ADMIN));
        navigate("admin/cohorts/" + cohort);
        click("cohort-close");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-close")));

        _assertOne(Paragraph.class, spec -> spec.withId("cohort-closed-notice"));
        _assertOne(Button.class, spec -> spec.withId("cohort-reopen"));
        _assertNone(ComboBox.class, spec -> spec.withId("cohort-add-person"));
        navigate("admin/cohorts");
        _assertOne(ListItem.class, spec -> spec.withId("cohort-item-" + cohort));
        assertThat(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("cohorts-closed"))
                .getChildren().map(c -> c.getId().orElse(""))).contains("cohort-item-" + cohort);

        signInAs(alumna);
        navigate("threads/" + thread);
        _assertOne(ThreadView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("thread-read-only")).getText())
                .isEqualTo("This cohort has closed. You can still read the conversation.");
        _assertNone(TextArea.class, spec -> spec.withId("reply-body"));
    }

    @Autowired
    org.praxis.cohort.CohortService cohorts;

    @Test
    void a_reply_refused_because_the_cohort_closed_meanwhile_says_so_in_place_and_keeps_the_text() {
        long cohort = data.cohort();
        Person alumna = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        signInAs(alumna);
        navigate("threads/" + thread);
        TextArea body = _get(TextArea.class, spec -> spec.withId("reply-body"));
        _setValue(body, "My last words for this year");
        Person admin = data.person(Role.ADMIN);
        data.signIn(admin);
        cohorts.close(cohort);
        signInAs(alumna);

        click("reply-post");

        assertThat(body.isInvalid()).isTrue();
        assertThat(body.getErrorMessage()).startsWith("This cohort has closed");
        assertThat(body.getValue()).isEqualTo("My last words for this year");
        assertThat(data.db().fetchCount(org.praxis.jooq.Tables.POST, org.praxis.jooq.Tables.POST.THREAD_ID.eq(thread))).isZero();
    }

    @Test
    void the_pages_of_a_closed_cohort_say_so_and_offer_no_writing() {
        long cohort = data.cohort();
        Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        long session = data.session(cohort, "Last circle");
        data.signIn(data.person(Role.ADMIN));
        cohorts.close(cohort);
        signInAs(facilitator);

        navigate("commons");
        _assertOne(Paragraph.class, spec -> spec.withId("cohort-closed-notice-" + cohort));
        _assertNone(Button.class, spec -> spec.withId("open-thread-" + cohort));
        navigate("sessions/" + session);
        assertThat(_get(Paragraph.class, spec -> spec.withId("cohort-closed-notice-" + cohort)).getText())
                .startsWith("This cohort closed on ").endsWith("Its work stays readable; nothing new can be added.");
        _assertNone(Button.class, spec -> spec.withId("will-join"));
        _assertNone(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("session-commit"));
        navigate("admin/cohorts/" + cohort);
        assertThat(_get(TextArea.class, spec -> spec.withId("cohort-description")).isReadOnly()).isTrue();
        _assertNone(Button.class, spec -> spec.withId("cohort-save"));
    }

    @Test
    void a_member_opening_the_cohorts_admin_is_refused() {
        signInAs(data.personIn(data.cohort(), Role.MEMBER));
        navigate("admin/cohorts");
        _assertNone(CohortsAdminView.class);
        _assertOne(AccessDeniedView.class);
    }

    @Test
    void a_facilitator_opening_the_cohorts_admin_is_refused() {
        signInAs(data.personIn(data.cohort(), Role.FACILITATOR));
        navigate("admin/cohorts");
        _assertNone(CohortsAdminView.class);
        _assertOne(AccessDeniedView.class);
    }

    @Test
    void a_facilitator_opening_new_cohort_is_refused() {
        signInAs(data.personIn(data.cohort(), Role.FACILITATOR));
        navigate("admin/cohorts/new");
        _assertNone(NewCohortView.class);
        _assertOne(AccessDeniedView.class);
    }

    @Test
    void a_member_opening_their_cohorts_page_is_refused() {
        long cohort = data.cohort();
        signInAs(data.personIn(cohort, Role.MEMBER));
        navigate("admin/cohorts/" + cohort);
        _assertNone(CohortView.class);
        _assertOne(AccessDeniedView.class);
    }

    @Test
    void another_cohorts_facilitator_opening_the_cohorts_page_is_refused() {
        long cohort = data.cohort();
        signInAs(data.personIn(data.cohort(), Role.FACILITATOR));
        navigate("admin/cohorts/" + cohort);
        _assertNone(CohortView.class);
        _assertOne(AccessDeniedView.class);
    }

    @Test
    void the_navigation_offers_admins_the_cohorts() {
        signInAs(data.person(Role.ADMIN));
        navigate("");
        assertThat(LocatorJ._find(com.vaadin.flow.component.sidenav.SideNavItem.class).stream()
                .map(com.vaadin.flow.component.sidenav.SideNavItem::getLabel)).contains("Cohorts");
    }
}
