package org.praxis.conversation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.base.ui.AccessDeniedView;
import org.praxis.conversation.ModerationService;
import org.praxis.conversation.ReportAction;
import org.praxis.conversation.ThreadService;
import org.praxis.support.KaribuTest;
import org.praxis.support.ReportedPost;
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
        handle(toFacilitators, ReportAction.KEPT, "");
        _assertNone(Button.class, spec -> spec.withId("handle-" + toFacilitators));

        signInAs(data.person(Role.ADMIN));
        navigate("");
        navigate("reports");
        _assertOne(ListItem.class, spec -> spec.withId("report-" + toAdmins));
    }

    private static void handle(long report, ReportAction action, String note) {
        _click(_get(Button.class, spec -> spec.withId("handle-" + report)));
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("report-action")), action);
        _setValue(_get(TextArea.class, spec -> spec.withId("report-note")), note);
        _click(_get(Button.class, spec -> spec.withId("report-handle-save")));
    }

    @Test
    void a_report_quotes_the_post_links_to_it_and_handling_it_moves_it_to_the_handled_list_with_what_was_done() {
        long cohort = data.cohort();
        TestData.Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        ReportedPost reported = ReportedPost.in(data, threads, moderation, cohort, "Quote *me* here.", "Needs a look.");
        TestData.Person author = reported.author();
        long thread = reported.thread();
        long post = reported.post();
        long report = reported.report();

        signInAs(facilitator);
        follow("reports?report=" + report);
        Div quote = _get(Div.class, spec -> spec.withId("report-quote-" + report));
        assertThat(quote.getElement().getOuterHTML()).contains("<blockquote>").contains("<em>me</em>");
        assertThat(_get(Span.class, spec -> spec.withId("report-author-" + report)).getText()).contains(author.name());
        assertThat(_get(Anchor.class, spec -> spec.withId("report-link-" + report)).getHref())
                .isEqualTo("threads/" + thread + "?post=" + post);

        // hiding needs the reason its author will read: the dialog stays, saying so at the field
        handle(report, ReportAction.HIDDEN, "");
        TextArea note = _get(TextArea.class, spec -> spec.withId("report-note"));
        assertThat(note.isInvalid()).isTrue();
        _setValue(note, "It named a colleague.");
        _click(_get(Button.class, spec -> spec.withId("report-handle-save")));
        _assertNone(HandleReportDialog.class);

        _assertNone(Button.class, spec -> spec.withId("handle-" + report));
        assertThat(_get(Paragraph.class, spec -> spec.withId("report-handled-" + report)).getText())
                .contains("The post was hidden").contains(facilitator.name());
        assertThat(_get(Paragraph.class, spec -> spec.withId("report-note-" + report)).getText())
                .contains("It named a colleague.");
        _assertOne(com.vaadin.flow.component.html.Section.class, spec -> spec.withId("handled-reports"));
    }

    @Test
    void a_member_cannot_open_the_reports() {
        signInAs(data.personIn(data.cohort(), Role.MEMBER));
        navigate("reports");
        _assertOne(AccessDeniedView.class);
    }
}
