package org.praxis.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.accountability.CommitmentDraft;
import org.praxis.accountability.CommitmentService;
import org.praxis.accountability.Rhythm;
import org.praxis.accountability.Sharing;
import org.praxis.analysis.Dimension;
import org.praxis.analysis.PolicyArea;
import org.praxis.base.InvalidInputException;
import org.praxis.base.security.Role;
import org.praxis.conversation.ThreadFollowService;
import org.praxis.notification.NotificationItem;
import org.praxis.notification.NotificationKind;
import org.praxis.notification.NotificationService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Practice notes against PostgreSQL, each rule tried from the side of the one it refuses. */
class PracticeNoteServiceTest extends IntegrationTest {

    @Autowired
    PracticeNoteService notes;
    @Autowired
    CommitmentService commitments;
    @Autowired
    NotificationService notifications;
    @Autowired
    ThreadFollowService follows;

    long cohort;
    long otherCohort;
    TestData.Person facilitator;
    TestData.Person author;
    TestData.Person peer;
    TestData.Person outsider;
    TestData.Person otherFacilitator;
    TestData.Person admin;

    @BeforeEach
    void twoCohorts() {
        cohort = data.cohort();
        otherCohort = data.cohort();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        author = data.personIn(cohort, Role.MEMBER);
        peer = data.personIn(cohort, Role.MEMBER);
        outsider = data.personIn(otherCohort, Role.MEMBER);
        otherFacilitator = data.personIn(otherCohort, Role.FACILITATOR);
        admin = data.person(Role.ADMIN);
    }

    private long posted(NoteVisibility visibility) {
        return posted(visibility, true, PolicyArea.HIRING);
    }

    private long posted(NoteVisibility visibility, boolean keepName, PolicyArea area) {
        data.signIn(author);
        long id = notes.create(cohort, NoteDraft.of("Blind résumé review " + TestData.unique("n"),
                "We removed names from résumés for the first read.", "More interviews went to people we used to skip.",
                area, visibility).withVisibility(visibility, visibility == NoteVisibility.NETWORK, keepName));
        notes.post(id);
        return id;
    }

    private void refused(TestData.Person who, long id) {
        data.signIn(who);
        assertThatThrownBy(() -> notes.read(id)).as(who.name()).isInstanceOf(AccessDeniedException.class);
    }

    private List<Long> cohortList(TestData.Person who) {
        data.signIn(who);
        return notes.cohortNotes(cohort, NoteFilter.all()).stream().map(NoteSummary::id).toList();
    }

    private List<Long> networkList(TestData.Person who) {
        data.signIn(who);
        return notes.network(null, null).stream().map(NoteSummary::id).toList();
    }

    @Test
    void a_draft_is_its_authors_alone_whatever_readers_it_names() {
        data.signIn(author);
        long id = notes.create(cohort, NoteDraft.of("Half-written", "", "", PolicyArea.OTHER, NoteVisibility.COHORT));

        assertThat(notes.read(id).draft()).isTrue();
        assertThat(cohortList(author)).contains(id);
        for (TestData.Person other : List.of(peer, facilitator, outsider)) {
            refused(other, id);
        }
        assertThat(cohortList(peer)).doesNotContain(id);
        assertThat(cohortList(facilitator)).doesNotContain(id);
    }

    @Test
    void a_private_note_is_refused_to_a_peer_a_facilitator_and_another_cohort() {
        long id = posted(NoteVisibility.PRIVATE);

        refused(peer, id);
        refused(facilitator, id);
        refused(outsider, id);
        data.signIn(author);
        assertThat(notes.read(id).mine()).isTrue();
        assertThat(cohortList(facilitator)).doesNotContain(id);
    }

    @Test
    void a_facilitators_note_is_read_by_the_cohorts_facilitators_not_by_peers_nor_other_facilitators() {
        long id = posted(NoteVisibility.FACILITATORS);

        data.signIn(facilitator);
        assertThat(notes.read(id).title()).startsWith("Blind");
        refused(peer, id);
        refused(otherFacilitator, id);
        assertThat(cohortList(peer)).doesNotContain(id);
    }

    @Test
    void a_cohort_note_is_refused_to_another_cohorts_member_and_is_not_in_the_network() {
        long id = posted(NoteVisibility.COHORT);

        data.signIn(peer);
        assertThat(notes.read(id).authorName()).isEqualTo(author.name());
        refused(outsider, id);
        assertThat(networkList(outsider)).doesNotContain(id);
        assertThat(networkList(peer)).doesNotContain(id);
        data.signIn(outsider);
        assertThatThrownBy(() -> notes.cohortNotes(cohort, NoteFilter.all())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_network_takes_the_authors_consent_then_a_facilitators_publishing() {
        data.signIn(author);
        long before = data.db().fetchCount(org.praxis.jooq.Tables.PRACTICE_NOTE);
        assertThatThrownBy(() -> notes.create(cohort, NoteDraft.of("No consent", "x", "y", PolicyArea.HIRING,
                NoteVisibility.NETWORK).withVisibility(NoteVisibility.NETWORK, false, true)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsKey("consent"));
        assertThat(data.db().fetchCount(org.praxis.jooq.Tables.PRACTICE_NOTE)).isEqualTo(before);

        long id = posted(NoteVisibility.NETWORK);
        refused(outsider, id);
        assertThat(networkList(outsider)).doesNotContain(id);
        data.signIn(facilitator);
        assertThat(notes.awaitingPublishing(cohort)).extracting(NoteSummary::id).contains(id);
        assertThat(notifications.latest(10)).extracting(NotificationItem::kind).contains(NotificationKind.NOTE_AWAITING.code());

        for (TestData.Person notTheirs : List.of(peer, author, otherFacilitator)) {
            data.signIn(notTheirs);
            assertThatThrownBy(() -> notes.publish(id)).as(notTheirs.name()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> notes.awaitingPublishing(cohort)).isInstanceOf(AccessDeniedException.class);
        }
        data.signIn(facilitator);
        notes.publish(id);
        assertThat(notes.awaitingPublishing(cohort)).extracting(NoteSummary::id).doesNotContain(id);
        data.signIn(outsider);
        assertThat(notes.read(id).published()).isTrue();
        assertThat(networkList(outsider)).contains(id);
        data.signIn(author);
        assertThat(notifications.latest(10)).filteredOn(n -> n.kind().equals(NotificationKind.NOTE_PUBLISHED.code()))
                .singleElement().satisfies(n -> assertThat(n.path()).isEqualTo("notes/" + id));
    }

    @Test
    void a_facilitator_cannot_publish_what_the_author_kept_in_the_cohort() {
        long id = posted(NoteVisibility.COHORT);
        data.signIn(facilitator);
        assertThatThrownBy(() -> notes.publish(id)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void withdrawn_consent_takes_the_note_out_of_the_network_at_once() {
        long id = posted(NoteVisibility.NETWORK);
        data.signIn(facilitator);
        notes.publish(id);
        assertThat(networkList(outsider)).contains(id);

        data.signIn(peer);
        assertThatThrownBy(() -> notes.withdrawConsent(id)).isInstanceOf(AccessDeniedException.class);
        data.signIn(author);
        notes.withdrawConsent(id);

        refused(outsider, id);
        assertThat(networkList(outsider)).doesNotContain(id);
        data.signIn(peer);
        NoteDetails kept = notes.read(id);
        assertThat(kept.visibility()).isEqualTo(NoteVisibility.COHORT);
        assertThat(kept.published()).isFalse();
        data.signIn(facilitator);
        assertThat(notes.awaitingPublishing(cohort)).extracting(NoteSummary::id).doesNotContain(id);
        assertThat(notes.sharedWithNetwork(cohort, Instant.now().minus(1, ChronoUnit.DAYS),
                Instant.now().plus(1, ChronoUnit.DAYS))).extracting(SharedNote::noteId).doesNotContain(id);
    }

    @Test
    void a_removed_name_reaches_no_reader_outside_the_cohort_but_the_cohort_keeps_it() {
        long id = posted(NoteVisibility.NETWORK, false, PolicyArea.HIRING);
        data.signIn(facilitator);
        notes.publish(id);

        data.signIn(outsider);
        NoteDetails outside = notes.read(id);
        assertThat(outside.authorName()).isNull();
        assertThat(outside.authorId()).isNull();
        assertThat(outside.mine()).isFalse();
        assertThat(notes.network(null, null)).filteredOn(n -> n.id() == id).singleElement()
                .satisfies(n -> assertThat(n.authorName()).isNull());
        data.signIn(peer);
        assertThat(notes.read(id).authorName()).isEqualTo(author.name());
        assertThat(notes.network(null, null)).filteredOn(n -> n.id() == id).singleElement()
                .satisfies(n -> assertThat(n.authorName()).isEqualTo(author.name()));
    }

    @Test
    void useful_marks_are_one_per_peer_toggle_and_never_the_authors_own() {
        long id = posted(NoteVisibility.COHORT);
        data.signIn(author);
        assertThatThrownBy(() -> notes.markUseful(id, true)).isInstanceOf(AccessDeniedException.class);
        data.signIn(outsider);
        assertThatThrownBy(() -> notes.markUseful(id, true)).isInstanceOf(AccessDeniedException.class);

        data.signIn(peer);
        notes.markUseful(id, true);
        notes.markUseful(id, true);
        assertThat(notes.read(id).useful()).isEqualTo(1);
        assertThat(notes.read(id).usefulByMe()).isTrue();
        data.signIn(facilitator);
        notes.markUseful(id, true);
        assertThat(notes.read(id).useful()).isEqualTo(2);
        data.signIn(peer);
        notes.markUseful(id, false);
        assertThat(notes.read(id).useful()).isEqualTo(1);
        assertThat(notes.read(id).usefulByMe()).isFalse();
    }

    @Test
    void a_note_links_only_what_its_author_may_read_and_shows_links_only_to_who_may_open_them() {
        long otherSession = data.session(otherCohort, "Elsewhere");
        long session = data.session(cohort, "Hiring with care");
        data.signIn(peer);
        long peersPrivate = commitments.create(cohort, new CommitmentDraft("Peer's own", LocalDate.now().plusDays(30),
                null, null, null, null, null, null, Sharing.PRIVATE, Rhythm.MONTHLY));
        data.signIn(author);
        long mine = commitments.create(cohort, new CommitmentDraft("Rewrite the job ad", LocalDate.now().plusDays(30),
                null, null, null, null, null, null, Sharing.PRIVATE, Rhythm.MONTHLY));
        NoteDraft base = NoteDraft.of("Linked", "tried", "learned", PolicyArea.HIRING, NoteVisibility.COHORT);

        assertThatThrownBy(() -> notes.create(cohort, base.withLinks(otherSession, null, null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsKey("session"));
        assertThatThrownBy(() -> notes.create(cohort, base.withLinks(null, peersPrivate, null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsKey("commitment"));
        assertThat(notes.choices(cohort).commitments()).extracting(NoteChoices.Choice::id).contains(mine)
                .doesNotContain(peersPrivate);

        long id = notes.create(cohort, base.withLinks(session, mine, null, null, null));
        notes.post(id);
        assertThat(notes.read(id).links()).extracting(NoteDetails.Link::kind).containsExactly("session", "commitment");
        data.signIn(peer);
        // the private commitment's words stay with its author
        assertThat(notes.read(id).links()).extracting(NoteDetails.Link::kind).containsExactly("session");
    }

    @Test
    void a_note_the_cohort_reads_gets_a_comment_thread_its_author_follows_and_narrowing_it_removes_the_thread() {
        long id = posted(NoteVisibility.PRIVATE);
        data.signIn(author);
        assertThat(notes.read(id).threadId()).isNull();

        NoteDetails n = notes.read(id);
        notes.save(id, n.lockVersion(), n.toDraft().withVisibility(NoteVisibility.COHORT, false, true));
        Long thread = notes.read(id).threadId();
        assertThat(thread).isNotNull();
        assertThat(follows.state(thread)).isEqualTo(ThreadFollowService.Follow.FOLLOWING);
        assertThat(notes.read(id).editedAt()).isNotNull();

        n = notes.read(id);
        notes.save(id, n.lockVersion(), n.toDraft().withVisibility(NoteVisibility.FACILITATORS, false, true));
        assertThat(notes.read(id).threadId()).isNull();
        assertThat(data.db().fetchCount(org.praxis.jooq.Tables.THREAD, org.praxis.jooq.Tables.THREAD.ID.eq(thread)))
                .isZero();
    }

    @Test
    void bad_input_is_refused_at_its_field_and_nothing_is_written() {
        data.signIn(author);
        long id = notes.create(cohort, NoteDraft.of("Fine", "", "", PolicyArea.OTHER, NoteVisibility.PRIVATE));
        NoteDetails n = notes.read(id);
        NoteDraft tooLong = n.toDraft().withText(NoteField.LEARNED, "x".repeat(NoteField.LEARNED.max() + 1))
                .withFacts(Set.of(Dimension.GENDER), List.of("y".repeat(PracticeNoteService.TAG_MAX + 1)));
        assertThatThrownBy(() -> notes.save(id, n.lockVersion(), tooLong))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsKeys("learned", "tags"));
        assertThatThrownBy(() -> notes.post(id)).as("nothing said yet")
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsKeys("tried", "learned"));
        NoteDetails after = notes.read(id);
        assertThat(after.draft()).isTrue();
        assertThat(after.lockVersion()).isEqualTo(n.lockVersion());
        assertThat(after.dimensions()).isEmpty();
        assertThatThrownBy(() -> notes.save(id, n.lockVersion() - 1, n.toDraft()))
                .as("a save from an older page").isInstanceOf(InvalidInputException.class);
    }

    @Test
    void filters_by_tag_dimension_area_author_and_session() {
        long session = data.session(cohort, "Tags and filters");
        data.signIn(author);
        long tagged = notes.create(cohort, NoteDraft.of("Tagged", "t", "l", PolicyArea.GOVERNANCE, NoteVisibility.COHORT)
                .withFacts(Set.of(Dimension.DISABILITY), List.of("Board"))
                .withLinks(session, null, null, null, null));
        notes.post(tagged);
        long plain = posted(NoteVisibility.COHORT);

        data.signIn(peer);
        assertThat(ids(new NoteFilter("board", null, null, null, null))).containsExactly(tagged);
        assertThat(ids(new NoteFilter(null, Dimension.DISABILITY, null, null, null))).containsExactly(tagged);
        assertThat(ids(new NoteFilter(null, null, PolicyArea.HIRING, null, null))).containsExactly(plain);
        assertThat(ids(new NoteFilter(null, null, null, author.id(), null))).containsExactlyInAnyOrder(tagged, plain);
        assertThat(ids(new NoteFilter(null, null, null, peer.id(), null))).isEmpty();
        assertThat(ids(new NoteFilter(null, null, null, null, session))).containsExactly(tagged);
    }

    private List<Long> ids(NoteFilter f) {
        return notes.cohortNotes(cohort, f).stream().map(NoteSummary::id).toList();
    }

    @Test
    void the_network_report_gets_shared_notes_with_consent_and_counts_of_every_note_by_area() {
        Instant from = Instant.now().minus(1, ChronoUnit.HOURS);
        Instant to = Instant.now().plus(1, ChronoUnit.HOURS);
        long named = posted(NoteVisibility.NETWORK, true, PolicyArea.HIRING);
        long nameless = posted(NoteVisibility.NETWORK, false, PolicyArea.HIRING);
        long unpublished = posted(NoteVisibility.NETWORK, true, PolicyArea.GOVERNANCE);
        posted(NoteVisibility.PRIVATE, true, PolicyArea.GOVERNANCE);
        posted(NoteVisibility.FACILITATORS, true, PolicyArea.DISCIPLINE);
        data.signIn(author);
        notes.create(cohort, NoteDraft.of("A draft is no note yet", "", "", PolicyArea.DISCIPLINE, NoteVisibility.PRIVATE));
        data.signIn(facilitator);
        notes.publish(named);
        notes.publish(nameless);

        List<SharedNote> shared = notes.sharedWithNetwork(cohort, from, to);
        assertThat(shared).extracting(SharedNote::noteId).containsExactly(named, nameless).doesNotContain(unpublished);
        assertThat(shared.get(0).authorName()).isEqualTo(author.name());
        assertThat(shared.get(1).authorName()).isEmpty();
        assertThat(shared.get(0).learned()).isEqualTo("More interviews went to people we used to skip.");
        assertThat(notes.sharedWithNetwork(cohort, to, to.plus(1, ChronoUnit.DAYS))).isEmpty();
        assertThat(notes.countsByPolicyArea(cohort, from, to))
                .containsExactly(Map.entry("HIRING", 2L), Map.entry("GOVERNANCE", 2L), Map.entry("DISCIPLINE", 1L));

        data.signIn(author);
        notes.withdrawConsent(nameless);
        data.signIn(admin);
        assertThat(notes.sharedWithNetwork(cohort, from, to)).extracting(SharedNote::noteId).containsExactly(named);
        assertThat(notes.countsByPolicyArea(cohort, from, to)).containsEntry("HIRING", 2L);
        for (TestData.Person refused : List.of(peer, otherFacilitator)) {
            data.signIn(refused);
            assertThatThrownBy(() -> notes.sharedWithNetwork(cohort, from, to)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> notes.countsByPolicyArea(cohort, from, to)).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Autowired
    org.praxis.learning.LearningService learning;

    @Test
    void the_cohort_report_shows_the_shared_notes_and_the_notes_by_area_and_a_withdrawn_one_leaves_it() {
        long shared = posted(NoteVisibility.NETWORK, false, PolicyArea.LANGUAGE_ACCESS);
        posted(NoteVisibility.PRIVATE, true, PolicyArea.LANGUAGE_ACCESS);
        posted(NoteVisibility.COHORT, true, PolicyArea.LANGUAGE_ACCESS);
        data.signIn(facilitator);
        notes.publish(shared);
        var period = learning.period(cohort, org.praxis.learning.ReportPeriod.Preset.LAST_3_MONTHS, null, null);

        var report = learning.report(cohort, period);
        assertThat(report.passages()).singleElement().satisfies(p -> {
            assertThat(p.kindKey()).isEqualTo("learning.passage.note");
            assertThat(p.text()).isEqualTo("More interviews went to people we used to skip.");
            assertThat(p.authorName()).isEmpty();
            assertThat(p.link()).isEqualTo("notes/" + shared);
        });
        String csv = new String(learning.csv(cohort, period), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("Practice notes by area").contains("Language access").doesNotContain(author.name());

        data.signIn(author);
        notes.withdrawConsent(shared);
        data.signIn(facilitator);
        assertThat(learning.report(cohort, period).passages()).isEmpty();
    }
}
