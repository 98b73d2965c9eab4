package org.praxis.conversation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.conversation.ModerationService;
import org.praxis.conversation.ReportAction;
import org.praxis.conversation.ThreadService;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Counts an open page keeps current without a reload: the bell when someone else replies to
 * one's post (pushed after the reply commits), and the open reports beside "Reports" in a
 * facilitator's drawer (pushed when a report notifies them, counted again on navigation).
 */
class LiveCountsTest extends KaribuTest {

    @Autowired
    ThreadService threads;
    @Autowired
    ModerationService moderation;

    @Test
    void another_members_reply_raises_the_bell_count_on_the_open_page() {
        long cohort = data.cohort();
        TestData.Person a = data.personIn(cohort, Role.MEMBER);
        TestData.Person b = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        data.signIn(a);
        long post = threads.reply(thread, null, "Who has the keys?", false, false);

        signInAs(a);
        navigate("threads/" + thread);
        Anchor bell = _get(Anchor.class, spec -> spec.withId("notification-bell"));
        assertThat(bell.getElement().getAttribute("aria-label")).isEqualTo("Notifications, none unread");
        Span count = (Span) anywhere("notification-count");
        assertThat(count.isVisible()).isFalse();

        data.signIn(b);
        threads.reply(thread, post, "Jo has them.", false, false);
        // nothing changes on A's page until the pushed work runs
        assertThat(bell.getElement().getAttribute("aria-label")).isEqualTo("Notifications, none unread");
        MockVaadin.clientRoundtrip();
        assertThat(bell.getElement().getAttribute("aria-label")).isEqualTo("Notifications, 1 unread");
        assertThat(count.getText()).isEqualTo("1");
        assertThat(count.isVisible()).isTrue();
    }

    @Test
    void the_open_reports_badge_counts_new_reports_live_and_drops_handled_ones_on_navigation() {
        long cohort = data.cohort();
        TestData.Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        TestData.Person author = data.personIn(cohort, Role.MEMBER);
        TestData.Person reporter = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        data.signIn(author);
        long post = threads.reply(thread, null, "A sharp remark.", false, false);
        long other = threads.reply(thread, null, "Another one.", false, false);

        signInAs(facilitator);
        navigate("");
        Component badge = anywhere("open-reports-badge");
        assertThat(badge.isVisible()).isFalse();

        data.signIn(reporter);
        long report = moderation.report(post, "This felt dismissive.", false);
        moderation.report(other, "And this.", false);
        MockVaadin.clientRoundtrip();
        assertThat(badge.isVisible()).isTrue();
        assertThat(badge.getElement().getTextRecursively()).isEqualTo("2, 2 open reports");

        signInAs(facilitator);
        moderation.handle(report, ReportAction.KEPT, "");
        follow("commons?cohort=" + cohort);
        assertThat(anywhere("open-reports-badge").getElement().getTextRecursively())
                .isEqualTo("1, one open report");
    }

    /** The component of that id in the UI, shown or not (Karibu's locators see shown ones only). */
    private static Component anywhere(String id) {
        return find(UI.getCurrent(), id).orElseThrow(() -> new AssertionError("No component " + id));
    }

    private static java.util.Optional<Component> find(Component root, String id) {
        if (root.getId().filter(id::equals).isPresent()) {
            return java.util.Optional.of(root);
        }
        return root.getChildren().map(c -> find(c, id)).flatMap(java.util.Optional::stream).findFirst();
    }

    @Test
    void a_member_has_no_reports_entry_and_no_badge() {
        long cohort = data.cohort();
        signInAs(data.personIn(cohort, Role.MEMBER));
        navigate("");
        assertThat(find(UI.getCurrent(), "open-reports-badge")).isEmpty();
        _assertNone(Span.class, spec -> spec.withId("open-reports-badge"));
    }
}
