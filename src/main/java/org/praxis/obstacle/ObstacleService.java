package org.praxis.obstacle;

import static org.praxis.jooq.Tables.CHECK_IN;
import static org.praxis.jooq.Tables.CHECK_IN_OBSTACLE;
import static org.praxis.jooq.Tables.COMMITMENT;
import static org.praxis.jooq.Tables.OBSTACLE;
import static org.praxis.jooq.Tables.POST;
import static org.praxis.jooq.Tables.POST_OBSTACLE;
import static org.praxis.jooq.Tables.THREAD;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.praxis.audit.AuditService;
import org.praxis.base.InvalidInputException;
import org.praxis.base.Validation;
import org.praxis.base.i18n.Messages;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;
import org.praxis.cohort.CohortAccess;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The obstacles of a cohort: its facilitators keep the list (it starts with ten common ones),
 * members name them on their check-ins and posts, and the facilitators see how often each was
 * named by month, from what is shared with them, never a count of one or two.
 */
@Service
public class ObstacleService {

    public static final int LABEL_MAX = 80;
    public static final int NOTE_MAX = 500;
    static final List<String> DEFAULTS = List.of("leadership", "budget", "regulation", "time", "data", "turnover",
            "tokenism", "backlash", "fatigue", "other");
    private static final int MONTHS = 6;

    private final DSLContext db;
    private final CohortAccess access;
    private final CurrentUser currentUser;
    private final Messages messages;
    private final AuditService audit;
    private final Clock clock;

    ObstacleService(DSLContext db, CohortAccess access, CurrentUser currentUser, Messages messages, AuditService audit,
            Clock clock) {
        this.db = db;
        this.access = access;
        this.currentUser = currentUser;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** The cohort's list, in order; the first time, the common obstacles are put in it. */
    @Transactional
    public List<Obstacle> list(long cohortId, boolean withArchived) {
        access.requireMember(cohortId);
        installDefaults(cohortId);
        var where = OBSTACLE.COHORT_ID.eq(cohortId);
        if (!withArchived) {
            where = where.and(OBSTACLE.ARCHIVED.isFalse());
        }
        return db.select(OBSTACLE.ID, OBSTACLE.LABEL, OBSTACLE.ARCHIVED).from(OBSTACLE).where(where)
                .orderBy(OBSTACLE.ARCHIVED, OBSTACLE.POSITION, OBSTACLE.ID)
                .fetch(r -> new Obstacle(r.value1(), r.value2(), r.value3()));
    }

    /**
     * Puts the ten common obstacles in a cohort's list unless it has one already (for the
     * cohort's first look at it, and for the demo data, which runs signed out).
     */
    @Transactional
    public void installDefaults(long cohortId) {
        if (!db.fetchExists(OBSTACLE, OBSTACLE.COHORT_ID.eq(cohortId))) {
            for (int i = 0; i < DEFAULTS.size(); i++) {
                db.insertInto(OBSTACLE).set(OBSTACLE.COHORT_ID, cohortId)
                        .set(OBSTACLE.LABEL, messages.text("obstacle.default." + DEFAULTS.get(i)))
                        .set(OBSTACLE.POSITION, i + 1).onConflictDoNothing().execute();
            }
        }
    }

    /** A facilitator adds an obstacle at the end of the list. */
    @Transactional
    public long add(long cohortId, String label) {
        PraxisUser me = access.requireFacilitator(cohortId);
        list(cohortId, true);
        validate(cohortId, null, label);
        int position = db.select(DSL.coalesce(DSL.max(OBSTACLE.POSITION), 0)).from(OBSTACLE)
                .where(OBSTACLE.COHORT_ID.eq(cohortId)).fetchSingle().value1() + 1;
        long id = db.insertInto(OBSTACLE).set(OBSTACLE.COHORT_ID, cohortId).set(OBSTACLE.LABEL, label.strip())
                .set(OBSTACLE.POSITION, position).returning(OBSTACLE.ID).fetchOne(OBSTACLE.ID);
        audit.record(me.id(), "obstacle.added", "obstacle", id, null, null);
        return id;
    }

    /** A facilitator renames an obstacle; what was named with it keeps it. */
    @Transactional
    public void rename(long obstacleId, String label) {
        long cohortId = cohortOf(obstacleId);
        PraxisUser me = access.requireFacilitator(cohortId);
        validate(cohortId, obstacleId, label);
        db.update(OBSTACLE).set(OBSTACLE.LABEL, label.strip()).where(OBSTACLE.ID.eq(obstacleId)).execute();
        audit.record(me.id(), "obstacle.renamed", "obstacle", obstacleId, null, null);
    }

    /** A facilitator takes an obstacle off the list to choose from (or back); counts keep it. */
    @Transactional
    public void archive(long obstacleId, boolean archived) {
        PraxisUser me = access.requireFacilitator(cohortOf(obstacleId));
        db.update(OBSTACLE).set(OBSTACLE.ARCHIVED, archived).where(OBSTACLE.ID.eq(obstacleId)).execute();
        audit.record(me.id(), archived ? "obstacle.archived" : "obstacle.restored", "obstacle", obstacleId, null, null);
    }

    private void validate(long cohortId, Long self, String label) {
        Validation v = new Validation().required("label", label, LABEL_MAX);
        if (!v.hasError("label")) {
            var same = OBSTACLE.COHORT_ID.eq(cohortId).and(DSL.lower(OBSTACLE.LABEL).eq(label.strip().toLowerCase()));
            if (self != null) {
                same = same.and(OBSTACLE.ID.ne(self));
            }
            v.check(!db.fetchExists(OBSTACLE, same), "label", "obstacle.label.taken");
        }
        v.throwIfInvalid();
    }

    /** The author of a post names what got in the way (replacing what they named before), with an optional note. */
    @Transactional
    public void nameOnPost(long postId, Set<Long> obstacleIds, String note) {
        PraxisUser me = currentUser.require();
        var post = db.select(POST.AUTHOR_ID, THREAD.COHORT_ID).from(POST).join(THREAD).on(THREAD.ID.eq(POST.THREAD_ID))
                .where(POST.ID.eq(postId)).fetchOne();
        if (post == null || post.value1() != me.id()) {
            throw new AccessDeniedException("Only the author names obstacles on a post");
        }
        requireOfCohort(post.value2(), obstacleIds);
        new Validation().maxLength("note", note, NOTE_MAX).throwIfInvalid();
        db.deleteFrom(POST_OBSTACLE).where(POST_OBSTACLE.POST_ID.eq(postId)).execute();
        for (long obstacle : obstacleIds) {
            db.insertInto(POST_OBSTACLE).set(POST_OBSTACLE.POST_ID, postId).set(POST_OBSTACLE.OBSTACLE_ID, obstacle)
                    .set(POST_OBSTACLE.NOTE, Validation.clean(note)).execute();
        }
    }

    /** The obstacles named on each of these posts, by post; for those who read the posts. */
    @Transactional(readOnly = true)
    public Map<Long, List<String>> onPosts(Collection<Long> postIds) {
        Map<Long, List<String>> out = new HashMap<>();
        if (postIds.isEmpty()) {
            return out;
        }
        long me = currentUser.require().id();
        db.select(POST_OBSTACLE.POST_ID, OBSTACLE.LABEL).from(POST_OBSTACLE).join(OBSTACLE)
                .on(OBSTACLE.ID.eq(POST_OBSTACLE.OBSTACLE_ID)).where(POST_OBSTACLE.POST_ID.in(postIds))
                // only for someone of the obstacle's (and so the post's) cohort
                .and(DSL.exists(DSL.selectOne().from(org.praxis.jooq.Tables.COHORT_MEMBERSHIP)
                        .where(org.praxis.jooq.Tables.COHORT_MEMBERSHIP.COHORT_ID.eq(OBSTACLE.COHORT_ID))
                        .and(org.praxis.jooq.Tables.COHORT_MEMBERSHIP.MEMBER_ID.eq(me))))
                .orderBy(OBSTACLE.POSITION)
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        return out;
    }

    /** For the checks of others: refuses obstacles of another cohort. */
    public void requireOfCohort(long cohortId, Collection<Long> obstacleIds) {
        if (!obstacleIds.isEmpty() && db.fetchCount(OBSTACLE, OBSTACLE.ID.in(obstacleIds)
                .and(OBSTACLE.COHORT_ID.eq(cohortId))) != obstacleIds.size()) {
            throw InvalidInputException.of("obstacles", "obstacle.not-in-cohort");
        }
    }

    /**
     * For the cohort's facilitators: each obstacle named in the last six months, by month, on
     * check-ins of commitments shared with them and on posts; counts of one or two hidden; the
     * notes shared with them, without names.
     */
    @Transactional(readOnly = true)
    public ObstacleReport report(long cohortId) {
        access.requireFacilitator(cohortId);
        ZoneId zone = access.zoneOf(cohortId);
        YearMonth now = YearMonth.now(clock.withZone(zone));
        List<YearMonth> months = new ArrayList<>();
        for (int i = MONTHS - 1; i >= 0; i--) {
            months.add(now.minusMonths(i));
        }
        OffsetDateTime since = months.get(0).atDay(1).atStartOfDay(zone).toOffsetDateTime();
        Map<Long, Map<YearMonth, Integer>> counts = new HashMap<>();
        List<ObstacleReport.Note> notes = new ArrayList<>();
        Map<Long, String> labels = new LinkedHashMap<>();
        List<Obstacle> all = db.select(OBSTACLE.ID, OBSTACLE.LABEL, OBSTACLE.ARCHIVED).from(OBSTACLE)
                .where(OBSTACLE.COHORT_ID.eq(cohortId)).orderBy(OBSTACLE.ARCHIVED, OBSTACLE.POSITION)
                .fetch(r -> new Obstacle(r.value1(), r.value2(), r.value3()));
        all.forEach(o -> labels.put(o.id(), o.label()));
        db.select(CHECK_IN_OBSTACLE.OBSTACLE_ID, CHECK_IN.CREATED_AT, CHECK_IN.IN_THE_WAY)
                .from(CHECK_IN_OBSTACLE).join(CHECK_IN).on(CHECK_IN.ID.eq(CHECK_IN_OBSTACLE.CHECK_IN_ID))
                .join(COMMITMENT).on(COMMITMENT.ID.eq(CHECK_IN.COMMITMENT_ID))
                .where(COMMITMENT.COHORT_ID.eq(cohortId)).and(COMMITMENT.VISIBILITY.ne("PRIVATE"))
                .and(CHECK_IN.CREATED_AT.ge(since))
                .forEach(r -> {
                    YearMonth m = YearMonth.from(r.value2().atZoneSameInstant(zone));
                    counts.computeIfAbsent(r.value1(), k -> new HashMap<>()).merge(m, 1, Integer::sum);
                    if (r.value3() != null) {
                        notes.add(new ObstacleReport.Note(labels.get(r.value1()), m, r.value3()));
                    }
                });
        db.select(POST_OBSTACLE.OBSTACLE_ID, POST_OBSTACLE.CREATED_AT, POST_OBSTACLE.NOTE)
                .from(POST_OBSTACLE).join(POST).on(POST.ID.eq(POST_OBSTACLE.POST_ID))
                .join(THREAD).on(THREAD.ID.eq(POST.THREAD_ID))
                .where(THREAD.COHORT_ID.eq(cohortId)).and(POST.DELETED_AT.isNull()).and(POST_OBSTACLE.CREATED_AT.ge(since))
                .forEach(r -> {
                    YearMonth m = YearMonth.from(r.value2().atZoneSameInstant(zone));
                    counts.computeIfAbsent(r.value1(), k -> new HashMap<>()).merge(m, 1, Integer::sum);
                    if (r.value3() != null) {
                        notes.add(new ObstacleReport.Note(labels.get(r.value1()), m, r.value3()));
                    }
                });
        List<ObstacleReport.Row> rows = new ArrayList<>();
        for (Obstacle o : all) {
            Map<YearMonth, Integer> byMonth = counts.getOrDefault(o.id(), Map.of());
            if (o.archived() && byMonth.isEmpty()) {
                continue;
            }
            List<ObstacleReport.Cell> cells = months.stream().map(m -> ObstacleReport.Cell.of(byMonth.getOrDefault(m, 0)))
                    .toList();
            int total = months.stream().mapToInt(m -> byMonth.getOrDefault(m, 0)).sum();
            int hidden = months.stream().mapToInt(m -> byMonth.getOrDefault(m, 0)).filter(n -> n > 0 && n < 3).sum();
            // total minus the shown months must not give away a hidden one
            ObstacleReport.Cell sum = hidden > 0 && hidden < 3 && cells.stream().anyMatch(c -> !c.fewerThanThree() && c.count() > 0)
                    ? ObstacleReport.Cell.WITHHELD : ObstacleReport.Cell.of(total);
            rows.add(new ObstacleReport.Row(o, cells, sum));
        }
        notes.sort(java.util.Comparator.comparing(ObstacleReport.Note::month).reversed());
        return new ObstacleReport(months, rows, notes);
    }

    /** The usual question for a prompt about an obstacle, for the facilitator to edit. */
    @Transactional(readOnly = true)
    public String promptQuestion(long obstacleId) {
        access.requireFacilitator(cohortOf(obstacleId));
        String label = db.select(OBSTACLE.LABEL).from(OBSTACLE).where(OBSTACLE.ID.eq(obstacleId)).fetchSingle(OBSTACLE.LABEL);
        return messages.text("obstacle.prompt.question", label.toLowerCase());
    }

    /** The cohort an obstacle belongs to. */
    public long cohortOf(long obstacleId) {
        Long cohortId = db.select(OBSTACLE.COHORT_ID).from(OBSTACLE).where(OBSTACLE.ID.eq(obstacleId))
                .fetchOne(OBSTACLE.COHORT_ID);
        if (cohortId == null) {
            throw new AccessDeniedException("No obstacle " + obstacleId);
        }
        return cohortId;
    }
}
