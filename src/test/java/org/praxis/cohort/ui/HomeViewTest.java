package org.praxis.cohort.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.conversation.ThreadService;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

class HomeViewTest extends KaribuTest {

    @Autowired
    ThreadService threads;

    @Test
    void a_member_sees_the_next_session_answers_it_there_and_sees_replies_but_no_facilitators_blocks() {
        long cohort = data.cohort();
        TestData.Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        TestData.Person me = data.personIn(cohort, Role.MEMBER);
        long session = data.session(cohort, TestData.unique("Listening session"));
        long thread = data.thread(cohort);
        data.signIn(me);
        threads.reply(thread, null, "I opened the talk on intake forms.", false, false);
        data.signIn(facilitator);
        threads.reply(thread, null, "Thank you; a reply for everyone.", false, false);
        threads.reply(thread, null, "A word for facilitators only.", true, false);
        signInAs(me);

        navigate("");

        _assertOne(ListItem.class, spec -> spec.withId("home-session-" + session));
        _click(_get(Button.class, spec -> spec.withId("home-will-join")));
        assertThat(_get(Span.class, spec -> spec.withId("home-will-join-status")).getText()).isEqualTo("You said you’ll join");
        ListItem replies = _get(ListItem.class, spec -> spec.withId("home-replies-" + thread));
        assertThat(replies.getElement().getTextRecursively()).contains("One new reply").contains(facilitator.name());
        _assertNone(Section.class, spec -> spec.withId("home-group-needs-you"));
        _assertNone(Section.class, spec -> spec.withId("home-reports"));
    }

    @Test
    void a_facilitator_sees_what_needs_them() {
        long cohort = data.cohort();
        TestData.Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        data.personIn(cohort, Role.MEMBER);
        signInAs(facilitator);

        navigate("");

        _assertOne(Section.class, spec -> spec.withId("home-group-needs-you"));
        for (String block : new String[] {"home-reports", "home-applications", "home-attention", "home-completion",
                "home-agreements"}) {
            _assertOne(Section.class, spec -> spec.withId(block));
        }
        assertThat(_get(Section.class, spec -> spec.withId("home-reports")).getElement().getTextRecursively())
                .contains("No open reports.");
    }

    @Test
    void the_commons_marks_unread_threads_in_words_until_they_are_opened() {
        long cohort = data.cohort();
        TestData.Person author = data.personIn(cohort, Role.MEMBER);
        TestData.Person me = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        data.signIn(author);
        threads.reply(thread, null, "Who else uses a sliding fee scale?", false, false);
        signInAs(me);

        navigate("commons");
        assertThat(_get(Span.class, spec -> spec.withId("thread-unread-" + thread)).getText()).contains("Not opened yet");
        assertThat(_get(Span.class, spec -> spec.withId("thread-activity-" + thread)).getText()).contains(author.name());

        navigate("threads/" + thread);
        navigate("commons");
        _assertNone(Span.class, spec -> spec.withId("thread-unread-" + thread));
    }
}
