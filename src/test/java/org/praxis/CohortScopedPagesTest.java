package org.praxis;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.base.ui.NotFoundView;
import org.praxis.cohort.CurrentCohort;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;

/**
 * Every page that shows one cohort knows which: without {@code ?cohort=} it opens on the current
 * cohort and puts it in the address; a cohort the person is not in is not found; someone with no
 * cohort gets the page's empty state; the shell's switcher moves the page to another cohort.
 */
class CohortScopedPagesTest extends KaribuTest {

    /** Path → the id of the page's view. */
    private static final Map<String, String> MEMBER_PAGES = Map.of("", "home-view", "board", "board-view",
            "commitments", "commitments-view", "library", "library-view", "analyses/write", "analysis-editor",
            "sessions", "sessions-view", "worksheets", "worksheets-view", "commons", "commons-view",
            "agreements", "agreements-view");
    private static final Map<String, String> FACILITATOR_PAGES = Map.of("composition", "composition-view",
            "obstacles", "obstacles-view", "applications", "applications-view", "cohort-report", "cohort-report-view");

    private long first;
    private long second;
    private long elsewhere;
    private TestData.Person facilitator;

    @BeforeEach
    void twoCohorts() {
        first = data.cohort();
        second = data.cohort();
        elsewhere = data.cohort();
        facilitator = data.personIn(first, Role.FACILITATOR);
        data.join(second, facilitator);
        data.personIn(elsewhere, Role.FACILITATOR);
    }

    @SuppressWarnings("unchecked")
    private static Select<CurrentCohort.Choice> switcher() {
        return _get(Select.class, spec -> spec.withId("cohort-switcher"));
    }

    private static void switchTo(long cohortId) {
        Select<CurrentCohort.Choice> switcher = switcher();
        _setValue(switcher, switcher.getListDataView().getItems().filter(c -> c.id() == cohortId).findFirst()
                .orElseThrow());
    }

    private static String withCohort(String path, long cohortId) {
        return path + "?cohort=" + cohortId;
    }

    @Test
    void without_a_cohort_in_the_address_every_page_shows_the_current_one_and_says_so_in_the_address() {
        signInAs(facilitator);
        follow(withCohort("sessions", first));

        java.util.HashMap<String, String> all = new java.util.HashMap<>(MEMBER_PAGES);
        all.putAll(FACILITATOR_PAGES);
        all.forEach((path, view) -> {
            navigate(path);
            _assertNone(NotFoundView.class);
            _assertOne(Component.class, spec -> spec.withId(view));
            assertThat(location()).as(path).isEqualTo(withCohort(path, first));
            assertThat(switcher().getValue().id()).as(path).isEqualTo(first);
        });
    }

    @Test
    void a_person_in_two_cohorts_sees_each_and_switching_changes_the_page_and_is_remembered_in_a_fresh_session() {
        data.session(first, "Session of the first");
        data.session(second, "Session of the second");
        signInAs(facilitator);
        follow(withCohort("sessions", first));
        assertThat(_get(Component.class, spec -> spec.withId("sessions-view")).getElement().getTextRecursively())
                .contains("Session of the first").doesNotContain("Session of the second");

        switchTo(second);

        assertThat(location()).isEqualTo(withCohort("sessions", second));
        assertThat(_get(Component.class, spec -> spec.withId("sessions-view")).getElement().getTextRecursively())
                .contains("Session of the second").doesNotContain("Session of the first");
        freshSession();
        signInAs(facilitator);
        navigate("obstacles");
        assertThat(location()).isEqualTo(withCohort("obstacles", second));
        navigate("sessions");
        assertThat(_get(Component.class, spec -> spec.withId("sessions-view")).getElement().getTextRecursively())
                .contains("Session of the second");
    }

    @Test
    void a_cohort_the_person_is_not_in_is_not_found_on_every_page_and_its_name_never_shows() {
        signInAs(facilitator);
        java.util.HashMap<String, String> all = new java.util.HashMap<>(MEMBER_PAGES);
        all.putAll(FACILITATOR_PAGES);
        all.keySet().forEach(path -> {
            follow(withCohort(path, elsewhere));
            _assertOne(NotFoundView.class);
            assertThat(UI.getCurrent().getElement().getTextRecursively()).as(path)
                    .doesNotContain(data.cohortName(elsewhere));
        });
        // and the refusal changed nothing: the pages still open on the person's own cohort
        navigate("board");
        assertThat(location()).isIn(withCohort("board", first), withCohort("board", second));
    }

    @Test
    void a_member_is_refused_the_facilitators_pages_of_their_own_cohort() {
        TestData.Person member = data.personIn(first, Role.MEMBER);
        data.db().execute("update member set role = 'FACILITATOR' where id = " + member.id());
        signInAs(new TestData.Person(member.id(), member.email(), member.name(), Role.FACILITATOR));

        follow(withCohort("composition", first));
        _assertOne(NotFoundView.class);
        navigate("composition");
        _assertNone(NotFoundView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("no-cohort")).getText())
                .contains("you do not facilitate one");
    }

    @Test
    void someone_in_no_cohort_gets_each_pages_empty_state_never_page_not_found() {
        signInAs(data.person(Role.FACILITATOR));

        MEMBER_PAGES.forEach((path, view) -> {
            navigate(path);
            _assertNone(NotFoundView.class);
            _assertOne(Paragraph.class, spec -> spec.withId("no-cohort"));
            assertThat(location()).as(path).isEqualTo(path);
        });
        navigate("composition");
        _assertOne(Paragraph.class, spec -> spec.withId("no-cohort"));
        navigate("obstacles");
        _assertOne(Paragraph.class, spec -> spec.withId("no-cohort"));
        navigate("applications");
        _assertOne(Paragraph.class, spec -> spec.withId("applications-none"));
    }

    @Test
    void on_a_page_of_one_thread_the_switcher_shows_its_cohort_and_switching_goes_to_the_other_cohorts_home() {
        long thread = data.thread(first);
        signInAs(facilitator);
        follow(withCohort("", second));

        navigate("threads/" + thread);
        assertThat(switcher().getValue().id()).isEqualTo(first);

        switchTo(second);
        assertThat(location()).isEqualTo(withCohort("", second));
    }

    @Test
    void switching_on_a_facilitators_page_to_a_cohort_one_only_belongs_to_goes_to_its_home() {
        TestData.Person mentor = data.personIn(first, Role.FACILITATOR);
        data.db().execute("insert into cohort_membership (cohort_id, member_id, role) values (" + second + ", "
                + mentor.id() + ", 'MEMBER')");
        signInAs(mentor);
        follow(withCohort("composition", first));

        switchTo(second);

        assertThat(location()).isEqualTo(withCohort("", second));
        _assertNone(NotFoundView.class);
    }
}
