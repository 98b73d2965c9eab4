package org.praxis.accountability.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.praxis.jooq.Tables.MEMBER;
import static org.praxis.jooq.Tables.PROMPT;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.accountability.CalendarFeedService;
import org.praxis.accountability.CommitmentDraft;
import org.praxis.accountability.CommitmentService;
import org.praxis.accountability.CommitmentStatus;
import org.praxis.accountability.DigestFrequency;
import org.praxis.accountability.Rhythm;
import org.praxis.accountability.Sharing;
import org.praxis.base.security.Role;
import org.praxis.base.security.Signatures;
import org.praxis.base.ui.AccessDeniedView;
import org.praxis.conversation.ThreadService;
import org.praxis.obstacle.Obstacle;
import org.praxis.obstacle.ObstacleService;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

class AccountabilityViewsTest extends KaribuTest {

    @Autowired
    CommitmentService commitments;
    @Autowired
    ObstacleService obstacles;
    @Autowired
    ThreadService threads;
    @Autowired
    Signatures signatures;
    @Autowired
    CalendarFeedService feeds;

    long cohort;
    TestData.Person facilitator;
    TestData.Person author;
    TestData.Person peer;
    LocalDate today;

    @BeforeEach
    void cohortOfThree() {
        cohort = data.cohort();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        author = data.personIn(cohort, Role.MEMBER);
        peer = data.personIn(cohort, Role.MEMBER);
        today = LocalDate.now(ZoneId.of("America/Los_Angeles"));
    }

    private static void go(String route, String name, Object value) {
        UI.getCurrent().navigate(route, QueryParameters.of(name, String.valueOf(value)));
    }

    private static void click(String id) {
        _click(_get(Button.class, spec -> spec.withId(id)));
    }

    @SuppressWarnings("unchecked")
    private static <T> RadioButtonGroup<T> radio(String id) {
        return _get(RadioButtonGroup.class, spec -> spec.withId(id));
    }

    private long shared(TestData.Person who, String what) {
        data.signIn(who);
        return commitments.create(cohort, new CommitmentDraft(what, today.plusMonths(1), null, null, null, null, null, null,
                Sharing.COHORT, Rhythm.MONTHLY));
    }

    @Test
    void a_member_records_a_commitment_problems_in_place_then_checks_in_through_every_status() {
        signInAs(author);
        navigate("commitments");
        click("commitment-new");
        TextArea what = _get(TextArea.class, spec -> spec.withId("commitment-what"));
        DatePicker due = _get(DatePicker.class, spec -> spec.withId("commitment-due"));
        _setValue(due, today.minusDays(2));
        _setValue(_get(TextField.class, spec -> spec.withId("commitment-involved")), "Our intake lead");
        click("commitment-save");
        assertThat(what.isInvalid()).isTrue();
        assertThat(due.isInvalid()).isTrue();
        assertThat(due.getErrorMessage()).isEqualTo("Please choose today or a later day.");
        assertThat(_get(TextField.class, spec -> spec.withId("commitment-involved")).getValue()).isEqualTo("Our intake lead");
        _setValue(what, "Offer intake in Spanish after five");
        _setValue(due, today.plusMonths(2));
        _setValue(radio("commitment-sharing"), Sharing.COHORT);
        click("commitment-save");
        assertThat(_get(Paragraph.class, spec -> spec.withId("commitment-text")).getText())
                .isEqualTo("Offer intake in Spanish after five");

        // a note far too long is refused in place and kept
        TextArea note = _get(TextArea.class, spec -> spec.withId("check-in-note"));
        _setValue(note, "n".repeat(10_000));
        click("check-in-save");
        assertThat(note.isInvalid()).isTrue();
        assertThat(note.getValue()).hasSize(10_000);

        for (CommitmentStatus status : CommitmentStatus.values()) {
            _setValue(radio("check-in-status"), status);
            _setValue(_get(TextArea.class, spec -> spec.withId("check-in-note")), "Now " + status.name());
            if (status.namesObstacles()) {
                @SuppressWarnings("unchecked")
                CheckboxGroup<Obstacle> named = _get(CheckboxGroup.class, spec -> spec.withId("check-in-obstacles"));
                _setValue(named, Set.of(named.getListDataView().getItems().filter(o -> o.label().equals("Budget"))
                        .findFirst().orElseThrow()));
            } else {
                _assertNone(CheckboxGroup.class, spec -> spec.withId("check-in-obstacles"));
            }
            click("check-in-save");
        }
        String history = _get(OrderedList.class, spec -> spec.withId("check-ins")).getElement().getTextRecursively();
        assertThat(history).contains("Now NOT_STARTED", "Now IN_PROGRESS", "Now DONE", "Now CHANGED_COURSE", "Now STUCK",
                "Obstacles: Budget");
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("commitment-status")).getText())
                .isEqualTo("Stuck");
    }

    @Test
    void a_commitment_made_from_a_session_page_is_linked_to_it() {
        long session = data.session(cohort, "Where intake fails");
        signInAs(author);
        navigate("sessions/" + session);
        assertThat(_get(Anchor.class, spec -> spec.withId("session-commit")).getHref())
                .isEqualTo("commitments?cohort=" + cohort + "&session=" + session);
        UI.getCurrent().navigate("commitments", QueryParameters.simple(java.util.Map.of("cohort", String.valueOf(cohort),
                "session", String.valueOf(session))));
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<org.praxis.session.SessionSummary> chosen =
                _get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("commitment-session"));
        assertThat(chosen.getValue().id()).isEqualTo(session);
        _setValue(_get(TextArea.class, spec -> spec.withId("commitment-what")), "Fix the intake script");
        _setValue(_get(DatePicker.class, spec -> spec.withId("commitment-due")), today.plusWeeks(3));
        click("commitment-save");
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("commitment-links"))
                .getElement().getTextRecursively()).contains("Where intake fails");
    }

    @Test
    void the_board_groups_shared_commitments_and_a_peer_offers_help_and_comments() {
        long id = shared(author, "Publish our equity data by language");
        data.signIn(author);
        commitments.checkIn(id, CommitmentStatus.IN_PROGRESS, "Drafted the first table", null, Set.of());
        long quiet = commitments.create(cohort, new CommitmentDraft("Only mine", today.plusMonths(1), null, null, null, null,
                null, null, Sharing.PRIVATE, Rhythm.MONTHLY));
        signInAs(peer);
        go("board", "cohort", cohort);
        Section inProgress = _get(Section.class, spec -> spec.withId("board-in_progress"));
        assertThat(inProgress.getElement().getTextRecursively()).contains("Publish our equity data by language",
                "Drafted the first table");
        _assertNone(ListItem.class, spec -> spec.withId("commitment-" + quiet));
        navigate("commitments/" + id);
        click("commitment-help");
        assertThat(_get(Paragraph.class, spec -> spec.withId("commitment-helpers")).getText()).contains(peer.name());
        assertThat(_get(Button.class, spec -> spec.withId("commitment-help")).isEnabled()).isFalse();
        click("commitment-comment");
        assertThat(_get(H1.class, spec -> spec.withId("thread-title")).getText()).isEqualTo("Publish our equity data by language");
        navigate("commitments/" + quiet);
        _assertOne(org.praxis.base.ui.NotFoundView.class);

        // the author takes it back from the cohort: asked first, then the discussion goes
        long discussion = commitments.read(id).discussionId();
        signInAs(author);
        navigate("commitments/" + id);
        _setValue(radio("commitment-sharing-now"), Sharing.FACILITATORS);
        click("narrow-cancel");
        assertThat(commitments.read(id).sharing()).isEqualTo(Sharing.COHORT);
        _setValue(radio("commitment-sharing-now"), Sharing.FACILITATORS);
        click("narrow-confirm");
        assertThat(commitments.read(id).sharing()).isEqualTo(Sharing.FACILITATORS);
        assertThat(data.db().fetchExists(org.praxis.jooq.Tables.THREAD, org.praxis.jooq.Tables.THREAD.ID.eq(discussion)))
                .isFalse();
    }

    @Test
    void facilitators_see_obstacles_by_month_masked_below_three_and_open_a_prompt_from_one() {
        TestData.Person third = data.personIn(cohort, Role.MEMBER);
        data.signIn(facilitator);
        List<Obstacle> list = obstacles.list(cohort, false);
        long turnover = list.stream().filter(o -> o.label().equals("Staff turnover")).findFirst().orElseThrow().id();
        long fatigue = list.stream().filter(o -> o.label().equals("Fatigue")).findFirst().orElseThrow().id();
        for (TestData.Person who : List.of(author, peer, third)) {
            long id = shared(who, "Plan of " + who.name());
            commitments.checkIn(id, CommitmentStatus.STUCK, null, "People keep leaving", Set.of(turnover));
        }
        long once = shared(author, "Another plan");
        commitments.checkIn(once, CommitmentStatus.CHANGED_COURSE, null, null, Set.of(fatigue));
        long session = data.session(cohort, "Turnover and us");

        signInAs(facilitator);
        go("obstacles", "cohort", cohort);
        String turnoverRow = _get(NativeTableRow.class, spec -> spec.withId("obstacle-row-" + turnover)).getElement()
                .getTextRecursively();
        assertThat(turnoverRow).startsWith("Staff turnover").contains("3");
        assertThat(_get(NativeTableRow.class, spec -> spec.withId("obstacle-row-" + fatigue)).getElement()
                .getTextRecursively()).contains("fewer than 3").doesNotContain("1");
        click("obstacle-prompt-" + turnover);
        assertThat(_get(TextArea.class, spec -> spec.withId("obstacle-prompt-question")).getValue())
                .contains("staff turnover");
        click("obstacle-prompt-add");
        _assertOne(Paragraph.class, spec -> spec.withId("obstacle-prompt-done"));
        assertThat(data.db().fetchCount(PROMPT, PROMPT.SESSION_ID.eq(session))).isEqualTo(1);

        _setValue(_get(TextField.class, spec -> spec.withId("obstacle-new")), "Staff turnover");
        click("obstacle-add");
        assertThat(_get(TextField.class, spec -> spec.withId("obstacle-new")).isInvalid()).isTrue();

        signInAs(author);
        go("obstacles", "cohort", cohort);
        _assertOne(AccessDeniedView.class);
    }

    @Test
    void the_author_of_a_post_names_what_got_in_the_way() {
        long thread = data.thread(cohort);
        data.signIn(author);
        long post = threads.reply(thread, null, "The contract forbids it.", false, false);
        signInAs(author);
        navigate("threads/" + thread);
        click("obstacles-" + post);
        @SuppressWarnings("unchecked")
        CheckboxGroup<Obstacle> choice = _get(CheckboxGroup.class, spec -> spec.withId("post-obstacles-choice"));
        _setValue(choice, Set.of(choice.getListDataView().getItems()
                .filter(o -> o.label().equals("Regulation or contract terms")).findFirst().orElseThrow()));
        click("post-obstacles-save");
        assertThat(_get(Paragraph.class, spec -> spec.withId("post-obstacles-" + post)).getText())
                .isEqualTo("Got in the way: Regulation or contract terms");
        signInAs(peer);
        navigate("threads/" + thread);
        _assertNone(Button.class, spec -> spec.withId("obstacles-" + post));
        _assertOne(Paragraph.class, spec -> spec.withId("post-obstacles-" + post));
    }

    @Test
    void reminders_set_the_digest_and_make_and_revoke_a_calendar_address() {
        signInAs(author);
        navigate("reminders");
        _setValue(radio("reminders-digest"), DigestFrequency.DAILY);
        assertThat(data.db().select(MEMBER.DIGEST).from(MEMBER).where(MEMBER.ID.eq(author.id())).fetchSingle(MEMBER.DIGEST))
                .isEqualTo("DAILY");
        click("reminders-calendar-make");
        String address = _get(TextField.class, spec -> spec.withId("reminders-calendar-address")).getValue();
        assertThat(address).startsWith("http://praxis.test/calendar/feed/").endsWith(".ics");
        String token = address.replaceAll(".*/calendar/feed/", "").replace(".ics", "");
        assertThat(feeds.feed(token).state()).isEqualTo(CalendarFeedService.State.ACTIVE);
        click("reminders-calendar-revoke");
        _assertNone(TextField.class, spec -> spec.withId("reminders-calendar-address"));
        assertThat(feeds.feed(token).state()).isEqualTo(CalendarFeedService.State.REVOKED);
        long session = data.session(cohort, "Downloadable");
        navigate("sessions/" + session);
        assertThat(_get(Anchor.class, spec -> spec.withId("session-ics")).getHref()).isNotBlank();
    }

    @Test
    void the_unsubscribe_link_takes_one_click_without_signing_in_and_a_forged_one_changes_nothing() {
        String token = signatures.sign("unsubscribe", String.valueOf(author.id()));
        SecurityContextHolder.clearContext();
        navigate("unsubscribe/" + peer.id() + token.substring(token.indexOf('.')));
        assertThat(_get(H1.class, spec -> spec.withId("unsubscribe-result")).getText()).isEqualTo("This link is not valid");
        assertThat(data.db().select(MEMBER.DIGEST).from(MEMBER).where(MEMBER.ID.eq(peer.id())).fetchSingle(MEMBER.DIGEST))
                .isEqualTo("WEEKLY");
        navigate("unsubscribe/" + token);
        // opening the link changes nothing (mail scanners open links); the click does
        assertThat(data.db().select(MEMBER.DIGEST).from(MEMBER).where(MEMBER.ID.eq(author.id())).fetchSingle(MEMBER.DIGEST))
                .isEqualTo("WEEKLY");
        click("unsubscribe-confirm");
        assertThat(_get(H1.class, spec -> spec.withId("unsubscribe-result")).getText())
                .isEqualTo("You will get no more digests");
        assertThat(data.db().select(MEMBER.DIGEST).from(MEMBER).where(MEMBER.ID.eq(author.id())).fetchSingle(MEMBER.DIGEST))
                .isEqualTo("OFF");
    }
}
