package org.praxis.worksheet;

import static org.praxis.jooq.Tables.WORKSHEET_ASSIGNMENT;
import static org.praxis.jooq.Tables.WORKSHEET_RESPONSE;
import static org.praxis.jooq.Tables.WORKSHEET_TEMPLATE_VERSION;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CohortRole;
import org.praxis.cohort.Membership;
import org.praxis.member.MemberService;
import org.praxis.member.Members;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the facilitators of a cohort see of an assignment: who has started and submitted (and no
 * more, for a private response), counts across the responses shared with them, never of fewer
 * than {@link #MIN_RESPONSES}, and the written answers shared with them, by question.
 */
@Service
public class WorksheetReports {

    /** The fewest responses an aggregate may be made of, so nobody's answer can be singled out. */
    public static final int MIN_RESPONSES = 3;

    private final DSLContext db;
    private final CohortAccess access;
    private final WorksheetJson json;
    private final MemberService members;

    WorksheetReports(DSLContext db, CohortAccess access, WorksheetJson json, MemberService members) {
        this.members = members;
        this.db = db;
        this.access = access;
        this.json = json;
    }

    /** Every member of the cohort and where they are with the assignment. */
    /**
     * How many responses were submitted in the cohort in {@code [from, to)}, by worksheet title (in
     * the title's order); for those who read the cohort's report. Private responses count too, as
     * a number only: never an answer, never a name.
     */
    @Transactional(readOnly = true)
    public Map<String, Integer> submittedByWorksheet(long cohortId, java.time.Instant from, java.time.Instant to) {
        access.requireRunning(cohortId);
        Map<String, Integer> out = new LinkedHashMap<>();
        db.select(WORKSHEET_TEMPLATE_VERSION.TITLE, DSL.count()).from(WORKSHEET_RESPONSE)
                .join(WORKSHEET_ASSIGNMENT).on(WORKSHEET_ASSIGNMENT.ID.eq(WORKSHEET_RESPONSE.ASSIGNMENT_ID))
                .join(WORKSHEET_TEMPLATE_VERSION).on(WORKSHEET_TEMPLATE_VERSION.ID.eq(WORKSHEET_RESPONSE.TEMPLATE_VERSION_ID))
                .where(WORKSHEET_ASSIGNMENT.COHORT_ID.eq(cohortId))
                .and(WORKSHEET_RESPONSE.STATUS.eq(ResponseStatus.SUBMITTED.name()))
                .and(WORKSHEET_RESPONSE.SUBMITTED_AT.ge(from.atOffset(java.time.ZoneOffset.UTC)))
                .and(WORKSHEET_RESPONSE.SUBMITTED_AT.lt(to.atOffset(java.time.ZoneOffset.UTC)))
                .groupBy(WORKSHEET_TEMPLATE_VERSION.TITLE).orderBy(WORKSHEET_TEMPLATE_VERSION.TITLE)
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    @Transactional(readOnly = true)
    public List<CompletionRow> completion(long assignmentId) {
        long cohortId = requireFacilitator(assignmentId);
        Map<Long, Latest> latest = latest(assignmentId);
        List<CompletionRow> out = new ArrayList<>();
        members.activeNamesInOrder(access.roster(cohortId).stream().filter(p -> p.role() == CohortRole.MEMBER)
                        .map(Membership.Person::memberId).toList())
                .forEach((id, name) -> {
                    Latest l = latest.get(id);
                    if (l == null) {
                        out.add(new CompletionRow(id, name, ResponseStatus.NOT_STARTED, 0, null, null));
                    } else {
                        boolean shared = l.visibility != Visibility.PRIVATE;
                        out.add(new CompletionRow(id, name, l.status, l.round, shared ? l.id : null,
                                shared ? l.updatedAt : null));
                    }
                });
        return out;
    }

    /**
     * For each choice, scale and yes/no question of the template's latest version: how the
     * submitted, shared latest rounds answered it. Hidden below {@link #MIN_RESPONSES} answers.
     */
    @Transactional(readOnly = true)
    public List<QuestionCounts> counts(long assignmentId) {
        requireFacilitator(assignmentId);
        List<Map<String, Answer>> shared = shared(assignmentId).stream().map(Latest::answers).toList();
        List<QuestionCounts> out = new ArrayList<>();
        definition(assignmentId).questions().filter(q -> q.kind().countable()).forEach(q -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            switch (q.kind()) {
                case SCALE -> java.util.stream.IntStream.rangeClosed(1, 5).forEach(i -> counts.put(String.valueOf(i), 0));
                case YES_NO -> {
                    counts.put("yes", 0);
                    counts.put("no", 0);
                }
                default -> q.options().forEach(o -> counts.put(o, 0));
            }
            int answered = 0;
            for (Map<String, Answer> answers : shared) {
                Answer a = answers.get(q.key());
                if (a == null || a.isEmpty()) {
                    continue;
                }
                // an answer counts only when it falls into an option of the version counted
                boolean counted = switch (q.kind()) {
                    case SCALE -> counts.computeIfPresent(String.valueOf(a.scale()), (k, n) -> n + 1) != null;
                    case YES_NO -> counts.computeIfPresent(Boolean.TRUE.equals(a.yes()) ? "yes" : "no", (k, n) -> n + 1) != null;
                    case SINGLE_CHOICE -> a.text() != null && counts.computeIfPresent(a.text(), (k, n) -> n + 1) != null;
                    default -> a.choices().stream().map(c -> counts.computeIfPresent(c, (k, n) -> n + 1) != null)
                            .reduce(false, Boolean::logicalOr);
                };
                if (counted) {
                    answered++;
                }
            }
            boolean hidden = answered < MIN_RESPONSES;
            out.add(new QuestionCounts(q, answered, hidden, hidden ? List.of()
                    : counts.entrySet().stream().map(e -> new QuestionCounts.Count(e.getKey(), e.getValue())).toList()));
        });
        return out;
    }

    /** The written answers of the submitted, shared latest rounds, by question key, in name order. */
    @Transactional(readOnly = true)
    public Map<Question, List<SharedAnswer>> writtenAnswers(long assignmentId) {
        requireFacilitator(assignmentId);
        List<Latest> shared = shared(assignmentId);
        Map<Question, List<SharedAnswer>> out = new LinkedHashMap<>();
        definition(assignmentId).questions().filter(q -> q.kind().written()).forEach(q -> {
            List<SharedAnswer> answers = new ArrayList<>();
            for (Latest l : shared) {
                Answer a = l.answers.get(q.key());
                if (a != null && !a.isEmpty()) {
                    answers.add(new SharedAnswer(l.id, l.name, a));
                }
            }
            out.put(q, answers);
        });
        return out;
    }

    private record Latest(long id, long memberId, String name, int round, ResponseStatus status, Visibility visibility,
            OffsetDateTime updatedAt, Map<String, Answer> answers) {
    }

    /** Each member's latest round. */
    private Map<Long, Latest> latest(long assignmentId) {
        Map<Long, Latest> out = new HashMap<>();
        db.select(WORKSHEET_RESPONSE.ID, WORKSHEET_RESPONSE.MEMBER_ID,
                        Members.displayName(WORKSHEET_RESPONSE.MEMBER_ID), WORKSHEET_RESPONSE.ROUND,
                        WORKSHEET_RESPONSE.STATUS, WORKSHEET_RESPONSE.VISIBILITY, WORKSHEET_RESPONSE.UPDATED_AT,
                        DSL.when(WORKSHEET_RESPONSE.VISIBILITY.ne(Visibility.PRIVATE.name()), WORKSHEET_RESPONSE.ANSWERS))
                .from(WORKSHEET_RESPONSE)
                .where(WORKSHEET_RESPONSE.ASSIGNMENT_ID.eq(assignmentId))
                .orderBy(WORKSHEET_RESPONSE.ROUND)
                // a private response's answers are never even read here
                .forEach(r -> out.put(r.value2(), new Latest(r.value1(), r.value2(), r.value3(), r.value4(),
                        ResponseStatus.valueOf(r.value5()), Visibility.valueOf(r.value6()), r.value7(),
                        r.value8() == null ? Map.of() : json.answers(r.value8()))));
        return out;
    }

    /** The latest rounds that are submitted and shared with facilitators or the cohort. */
    private List<Latest> shared(long assignmentId) {
        return latest(assignmentId).values().stream()
                .filter(l -> l.status == ResponseStatus.SUBMITTED && l.visibility != Visibility.PRIVATE)
                .sorted(java.util.Comparator.comparing(Latest::name)).toList();
    }

    private TemplateDefinition definition(long assignmentId) {
        return json.definition(db.select(WORKSHEET_TEMPLATE_VERSION.DEFINITION).from(WORKSHEET_TEMPLATE_VERSION)
                .join(WORKSHEET_ASSIGNMENT).on(WORKSHEET_ASSIGNMENT.TEMPLATE_ID.eq(WORKSHEET_TEMPLATE_VERSION.TEMPLATE_ID))
                .where(WORKSHEET_ASSIGNMENT.ID.eq(assignmentId))
                .orderBy(WORKSHEET_TEMPLATE_VERSION.NUMBER.desc()).limit(1)
                .fetchSingle(WORKSHEET_TEMPLATE_VERSION.DEFINITION));
    }

    private long requireFacilitator(long assignmentId) {
        Long cohortId = db.select(WORKSHEET_ASSIGNMENT.COHORT_ID).from(WORKSHEET_ASSIGNMENT)
                .where(WORKSHEET_ASSIGNMENT.ID.eq(assignmentId)).fetchOne(WORKSHEET_ASSIGNMENT.COHORT_ID);
        if (cohortId == null) {
            throw new AccessDeniedException("No assignment " + assignmentId);
        }
        access.requireFacilitator(cohortId);
        return cohortId;
    }
}
