package org.praxis.cohort.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.base.ui.NotFoundView;
import org.praxis.cohort.CurrentCohort;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;

class CohortSwitcherTest extends KaribuTest {

    @SuppressWarnings("unchecked")
    private static Select<CurrentCohort.Choice> switcher() {
        return _get(Select.class, spec -> spec.withId("cohort-switcher"));
    }

    private static void switchTo(long cohortId) {
        Select<CurrentCohort.Choice> switcher = switcher();
        _setValue(switcher, switcher.getListDataView().getItems().filter(c -> c.id() == cohortId).findFirst()
                .orElseThrow());
    }

    @Test
    void home_without_a_cohort_in_the_address_shows_the_most_recent_one_and_puts_it_in_the_address() {
        long first = data.cohort();
        long second = data.cohort();
        TestData.Person me = data.personIn(first, Role.MEMBER);
        data.join(second, me);
        signInAs(me);

        navigate("");

        assertThat(location()).isEqualTo("?cohort=" + second);
        assertThat(_get(H1.class, spec -> spec.withId("cohort-name")).getText()).isEqualTo(data.cohortName(second));
        assertThat(switcher().getValue().id()).isEqualTo(second);
        assertThat(switcher().getAriaLabel()).contains("Cohort");
        assertThat(_get(Anchor.class, spec -> spec.withId("open-cohort-" + first)).getText())
                .isEqualTo(data.cohortName(first));
    }

    @Test
    void switching_cohorts_reloads_the_page_for_the_other_one_and_a_fresh_session_opens_on_it() {
        long first = data.cohort();
        long second = data.cohort();
        TestData.Person me = data.personIn(first, Role.MEMBER);
        data.join(second, me);
        TestData.Person onlyInFirst = data.personIn(first, Role.MEMBER);
        signInAs(me);
        navigate("cohort-people");
        _assertNone(UnorderedList.class, spec -> spec.withId("members-" + first));

        switchTo(first);

        assertThat(location()).isEqualTo("cohort-people?cohort=" + first);
        assertThat(_get(UnorderedList.class, spec -> spec.withId("members-" + first)).getElement().getTextRecursively())
                .contains(onlyInFirst.name());

        freshSession();
        signInAs(me);
        navigate("");
        assertThat(location()).isEqualTo("?cohort=" + first);
        assertThat(switcher().getValue().id()).isEqualTo(first);
    }

    @Test
    void a_link_to_another_cohort_on_home_opens_it_and_it_becomes_the_current_one() {
        long first = data.cohort();
        long second = data.cohort();
        TestData.Person me = data.personIn(first, Role.MEMBER);
        data.join(second, me);
        signInAs(me);
        navigate("");

        // a router link: the browser follows its address
        follow(_get(Anchor.class, spec -> spec.withId("open-cohort-" + first)).getHref());

        assertThat(_get(H1.class, spec -> spec.withId("cohort-name")).getText()).isEqualTo(data.cohortName(first));
        assertThat(switcher().getValue().id()).isEqualTo(first);
        navigate("");
        assertThat(location()).isEqualTo("?cohort=" + first);
    }

    @Test
    void someone_in_one_cohort_gets_no_switcher() {
        long cohort = data.cohort();
        signInAs(data.personIn(cohort, Role.MEMBER));

        navigate("");

        _assertNone(Select.class, spec -> spec.withId("cohort-switcher"));
        assertThat(location()).isEqualTo("?cohort=" + cohort);
    }

    @Test
    void a_cohort_the_person_is_not_in_is_not_found_and_its_name_never_shows() {
        long mine = data.cohort();
        long other = data.cohort();
        signInAs(data.personIn(mine, Role.MEMBER));

        follow("?cohort=" + other);

        _assertOne(NotFoundView.class);
        assertThat(_get(com.vaadin.flow.component.UI.class).getElement().getTextRecursively())
                .doesNotContain(data.cohortName(other));
        follow("?cohort=nonsense");
        _assertOne(NotFoundView.class);
        navigate("");
        assertThat(location()).isEqualTo("?cohort=" + mine);
    }

    @Test
    void an_admin_in_no_cohort_gets_the_empty_state_not_page_not_found() {
        TestData.Person admin = data.person(Role.ADMIN);
        signInAs(admin);

        navigate("");

        _assertNone(NotFoundView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("no-cohort")).getText()).contains("not part of a cohort");
        _assertNone(Select.class, spec -> spec.withId("cohort-switcher"));
    }
}
