package org.praxis.obstacle;

import static org.praxis.jooq.Tables.OBSTACLE;

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
    private final Messages messages;
    private final AuditService audit;
    private final Clock clock;
    private final List<ObstacleSource> sources;

    ObstacleService(DSLContext db, CohortAccess access, Messages messages, AuditService audit,
            Clock clock, List<ObstacleSource> sources) {
        this.sources = sources.stream().sorted(java.util.Comparator.comparing(ObstacleSource::kind)).toList();
        this.db = db;
        this.access = access;
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
        access.requireOpen(cohortId);
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
        access.requireOpen(cohortId);
        validate(cohortId, obstacleId, label);
        db.update(OBSTACLE).set(OBSTACLE.LABEL, label.strip()).where(OBSTACLE.ID.eq(obstacleId)).execute();
        audit.record(me.id(), "obstacle.renamed", "obstacle", obstacleId, null, null);
    }

    /** A facilitator takes an obstacle off the list to choose from (or back); counts keep it. */
    @Transactional
    public void archive(long obstacleId, boolean archived) {
        PraxisUser me = access.requireFacilitator(cohortOf(obstacleId));
        access.requireOpen(cohortOf(obstacleId));
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
        ObstacleSource posts = source(ObstacleSource.POSTS);
        long cohortId = posts.cohortForNaming(postId);
        access.requireOpen(cohortId);
        requireOfCohort(cohortId, obstacleIds);
        new Validation().maxLength("note", note, NOTE_MAX).throwIfInvalid();
        posts.replaceNamed(postId, obstacleIds, Validation.clean(note));
    }

    /** The obstacles named on each of these posts, by post; for those who read the posts. */
    @Transactional(readOnly = true)
    public Map<Long, List<String>> onPosts(Collection<Long> postIds) {
        Map<Long, List<String>> out = new HashMap<>();
        if (postIds.isEmpty()) {
            return out;
        }
        Map<Long, List<Long>> named = source(ObstacleSource.POSTS).namedOn(postIds);
        Set<Long> ids = new java.util.HashSet<>();
        named.values().forEach(ids::addAll);
        if (ids.isEmpty()) {
            return out;
        }
        // only for someone of the obstacle's (and so the post's) cohort, in the list's order
        Map<Long, String> labels = new LinkedHashMap<>();
        db.select(OBSTACLE.ID, OBSTACLE.LABEL).from(OBSTACLE).where(OBSTACLE.ID.in(ids))
                .and(access.isMember(OBSTACLE.COHORT_ID)).orderBy(OBSTACLE.POSITION, OBSTACLE.ID)
                .forEach(r -> labels.put(r.value1(), r.value2()));
        named.forEach((post, obstacles) -> {
            List<String> shown = labels.entrySet().stream().filter(l -> obstacles.contains(l.getKey()))
                    .map(Map.Entry::getValue).toList();
            if (!shown.isEmpty()) {
                out.put(post, shown);
            }
        });
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
     * notes shared with them, without names, and only where their obstacle's count for that month
     * is shown (a masked count keeps its notes back too).
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
        for (ObstacleSource source : sources) {
            for (ObstacleSource.Naming n : source.namedSince(cohortId, since)) {
                YearMonth m = YearMonth.from(n.at().atZoneSameInstant(zone));
                counts.computeIfAbsent(n.obstacleId(), k -> new HashMap<>()).merge(m, 1, Integer::sum);
                if (n.note() != null) {
                    notes.add(new ObstacleReport.Note(n.obstacleId(), labels.get(n.obstacleId()), m, n.note()));
                }
            }
        }
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
        // a note said where the count says "fewer than 3" would tell what the mask keeps back (who
        // wrote it, often): only notes of an obstacle and month named at least three times show
        List<ObstacleReport.Note> shown = new ArrayList<>(notes.stream()
                .filter(n -> counts.getOrDefault(n.obstacleId(), Map.of()).getOrDefault(n.month(), 0) >= 3).toList());
        shown.sort(java.util.Comparator.comparing(ObstacleReport.Note::month).reversed());
        return new ObstacleReport(months, rows, shown);
    }

    /**
     * How many times any of the cohort's obstacles was named in {@code [from, to)}, by month in the
     * cohort's zone, on what is shared with its facilitators (as {@link #report} counts); months
     * with none are left out. For those who read the cohort's report: counts only, no notes.
     */
    @Transactional(readOnly = true)
    public java.util.SortedMap<YearMonth, Integer> namedByMonth(long cohortId, java.time.Instant from, java.time.Instant to) {
        access.requireRunning(cohortId);
        ZoneId zone = access.zoneOf(cohortId);
        java.util.SortedMap<YearMonth, Integer> out = new java.util.TreeMap<>();
        OffsetDateTime since = from.atOffset(java.time.ZoneOffset.UTC);
        for (ObstacleSource source : sources) {
            for (ObstacleSource.Naming n : source.namedSince(cohortId, since)) {
                if (n.at().toInstant().isBefore(to)) {
                    out.merge(YearMonth.from(n.at().atZoneSameInstant(zone)), 1, Integer::sum);
                }
            }
        }
        return out;
    }

    /** The usual question for a prompt about an obstacle, for the facilitator to edit. */
    @Transactional(readOnly = true)
    public String promptQuestion(long obstacleId) {
        access.requireFacilitator(cohortOf(obstacleId));
        String label = db.select(OBSTACLE.LABEL).from(OBSTACLE).where(OBSTACLE.ID.eq(obstacleId)).fetchSingle(OBSTACLE.LABEL);
        return messages.text("obstacle.prompt.question", label.toLowerCase());
    }

    private ObstacleSource source(String kind) {
        return sources.stream().filter(s -> s.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No obstacle source for " + kind));
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
