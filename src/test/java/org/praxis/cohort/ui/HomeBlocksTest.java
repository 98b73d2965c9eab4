package org.praxis.cohort.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.praxis.jooq.Tables.SESSION;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Section;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.conversation.AgreementService;
import org.praxis.conversation.ModerationService;
import org.praxis.conversation.ThreadService;
import org.praxis.support.KaribuTest;
import org.praxis.support.ReportedPost;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Home's blocks with what they show and whose they are: the next session with its place and link
 * and "I'll join", the open reports and the members who have not acknowledged the agreements for
 * facilitators; never another cohort's items, never the facilitators' blocks to a member.
 */
class HomeBlocksTest extends KaribuTest {

    @Autowired
    ThreadService threads;
    @Autowired
    ModerationService moderation;
    @Autowired
    AgreementService agreements;

    @Test
    void the_next_session_shows_its_place_and_link_and_never_another_cohorts_session() {
        long cohort = data.cohort();
        long elsewhere = data.cohort();
        TestData.Person me = data.personIn(cohort, Role.MEMBER);
        long session = data.session(cohort, TestData.unique("Listening session"));
        data.db().update(SESSION).set(SESSION.PLACE, "Community hall").set(SESSION.ROOM, "Room 2")
                .set(SESSION.MEETING_URL, "https://meet.example.org/listening").where(SESSION.ID.eq(session)).execute();
        long theirs = data.session(elsewhere, TestData.unique("Their session"));
        data.db().update(SESSION).set(SESSION.STARTS_AT, java.time.OffsetDateTime.now().plusHours(3))
                .set(SESSION.ENDS_AT, java.time.OffsetDateTime.now().plusHours(4)).where(SESSION.ID.eq(theirs)).execute();
        signInAs(me);

        navigate("");

        ListItem card = _get(ListItem.class, spec -> spec.withId("home-session-" + session));
        assertThat(card.getElement().getTextRecursively()).contains("Community hall, Room 2");
        assertThat(_get(Anchor.class, spec -> spec.withId("home-session-meeting-link")).getHref())
                .isEqualTo("https://meet.example.org/listening");
        _get(Button.class, spec -> spec.withId("home-will-join"));
        _assertNone(ListItem.class, spec -> spec.withId("home-session-" + theirs));
    }

    @Test
    void a_facilitator_sees_open_reports_and_who_has_not_acknowledged_but_only_of_their_cohort() {
        long cohort = data.cohort();
        long elsewhere = data.cohort();
        TestData.Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        TestData.Person stranger = data.personIn(elsewhere, Role.MEMBER);
        ReportedPost reported = ReportedPost.in(data, threads, moderation, cohort, "A sharp remark.", "Dismissive.");
        TestData.Person member = reported.author();
        TestData.Person reporter = reported.reporter();
        data.signIn(facilitator);
        agreements.publish(cohort, "We listen before we answer.");
        data.signIn(data.personIn(elsewhere, Role.FACILITATOR));
        agreements.publish(elsewhere, "Elsewhere we listen too.");
        signInAs(facilitator);

        navigate("");

        assertThat(_get(ListItem.class, spec -> spec.withId("home-reports-open")).getElement().getTextRecursively())
                .contains("One open report to look at");
        String pending = _get(ListItem.class, spec -> spec.withId("home-agreements-pending")).getElement()
                .getTextRecursively();
        assertThat(pending).contains(member.name()).contains(reporter.name()).doesNotContain(stranger.name())
                .doesNotContain(facilitator.name());
    }

    @Test
    void a_member_sees_none_of_the_facilitators_blocks_even_with_open_reports() {
        long cohort = data.cohort();
        ReportedPost reported = ReportedPost.in(data, threads, moderation, cohort, "A sharp remark.", "Dismissive.");
        signInAs(reported.author());

        navigate("");

        _get(Section.class, spec -> spec.withId("home-next-session"));
        for (String block : new String[] {"home-reports", "home-applications", "home-attention", "home-completion",
                "home-agreements"}) {
            _assertNone(Section.class, spec -> spec.withId(block));
        }
        _assertNone(ListItem.class, spec -> spec.withId("home-reports-open"));
    }
}
