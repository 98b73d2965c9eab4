package org.praxis.conversation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.base.ui.AccessDeniedView;
import org.praxis.conversation.ModerationService;
import org.praxis.conversation.ThreadService;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

class ReportsViewTest extends KaribuTest {

    @Autowired
    ThreadService threads;
    @Autowired
    ModerationService moderation;

    @Test
    void facilitators_see_reports_of_their_cohort_and_resolve_them_but_never_reports_sent_to_the_admins() {
        long cohort = data.cohort();
        TestData.Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        TestData.Person author = data.personIn(cohort, Role.MEMBER);
        TestData.Person reporter = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        data.signIn(author);
        long post = threads.reply(thread, null, "A sharp remark.", false, false);
        data.signIn(reporter);
        long toFacilitators = moderation.report(post, "This felt dismissive.", false);
        long toAdmins = moderation.report(post, "The facilitator let it pass.", true);

        signInAs(facilitator);
        navigate("reports");
        assertThat(_get(Paragraph.class, spec -> spec.withId("report-reason-" + toFacilitators)).getText())
                .isEqualTo("This felt dismissive.");
        _assertNone(ListItem.class, spec -> spec.withId("report-" + toAdmins));
        _click(_get(Button.class, spec -> spec.withId("resolve-" + toFacilitators)));
        _assertNone(ListItem.class, spec -> spec.withId("report-" + toFacilitators));

        signInAs(data.person(Role.ADMIN));
        navigate("");
        navigate("reports");
        _assertOne(ListItem.class, spec -> spec.withId("report-" + toAdmins));
    }

    @Test
    void a_member_cannot_open_the_reports() {
        signInAs(data.personIn(data.cohort(), Role.MEMBER));
        navigate("reports");
        _assertOne(AccessDeniedView.class);
    }
}
