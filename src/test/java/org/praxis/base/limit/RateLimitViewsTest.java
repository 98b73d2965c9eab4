package org.praxis.base.limit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.praxis.jooq.Tables.APPLICATION;
import static org.praxis.jooq.Tables.COHORT;
import static org.praxis.jooq.Tables.INVITATION;
import static org.praxis.jooq.Tables.POST;
import static org.praxis.jooq.Tables.POST_REPORT;
import static org.praxis.jooq.Tables.RATE_LIMIT;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinRequest;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.base.security.Tokens;
import org.praxis.conversation.ThreadService;
import org.praxis.joining.ApplicationForm;
import org.praxis.joining.ApplicationService;
import org.praxis.joining.Authority;
import org.praxis.joining.InvitationService;
import org.praxis.joining.RepresentationFacts;
import org.praxis.organization.Sector;
import org.praxis.support.KaribuTest;
import org.praxis.support.LowRateLimits;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/** Each limit as the person who reaches it meets it on the page: a clear message in place, and what they typed kept. */
@LowRateLimits
class RateLimitViewsTest extends KaribuTest {

    private static final String MESSAGE = "You have done this many times in a short while. Please try again in";

    @Autowired
    ThreadService threads;
    @Autowired
    ApplicationService applications;
    @Autowired
    InvitationService invitations;

    private long cohort;
    private long thread;
    private TestData.Person author;
    private TestData.Person reader;

    private void aThread() {
        cohort = data.cohort();
        author = data.personIn(cohort, Role.MEMBER);
        reader = data.personIn(cohort, Role.MEMBER);
        thread = data.thread(cohort);
    }

    private static java.util.Optional<com.vaadin.flow.component.Component> byId(com.vaadin.flow.component.Component root,
            String id) {
        if (root.getId().filter(id::equals).isPresent()) {
            return java.util.Optional.of(root);
        }
        return root.getChildren().map(c -> byId(c, id)).flatMap(java.util.Optional::stream).findFirst();
    }

    /** The Karibu requests all come from one fake address: its counts start afresh for this test. */
    private void freshFakeAddress() {
        data.db().deleteFrom(RATE_LIMIT)
                .where(RATE_LIMIT.SUBJECT.eq(RateLimiter.address(VaadinRequest.getCurrent().getRemoteAddr()))).execute();
    }

    @Test
    void posting_once_too_often_says_so_at_the_editor_and_keeps_the_text() {
        aThread();
        signInAs(author);
        navigate("threads/" + thread);
        for (int i = 0; i < LowRateLimits.POSTS; i++) {
            _setValue(_get(TextArea.class, spec -> spec.withId("reply-body")), "Post " + i);
            _click(_get(Button.class, spec -> spec.withId("reply-post")));
        }
        _setValue(_get(TextArea.class, spec -> spec.withId("reply-body")), "The words I want to keep.");
        _click(_get(Button.class, spec -> spec.withId("reply-post")));

        TextArea body = _get(TextArea.class, spec -> spec.withId("reply-body"));
        assertThat(body.isInvalid()).isTrue();
        assertThat(body.getErrorMessage()).startsWith(MESSAGE);
        assertThat(body.getValue()).isEqualTo("The words I want to keep.");
        assertThat(data.db().fetchCount(POST, POST.AUTHOR_ID.eq(author.id()))).isEqualTo(LowRateLimits.POSTS);
    }

    @Test
    void reacting_once_too_often_says_so_next_to_the_reactions() {
        aThread();
        data.signIn(author);
        long post = threads.reply(thread, null, "Something worth a reaction.", false, false);
        signInAs(reader);
        navigate("threads/" + thread);
        for (int i = 0; i < LowRateLimits.REACTIONS; i++) {
            _click(_get(Button.class, spec -> spec.withId("react-" + post + "-I_HEAR_YOU")));
        }
        _assertNone(Span.class, spec -> spec.withId("react-refused-" + post));
        _click(_get(Button.class, spec -> spec.withId("react-" + post + "-I_HEAR_YOU")));

        Span refused = _get(Span.class, spec -> spec.withId("react-refused-" + post));
        assertThat(refused.getText()).startsWith(MESSAGE);
        assertThat(refused.getElement().getAttribute("role")).isEqualTo("alert");
    }

    @Test
    void reporting_once_too_often_says_so_at_the_reason_and_keeps_it() {
        aThread();
        data.signIn(author);
        long post = threads.reply(thread, null, "Something to report.", false, false);
        signInAs(reader);
        navigate("threads/" + thread);
        for (int i = 0; i < LowRateLimits.REPORTS; i++) {
            _click(_get(Button.class, spec -> spec.withId("report-" + post)));
            _setValue(_get(TextArea.class, spec -> spec.withId("report-reason")), "Concern " + i);
            _click(_get(Button.class, spec -> spec.withId("report-send")));
        }
        _click(_get(Button.class, spec -> spec.withId("report-" + post)));
        _setValue(_get(TextArea.class, spec -> spec.withId("report-reason")), "A concern I want to keep.");
        _click(_get(Button.class, spec -> spec.withId("report-send")));

        TextArea reason = _get(TextArea.class, spec -> spec.withId("report-reason"));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).startsWith(MESSAGE);
        assertThat(reason.getValue()).isEqualTo("A concern I want to keep.");
        assertThat(data.db().fetchCount(POST_REPORT, POST_REPORT.REPORTER_ID.eq(reader.id()))).isEqualTo(LowRateLimits.REPORTS);
    }

    @Test
    void searching_once_too_often_says_so_in_the_status_and_keeps_the_words() {
        aThread();
        signInAs(reader);
        for (int i = 0; i < LowRateLimits.SEARCHES; i++) {
            com.vaadin.flow.component.UI.getCurrent().navigate("search", QueryParameters.of("q", "policy " + i));
            assertThat(_get(Paragraph.class, spec -> spec.withId("search-status")).getText()).doesNotStartWith(MESSAGE);
        }
        com.vaadin.flow.component.UI.getCurrent().navigate("search", QueryParameters.of("q", "author:1 intake"));

        assertThat(_get(Paragraph.class, spec -> spec.withId("search-status")).getText()).startsWith(MESSAGE);
        assertThat(_get(TextField.class, spec -> spec.withId("search-query")).getValue()).isEqualTo("author:1 intake");
    }

    @Test
    void asking_for_a_new_invitation_once_too_often_says_so_where_the_answer_appears() {
        freshFakeAddress();
        cohort = data.cohort();
        data.db().update(COHORT).set(COHORT.APPLICATIONS_OPEN, true).where(COHORT.ID.eq(cohort)).execute();
        TestData.Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        Long id = applications.apply(new ApplicationForm(cohort, "Ina", TestData.unique("ina") + "@example.org", null,
                "Clinic", Sector.OTHER, "Director", Authority.BOTH, "To learn", "Practice", RepresentationFacts.NONE, true,
                null), TestData.unique("addr"));
        data.signIn(facilitator);
        String token = invitations.invite(id).url().replaceAll(".*/join/", "");
        data.db().update(INVITATION).set(INVITATION.EXPIRES_AT, OffsetDateTime.now().minusMinutes(1))
                .where(INVITATION.TOKEN_HASH.eq(Tokens.hash(token))).execute();
        org.springframework.security.core.context.SecurityContextHolder.clearContext();

        for (int i = 0; i < LowRateLimits.INVITATION_REQUESTS; i++) {
            navigate("login");
            navigate("join/" + token);
            _click(_get(Button.class, spec -> spec.withId("join-ask-new")));
            assertThat(_get(Paragraph.class, spec -> spec.withId("join-asked")).getText()).startsWith("The facilitators have been told");
        }
        navigate("login");
        navigate("join/" + token);
        _click(_get(Button.class, spec -> spec.withId("join-ask-new")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("join-asked")).getText()).startsWith(MESSAGE);
        // nothing was taken away: the button is still there to try later
        assertThat(_get(Button.class, spec -> spec.withId("join-ask-new")).isEnabled()).isTrue();
    }

    @Test
    void applying_from_an_address_that_probed_too_often_says_so_on_the_form_and_keeps_what_was_typed() {
        freshFakeAddress();
        cohort = data.cohort();
        data.db().update(COHORT).set(COHORT.APPLICATIONS_OPEN, true).where(COHORT.ID.eq(cohort)).execute();
        navigate("apply");
        // shown only when more than one cohort takes applications; hidden, it holds the only one
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<org.praxis.cohort.CohortChoice> choice =
                (com.vaadin.flow.component.select.Select<org.praxis.cohort.CohortChoice>) byId(
                        com.vaadin.flow.component.UI.getCurrent(), "apply-cohort").orElseThrow();
        if (choice.isVisible()) {
            _setValue(choice, choice.getListDataView().getItems().filter(c -> c.id() == cohort).findFirst().orElseThrow());
        }
        assertThat(choice.getValue().id()).isEqualTo(cohort);
        // incomplete forms: refused, yet each one counts
        for (int i = 0; i < LowRateLimits.APPLICATIONS; i++) {
            _setValue(_get(EmailField.class, spec -> spec.withId("apply-email")), TestData.unique("probe") + "@example.org");
            _click(_get(Button.class, spec -> spec.withId("apply-submit")));
            assertThat(_get(TextField.class, spec -> spec.withId("apply-name")).isInvalid()).isTrue();
        }
        _setValue(_get(TextField.class, spec -> spec.withId("apply-name")), "Pat Prober");
        _click(_get(Button.class, spec -> spec.withId("apply-submit")));

        Paragraph problem = _get(Paragraph.class, spec -> spec.withId("apply-problem"));
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).startsWith("Too many applications have come from your network");
        assertThat(_get(TextField.class, spec -> spec.withId("apply-name")).getValue()).isEqualTo("Pat Prober");
        _assertNone(H1.class, spec -> spec.withId("apply-thanks"));
        assertThat(data.db().fetchCount(APPLICATION, APPLICATION.COHORT_ID.eq(cohort))).isZero();
        _assertOne(Button.class, spec -> spec.withId("apply-submit"));
    }
}
