package org.praxis.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.praxis.jooq.Tables.ANALYSIS;
import static org.praxis.jooq.Tables.APPLICATION;
import static org.praxis.jooq.Tables.AUDIT_EVENT;
import static org.praxis.jooq.Tables.CALENDAR_FEED;
import static org.praxis.jooq.Tables.COHORT_MEMBERSHIP;
import static org.praxis.jooq.Tables.COMMITMENT;
import static org.praxis.jooq.Tables.MEMBER;
import static org.praxis.jooq.Tables.NOTIFICATION;
import static org.praxis.jooq.Tables.POST;
import static org.praxis.jooq.Tables.POST_DRAFT;
import static org.praxis.jooq.Tables.REACTION;
import static org.praxis.jooq.Tables.SIGN_IN_ATTEMPT;
import static org.praxis.jooq.Tables.WORKSHEET_RESPONSE;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jooq.JSONB;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.accountability.CalendarFeedService;
import org.praxis.accountability.CommitmentDraft;
import org.praxis.accountability.CommitmentService;
import org.praxis.accountability.CommitmentStatus;
import org.praxis.accountability.Rhythm;
import org.praxis.accountability.Sharing;
import org.praxis.analysis.AnalysisDraft;
import org.praxis.analysis.AnalysisService;
import org.praxis.analysis.Dimension;
import org.praxis.analysis.PolicyArea;
import org.praxis.analysis.Section;
import org.praxis.base.InvalidInputException;
import org.praxis.base.i18n.Messages;
import org.praxis.base.security.Accounts;
import org.praxis.base.security.Role;
import org.praxis.base.security.SignedInSessions;
import org.praxis.cohort.CohortService;
import org.praxis.conversation.PostItem;
import org.praxis.conversation.PostState;
import org.praxis.conversation.ReactionKind;
import org.praxis.conversation.ReactionService;
import org.praxis.conversation.ThreadPage;
import org.praxis.conversation.ThreadService;
import org.praxis.search.Indexer;
import org.praxis.search.SearchHit;
import org.praxis.search.SearchService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.SignInAttempts;
import org.praxis.support.TestData;
import org.praxis.worksheet.Answer;
import org.praxis.worksheet.TemplateService;
import org.praxis.worksheet.Visibility;
import org.praxis.worksheet.WorksheetService;
import org.praxis.worksheet.WorksheetServiceTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;

/**
 * Everything a member wrote, taken away as one archive, and an account deleted on request with
 * what they shared kept as by "a former member" or removed: from the side of the member, of
 * their peers, and of those who must be refused.
 */
class PersonalDataServiceTest extends IntegrationTest {

    @Autowired
    PersonalDataService personalData;
    @Autowired
    ThreadService threads;
    @Autowired
    ReactionService reactions;
    @Autowired
    AnalysisService analyses;
    @Autowired
    TemplateService templates;
    @Autowired
    WorksheetService worksheets;
    @Autowired
    CommitmentService commitments;
    @Autowired
    CalendarFeedService calendars;
    @Autowired
    CohortService cohorts;
    @Autowired
    SearchService search;
    @Autowired
    Indexer indexer;
    @Autowired
    Messages messages;
    @Autowired
    SignedInSessions sessions;
    @Autowired
    AuthenticationManager authenticationManager;

    long cohort;
    long thread;
    TestData.Person admin;
    TestData.Person facilitator;
    TestData.Person member;
    TestData.Person peer;
    String word;
    long post;
    long hiddenNamePost;
    long peerReply;
    long sharedAnalysis;
    long draftAnalysis;
    long privateResponse;
    long sharedResponse;
    long privateCommitment;
    long sharedCommitment;
    long application;

    @BeforeEach
    void aMemberWhoWroteEverywhere() {
        cohort = data.cohort();
        admin = data.person(Role.ADMIN);
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        member = data.personIn(cohort, Role.MEMBER);
        peer = data.personIn(cohort, Role.MEMBER);
        thread = data.thread(cohort, null, true);
        word = "zq" + Long.toString(System.nanoTime(), 36);

        data.signIn(member);
        post = threads.reply(thread, null, "Our intake form asks for papers " + word, false, false);
        hiddenNamePost = threads.reply(thread, null, "Said without my name " + word, false, true);
        long regretted = threads.reply(thread, null, "Words I took back " + word, false, false);
        threads.delete(regretted);
        threads.saveDraft(thread, null, "Unsent thoughts " + word);
        data.signIn(peer);
        // (a peer's own words are theirs: had they written the name, it would stay in their post)
        peerReply = threads.reply(thread, post, "Thank you, same here " + word, false, false);
        long peerCommitment = commitments.create(cohort, commitment("Peer's change " + word, Sharing.COHORT));
        data.signIn(member);
        reactions.toggle(peerReply, ReactionKind.I_HEAR_YOU);
        commitments.offerHelp(peerCommitment);

        sharedAnalysis = analyses.create(cohort, analysis("Sliding fees " + word));
        analyses.share(sharedAnalysis);
        draftAnalysis = analyses.create(cohort, analysis("Unfinished " + word));

        data.signIn(facilitator);
        long template = templates.create(cohort, WorksheetServiceTestSupport.everyKind(TestData.unique("Reflection")));
        long first = worksheets.assign(template, cohort, null, null, null);
        long second = worksheets.assign(template, cohort, null, null, null);
        data.signIn(member);
        privateResponse = worksheets.start(first);
        worksheets.saveAnswer(privateResponse, "q1", Answer.text("Private answer " + word));
        sharedResponse = worksheets.start(second);
        worksheets.saveAnswer(sharedResponse, "q1", Answer.text("Shared answer " + word));
        worksheets.setVisibility(sharedResponse, Visibility.COHORT);

        privateCommitment = commitments.create(cohort, commitment("Private change " + word, Sharing.PRIVATE));
        sharedCommitment = commitments.create(cohort, commitment("Shared change " + word, Sharing.COHORT));
        commitments.checkIn(sharedCommitment, CommitmentStatus.IN_PROGRESS, "Checked in " + word, null, Set.of());
        calendars.newFeed();

        application = data.db().insertInto(APPLICATION).set(APPLICATION.COHORT_ID, cohort).set(APPLICATION.NAME, member.name())
                .set(APPLICATION.EMAIL, member.email()).set(APPLICATION.SECTOR, "HEALTH_CARE")
                .set(APPLICATION.ROLE_TITLE, "Director").set(APPLICATION.AUTHORITY, "BOTH")
                .set(APPLICATION.WHY, "Why I applied " + word).set(APPLICATION.BRING, "What I bring")
                .set(APPLICATION.FACTS, JSONB.valueOf("{\"gender\": \"WOMAN\"}")).set(APPLICATION.STATUS, "JOINED")
                .set(APPLICATION.MEMBER_ID, member.id()).returning(APPLICATION.ID).fetchOne(APPLICATION.ID);
        new SignInAttempts(authenticationManager).attempt(member.email(), TestData.PASSWORD);
    }

    private CommitmentDraft commitment(String what, Sharing sharing) {
        return new CommitmentDraft(what, LocalDate.now().plusMonths(2), "When it is done", null, null, null, null, null,
                sharing, Rhythm.MONTHLY);
    }

    private AnalysisDraft analysis(String title) {
        Map<Section, String> sections = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            sections.put(s, "Our " + s.key() + " " + word);
        }
        return new AnalysisDraft(title, null, PolicyArea.ELIGIBILITY, Set.of(Dimension.LANGUAGE), List.of("fees"), sections,
                Set.of());
    }

    private Map<String, String> archiveOf(long memberId) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        personalData.export(memberId, out, (key, args) -> messages.getTranslation(key, Locale.ENGLISH, args));
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()), StandardCharsets.UTF_8)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static String all(Map<String, String> files) {
        return String.join("\n", files.values());
    }

    // ---- the archive

    @Test
    void a_member_downloads_everything_they_wrote_as_one_zip_of_markdown_and_json() throws IOException {
        data.signIn(member);
        Map<String, String> files = archiveOf(member.id());

        assertThat(files).containsKeys("README.md", "profile.json", "posts/posts.md", "posts/posts.json", "posts/drafts.json",
                "posts/reactions.json",
                "worksheets/responses.json", "commitments/commitments.json", "commitments/commitments.md",
                "applications/applications.json");
        assertThat(files.get("profile.json")).contains(member.email(), member.name(), data.cohortName(cohort));
        assertThat(files.get("posts/posts.md")).contains("Our intake form asks for papers " + word,
                "Said without my name " + word, "Posted with your name hidden from peers", "Words I took back " + word);
        assertThat(files.get("posts/drafts.json")).contains("Unsent thoughts " + word);
        assertThat(files.keySet()).anySatisfy(p -> assertThat(p).startsWith("analyses/Sliding-fees-").endsWith(".md"));
        assertThat(files.keySet()).anySatisfy(p -> assertThat(p).startsWith("analyses/Unfinished-").endsWith(".md"));
        assertThat(all(files)).contains("Our purpose " + word);
        assertThat(files.get("worksheets/responses.json")).contains("Private answer " + word, "Shared answer " + word);
        assertThat(files.keySet().stream().filter(p -> p.startsWith("worksheets/") && p.endsWith(".md"))).hasSize(2);
        assertThat(files.get("commitments/commitments.md")).contains("Private change " + word, "Shared change " + word,
                "Checked in " + word, "In progress");
        assertThat(files.get("applications/applications.json")).contains("Why I applied " + word, "WOMAN");
        assertThat(files.get("README.md")).contains("Your data from Praxis", "posts/posts.md", "profile.json");
        // what others wrote is theirs, and every heading has its text
        assertThat(all(files)).doesNotContain("same here " + word).doesNotContain("Peer's change").doesNotContain("!export.")
                .doesNotContain("!commitment.").doesNotContain("!analysis.").doesNotContain("!worksheet.");
        assertThat(data.db().fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("member.data-exported")
                .and(AUDIT_EVENT.ACTOR_ID.eq(member.id())))).isEqualTo(1);
    }

    @Test
    void nobody_downloads_the_archive_of_someone_else_not_even_an_admin() {
        for (TestData.Person other : List.of(peer, facilitator, admin)) {
            data.signIn(other);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThatThrownBy(() -> personalData.export(member.id(), out, (key, args) -> key))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(out.size()).isZero();
        }
    }

    // ---- deleting an account

    @Test
    void facilitators_and_members_cannot_delete_accounts_and_an_admin_not_their_own() {
        for (TestData.Person who : List.of(facilitator, peer, member)) {
            data.signIn(who);
            assertThatThrownBy(() -> personalData.erase(peer.id() == who.id() ? member.id() : peer.id(), true))
                    .isInstanceOf(AccessDeniedException.class);
        }
        data.signIn(admin);
        assertThatThrownBy(() -> personalData.erase(admin.id(), true)).isInstanceOf(InvalidInputException.class);
        assertThat(data.membersNamed(member.name())).isEqualTo(1);
        assertThat(data.membersNamed(peer.name())).isEqualTo(1);
    }

    private List<SearchHit> searchAs(TestData.Person who, String q) throws Exception {
        indexer.catchUp();
        data.signIn(who);
        return search.search(q, 50);
    }

    @Test
    void kept_contributions_show_as_by_a_former_member_and_nothing_names_them_anywhere() throws Exception {
        MockHttpSession session = new MockHttpSession();
        sessions.track(member.id(), session);
        data.signIn(admin);
        personalData.erase(member.id(), true);

        // the thread: their words stay, under "a former member"
        data.signIn(peer);
        ThreadPage page = threads.read(thread, ThreadService.Sort.OLDEST_FIRST);
        PostItem kept = page.posts().stream().filter(p -> p.id() == post).findFirst().orElseThrow();
        assertThat(kept.state()).isEqualTo(PostState.VISIBLE);
        assertThat(kept.authorName()).isEqualTo("A former member");
        assertThat(kept.markdown()).contains("Our intake form asks for papers");
        assertThat(page.reactions().of(peerReply).get(ReactionKind.I_HEAR_YOU)).containsExactly("A former member");
        assertThat(page.toString()).doesNotContain(member.name());
        // search: found by their words, never by their name
        assertThat(searchAs(peer, word)).isNotEmpty().allSatisfy(h -> assertThat(h.author()).isNotEqualTo(member.name()));
        assertThat(searchAs(peer, word).toString()).doesNotContain(member.name());
        assertThat(searchAs(peer, "author:\"" + member.name() + "\"")).isEmpty();
        assertThat(searchAs(peer, member.name()).toString()).doesNotContain(member.name());
        // the people of the cohort, and the people page
        data.signIn(peer);
        assertThat(cohorts.myCohorts().toString()).doesNotContain(member.name()).doesNotContain("A former member");
        data.signIn(admin);
        assertThat(data.db().fetchExists(COHORT_MEMBERSHIP, COHORT_MEMBERSHIP.MEMBER_ID.eq(member.id()))).isFalse();
        // the peer's notice of help offered names them no more
        assertThat(data.db().select(NOTIFICATION.SUBJECT).from(NOTIFICATION).where(NOTIFICATION.MEMBER_ID.eq(peer.id()))
                .fetch(NOTIFICATION.SUBJECT)).contains("A former member").doesNotContain(member.name());

        // what was private to them is gone; what they shared stays
        assertThat(data.db().fetchExists(POST_DRAFT, POST_DRAFT.MEMBER_ID.eq(member.id()))).isFalse();
        assertThat(data.db().fetchExists(WORKSHEET_RESPONSE, WORKSHEET_RESPONSE.ID.eq(privateResponse))).isFalse();
        assertThat(data.db().fetchExists(WORKSHEET_RESPONSE, WORKSHEET_RESPONSE.ID.eq(sharedResponse))).isTrue();
        assertThat(data.db().fetchExists(COMMITMENT, COMMITMENT.ID.eq(privateCommitment))).isFalse();
        assertThat(data.db().fetchExists(COMMITMENT, COMMITMENT.ID.eq(sharedCommitment))).isTrue();
        assertThat(data.db().fetchExists(ANALYSIS, ANALYSIS.ID.eq(draftAnalysis))).isFalse();
        assertThat(data.db().fetchExists(ANALYSIS, ANALYSIS.ID.eq(sharedAnalysis))).isTrue();
        assertThat(data.db().fetchExists(CALENDAR_FEED, CALENDAR_FEED.MEMBER_ID.eq(member.id()))).isFalse();
        assertThat(data.db().fetchExists(NOTIFICATION, NOTIFICATION.MEMBER_ID.eq(member.id()))).isFalse();
        assertThat(data.db().fetchExists(APPLICATION, APPLICATION.ID.eq(application))).isFalse();
        assertThat(data.db().fetchExists(SIGN_IN_ATTEMPT, SIGN_IN_ATTEMPT.ACCOUNT_KEY.eq(Accounts.key(member.email()))))
                .isFalse();
        assertThat(data.db().fetchExists(AUDIT_EVENT, AUDIT_EVENT.DETAIL.eq(Accounts.key(member.email())))).isFalse();
        // the account itself names no one, cannot sign in, and its sessions ended
        var row = data.db().selectFrom(MEMBER).where(MEMBER.ID.eq(member.id())).fetchSingle();
        assertThat(row.getDisplayName()).isEqualTo("A former member");
        assertThat(row.getEmail()).doesNotContain(member.name());
        assertThat(row.getErasedAt()).isNotNull();
        assertThat(row.getActive()).isFalse();
        assertThat(session.isInvalid()).isTrue();
        assertThatThrownBy(() -> new SignInAttempts(authenticationManager).attempt(member.email(), TestData.PASSWORD))
                .isInstanceOf(BadCredentialsException.class);
        // and the admin's deletion is in the audit trail, with the choice made
        assertThat(data.db().fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("member.erased")
                .and(AUDIT_EVENT.ACTOR_ID.eq(admin.id())).and(AUDIT_EVENT.TARGET_ID.eq(member.id()))
                .and(AUDIT_EVENT.DETAIL.eq("contributions kept")))).isEqualTo(1);
    }

    @Test
    void removed_contributions_leave_posts_in_place_as_removed_and_nothing_of_their_words() throws Exception {
        data.signIn(admin);
        personalData.erase(member.id(), false);

        data.signIn(peer);
        ThreadPage page = threads.read(thread, ThreadService.Sort.OLDEST_FIRST);
        PostItem removed = page.posts().stream().filter(p -> p.id() == post).findFirst().orElseThrow();
        assertThat(removed.state()).isEqualTo(PostState.REMOVED);
        assertThat(removed.markdown()).isEmpty();
        // the peer's reply keeps its place under it
        assertThat(page.posts()).extracting(PostItem::id).containsSubsequence(post, peerReply);
        assertThat(data.db().select(POST.BODY_MARKDOWN).from(POST).where(POST.AUTHOR_ID.eq(member.id()))
                .fetch(POST.BODY_MARKDOWN)).allSatisfy(body -> assertThat(body).isEmpty());
        assertThat(data.db().fetchExists(REACTION, REACTION.MEMBER_ID.eq(member.id()))).isFalse();
        assertThat(data.db().fetchExists(ANALYSIS, ANALYSIS.ID.eq(sharedAnalysis))).isFalse();
        assertThat(data.db().fetchExists(WORKSHEET_RESPONSE, WORKSHEET_RESPONSE.MEMBER_ID.eq(member.id()))).isFalse();
        assertThat(data.db().fetchExists(COMMITMENT, COMMITMENT.MEMBER_ID.eq(member.id()))).isFalse();
        // search finds the peer's words only
        assertThat(searchAs(peer, word)).extracting(h -> h.type() + ":" + h.id()).contains("post:" + peerReply)
                .doesNotContain("post:" + post, "post:" + hiddenNamePost, "analysis:" + sharedAnalysis,
                        "commitment:" + sharedCommitment, "response:" + sharedResponse);
        assertThat(searchAs(peer, word).toString()).doesNotContain(member.name()).doesNotContain("intake form");
        data.signIn(admin);
        assertThat(data.db().fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("member.erased")
                .and(AUDIT_EVENT.TARGET_ID.eq(member.id())).and(AUDIT_EVENT.DETAIL.eq("contributions removed")))).isEqualTo(1);
    }

    @Test
    void deleting_twice_changes_nothing_the_second_time() {
        data.signIn(admin);
        personalData.erase(member.id(), true);
        personalData.erase(member.id(), false);

        assertThat(data.db().fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("member.erased")
                .and(AUDIT_EVENT.TARGET_ID.eq(member.id())))).isEqualTo(1);
        assertThat(data.db().fetchExists(COMMITMENT, COMMITMENT.ID.eq(sharedCommitment))).isTrue();
    }
}
