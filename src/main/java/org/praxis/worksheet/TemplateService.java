package org.praxis.worksheet;

import static org.praxis.jooq.Tables.WORKSHEET_ASSIGNMENT;
import static org.praxis.jooq.Tables.WORKSHEET_RESPONSE;
import static org.praxis.jooq.Tables.WORKSHEET_TEMPLATE;
import static org.praxis.jooq.Tables.WORKSHEET_TEMPLATE_VERSION;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.praxis.audit.AuditService;
import org.praxis.base.Validation;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CohortRole;
import org.praxis.cohort.Cohorts;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Worksheet templates. Facilitators of a cohort design its templates; every facilitator may read
 * the starter templates and copy one into a cohort. Editing a template on which a response was
 * started makes a new version, so nobody's answers lose their questions.
 */
@Service
public class TemplateService {

    public static final int TITLE_MAX = 200;
    public static final int PURPOSE_MAX = 2_000;
    public static final int STEPS_MAX = 12;
    public static final int QUESTIONS_MAX = 15;
    public static final int PROMPT_MAX = 500;
    public static final int HELP_MAX = 1_000;
    public static final int OPTIONS_MAX = 20;
    public static final int OPTION_MAX = 120;

    private final DSLContext db;
    private final CohortAccess access;
    private final CurrentUser currentUser;
    private final WorksheetJson json;
    private final AuditService audit;

    TemplateService(DSLContext db, CohortAccess access, CurrentUser currentUser, WorksheetJson json, AuditService audit) {
        this.db = db;
        this.access = access;
        this.currentUser = currentUser;
        this.json = json;
        this.audit = audit;
    }

    /** For a facilitator: the starter templates, then those of the cohorts they facilitate. */
    @Transactional(readOnly = true)
    public List<TemplateSummary> templates() {
        PraxisUser me = currentUser.require();
        Set<Long> mine = facilitated(me);
        var latest = WORKSHEET_TEMPLATE_VERSION.as("latest");
        var assignments = DSL.field(DSL.selectCount().from(WORKSHEET_ASSIGNMENT)
                .where(WORKSHEET_ASSIGNMENT.TEMPLATE_ID.eq(WORKSHEET_TEMPLATE.ID)));
        List<TemplateSummary> out = new ArrayList<>();
        db.select(WORKSHEET_TEMPLATE.ID, WORKSHEET_TEMPLATE.COHORT_ID,
                        Cohorts.name(WORKSHEET_TEMPLATE.COHORT_ID), WORKSHEET_TEMPLATE.STARTER_KEY,
                        latest.NUMBER, latest.DEFINITION, assignments)
                .from(WORKSHEET_TEMPLATE)
                .join(latest).on(latest.TEMPLATE_ID.eq(WORKSHEET_TEMPLATE.ID))
                .where(latest.NUMBER.eq(DSL.select(DSL.max(WORKSHEET_TEMPLATE_VERSION.NUMBER)).from(WORKSHEET_TEMPLATE_VERSION)
                        .where(WORKSHEET_TEMPLATE_VERSION.TEMPLATE_ID.eq(WORKSHEET_TEMPLATE.ID))))
                .and(WORKSHEET_TEMPLATE.ARCHIVED.isFalse())
                .and(WORKSHEET_TEMPLATE.COHORT_ID.isNull().and(DSL.val(!mine.isEmpty()))
                        .or(WORKSHEET_TEMPLATE.COHORT_ID.in(mine)))
                .orderBy(WORKSHEET_TEMPLATE.COHORT_ID.nullsFirst(), WORKSHEET_TEMPLATE.ID)
                .forEach(r -> {
                    TemplateDefinition d = json.definition(r.value6());
                    out.add(new TemplateSummary(r.value1(), r.value2(), r.value3(), r.value4() != null, d.title(),
                            d.purpose(), r.value5(), d.steps().size(), (int) d.questions().count(), r.value7()));
                });
        return out;
    }

    /** The latest version of a template the facilitator may use. */
    @Transactional(readOnly = true)
    public TemplateDetails read(long templateId) {
        Row row = row(templateId);
        requireUser(row);
        var v = db.select(WORKSHEET_TEMPLATE_VERSION.ID, WORKSHEET_TEMPLATE_VERSION.NUMBER, WORKSHEET_TEMPLATE_VERSION.DEFINITION)
                .from(WORKSHEET_TEMPLATE_VERSION).where(WORKSHEET_TEMPLATE_VERSION.TEMPLATE_ID.eq(templateId))
                .orderBy(WORKSHEET_TEMPLATE_VERSION.NUMBER.desc()).limit(1).fetchSingle();
        boolean inUse = db.fetchExists(WORKSHEET_RESPONSE, WORKSHEET_RESPONSE.TEMPLATE_VERSION_ID.eq(v.value1()));
        return new TemplateDetails(templateId, row.cohortId, row.starter, v.value1(), v.value2(),
                json.definition(v.value3()), inUse);
    }

    /** A facilitator designs a new template for their cohort; returns its id. */
    @Transactional
    public long create(long cohortId, TemplateDefinition definition) {
        PraxisUser me = access.requireFacilitator(cohortId);
        access.requireOpen(cohortId);
        TemplateDefinition d = keyed(definition, Set.of());
        validate(d);
        long id = db.insertInto(WORKSHEET_TEMPLATE).set(WORKSHEET_TEMPLATE.COHORT_ID, cohortId)
                .set(WORKSHEET_TEMPLATE.CREATED_BY, me.id())
                .returning(WORKSHEET_TEMPLATE.ID).fetchOne(WORKSHEET_TEMPLATE.ID);
        insertVersion(id, 1, d, me.id());
        audit.record(me.id(), "worksheet.template.created", "worksheet_template", id, null, null);
        return id;
    }

    /**
     * A facilitator of its cohort edits a template. When a response was started on the latest
     * version, the edit is a new version; otherwise the latest version changes in place.
     * Returns the version number the template is now at.
     */
    @Transactional
    public int update(long templateId, TemplateDefinition definition) {
        Row row = row(templateId);
        if (row.starter) {
            throw new AccessDeniedException("Starter templates are copied, not edited");
        }
        PraxisUser me = access.requireFacilitator(row.cohortId);
        access.requireOpen(row.cohortId);
        TemplateDetails latest = read(templateId);
        TemplateDefinition d = keyed(definition, usedKeys(templateId));
        validate(d);
        if (latest.inUse()) {
            insertVersion(templateId, latest.version() + 1, d, me.id());
            audit.record(me.id(), "worksheet.template.versioned", "worksheet_template", templateId, null, null);
            return latest.version() + 1;
        }
        db.update(WORKSHEET_TEMPLATE_VERSION)
                .set(WORKSHEET_TEMPLATE_VERSION.TITLE, d.title().strip())
                .set(WORKSHEET_TEMPLATE_VERSION.DEFINITION, json.jsonb(d))
                .where(WORKSHEET_TEMPLATE_VERSION.ID.eq(latest.versionId())).execute();
        audit.record(me.id(), "worksheet.template.edited", "worksheet_template", templateId, null, null);
        return latest.version();
    }

    /** A facilitator copies a template they may read (a starter, say) into a cohort they facilitate, to adapt it. */
    @Transactional
    public long copy(long templateId, long cohortId) {
        TemplateDefinition d = read(templateId).definition();
        return create(cohortId, d);
    }

    /** A facilitator takes a template of their cohort out of the list; assignments made with it stay. */
    @Transactional
    public void archive(long templateId) {
        Row row = row(templateId);
        if (row.starter) {
            throw new AccessDeniedException("Starter templates stay");
        }
        PraxisUser me = access.requireFacilitator(row.cohortId);
        access.requireOpen(row.cohortId);
        db.update(WORKSHEET_TEMPLATE).set(WORKSHEET_TEMPLATE.ARCHIVED, true).where(WORKSHEET_TEMPLATE.ID.eq(templateId))
                .execute();
        audit.record(me.id(), "worksheet.template.archived", "worksheet_template", templateId, null, null);
    }

    /** The cohorts the signed-in person facilitates, for choosing where a template goes. */
    @Transactional(readOnly = true)
    public Set<Long> facilitatedCohorts() {
        return facilitated(currentUser.require());
    }

    // ---- starter templates, written by StarterTemplates at startup

    /** Adds a starter template, or a new version of it when its wording changed. */
    @Transactional
    public void installStarter(String key, TemplateDefinition definition) {
        validate(definition);
        Long id = db.select(WORKSHEET_TEMPLATE.ID).from(WORKSHEET_TEMPLATE).where(WORKSHEET_TEMPLATE.STARTER_KEY.eq(key))
                .fetchOne(WORKSHEET_TEMPLATE.ID);
        if (id == null) {
            id = db.insertInto(WORKSHEET_TEMPLATE).set(WORKSHEET_TEMPLATE.STARTER_KEY, key)
                    .returning(WORKSHEET_TEMPLATE.ID).fetchOne(WORKSHEET_TEMPLATE.ID);
            insertVersion(id, 1, definition, null);
            return;
        }
        var latest = db.select(WORKSHEET_TEMPLATE_VERSION.NUMBER, WORKSHEET_TEMPLATE_VERSION.DEFINITION)
                .from(WORKSHEET_TEMPLATE_VERSION).where(WORKSHEET_TEMPLATE_VERSION.TEMPLATE_ID.eq(id))
                .orderBy(WORKSHEET_TEMPLATE_VERSION.NUMBER.desc()).limit(1).fetchSingle();
        if (!json.definition(latest.value2()).equals(definition)) {
            insertVersion(id, latest.value1() + 1, definition, null);
        }
    }

    /** The id of a starter template by its key. */
    @Transactional(readOnly = true)
    public long starter(String key) {
        Long id = db.select(WORKSHEET_TEMPLATE.ID).from(WORKSHEET_TEMPLATE).where(WORKSHEET_TEMPLATE.STARTER_KEY.eq(key))
                .fetchOne(WORKSHEET_TEMPLATE.ID);
        if (id == null) {
            throw new IllegalArgumentException("No starter template " + key);
        }
        return id;
    }

    // ---- rules

    private record Row(long id, Long cohortId, boolean starter) {
    }

    private Row row(long templateId) {
        var r = db.select(WORKSHEET_TEMPLATE.ID, WORKSHEET_TEMPLATE.COHORT_ID, WORKSHEET_TEMPLATE.STARTER_KEY)
                .from(WORKSHEET_TEMPLATE).where(WORKSHEET_TEMPLATE.ID.eq(templateId)).fetchOne();
        if (r == null) {
            throw new AccessDeniedException("No template " + templateId);
        }
        return new Row(r.value1(), r.value2(), r.value3() != null);
    }

    /** Starters: any facilitator; a cohort's template: its facilitators. */
    private void requireUser(Row row) {
        if (row.starter) {
            if (facilitated(currentUser.require()).isEmpty()) {
                throw new AccessDeniedException("Not a facilitator");
            }
            return;
        }
        access.requireFacilitator(row.cohortId);
    }

    private Set<Long> facilitated(PraxisUser me) {
        Set<Long> out = new HashSet<>();
        access.membershipsOf(me.id()).stream().filter(m -> m.role() == CohortRole.FACILITATOR)
                .forEach(m -> out.add(m.cohortId()));
        return out;
    }

    private void insertVersion(long templateId, int number, TemplateDefinition d, Long by) {
        db.insertInto(WORKSHEET_TEMPLATE_VERSION)
                .set(WORKSHEET_TEMPLATE_VERSION.TEMPLATE_ID, templateId)
                .set(WORKSHEET_TEMPLATE_VERSION.NUMBER, number)
                .set(WORKSHEET_TEMPLATE_VERSION.TITLE, d.title().strip())
                .set(WORKSHEET_TEMPLATE_VERSION.DEFINITION, json.jsonb(d))
                .set(WORKSHEET_TEMPLATE_VERSION.CREATED_BY, by)
                .execute();
    }

    /** Every question key any version of the template used, so a new question never takes an old one's key. */
    private Set<String> usedKeys(long templateId) {
        Set<String> keys = new HashSet<>();
        db.select(WORKSHEET_TEMPLATE_VERSION.DEFINITION).from(WORKSHEET_TEMPLATE_VERSION)
                .where(WORKSHEET_TEMPLATE_VERSION.TEMPLATE_ID.eq(templateId))
                .forEach(r -> json.definition(r.value1()).questions().forEach(q -> keys.add(q.key())));
        return keys;
    }

    /**
     * Trims the wording, drops blank options, and gives each new question (no key yet) a fresh
     * key; questions carried over keep theirs.
     */
    static TemplateDefinition keyed(TemplateDefinition d, Set<String> used) {
        Set<String> taken = new HashSet<>(used);
        d.questions().map(Question::key).filter(k -> k != null && !k.isBlank()).forEach(taken::add);
        int[] next = {1};
        List<Step> steps = new ArrayList<>();
        for (Step s : d.steps()) {
            List<Question> questions = new ArrayList<>();
            for (Question q : s.questions()) {
                List<String> options = q.kind() != null && q.kind().hasOptions()
                        ? q.options().stream().map(String::strip).filter(o -> !o.isEmpty()).toList() : List.of();
                q = new Question(q.key(), q.kind(), q.prompt() == null ? null : q.prompt().strip(), q.help().strip(),
                        q.required(), options, q.lowLabel().strip(), q.highLabel().strip());
                if (q.key() == null || q.key().isBlank()) {
                    while (taken.contains("q" + next[0])) {
                        next[0]++;
                    }
                    taken.add("q" + next[0]);
                    q = q.withKey("q" + next[0]);
                }
                questions.add(q);
            }
            steps.add(new Step(s.title() == null ? null : s.title().strip(), s.intro().strip(), questions));
        }
        return new TemplateDefinition(d.title() == null ? null : d.title().strip(), d.purpose().strip(), steps);
    }

    /** Every problem at once, named by where it is: {@code step.2.title}, {@code question.2.1.options}, … */
    static void validate(TemplateDefinition d) {
        Validation v = new Validation().required("title", d.title(), TITLE_MAX).maxLength("purpose", d.purpose(), PURPOSE_MAX);
        v.check(!d.steps().isEmpty(), "steps", "worksheet.template.no-steps");
        v.check(d.steps().size() <= STEPS_MAX, "steps", "worksheet.template.too-many-steps");
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < d.steps().size(); i++) {
            Step s = d.steps().get(i);
            v.required("step." + i + ".title", s.title(), TITLE_MAX).maxLength("step." + i + ".intro", s.intro(), HELP_MAX);
            v.check(!s.questions().isEmpty(), "step." + i + ".questions", "worksheet.template.no-questions");
            v.check(s.questions().size() <= QUESTIONS_MAX, "step." + i + ".questions", "worksheet.template.too-many-questions");
            for (int j = 0; j < s.questions().size(); j++) {
                Question q = s.questions().get(j);
                String at = "question." + i + "." + j + ".";
                v.check(q.kind() != null, at + "kind", "validation.required");
                v.required(at + "prompt", q.prompt(), PROMPT_MAX).maxLength(at + "help", q.help(), HELP_MAX)
                        .maxLength(at + "lowLabel", q.lowLabel(), OPTION_MAX)
                        .maxLength(at + "highLabel", q.highLabel(), OPTION_MAX);
                v.check(keys.add(q.key()), at + "prompt", "worksheet.template.duplicate-key");
                if (q.kind() != null && q.kind().hasOptions()) {
                    List<String> options = q.options().stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
                    v.check(options.size() >= 2, at + "options", "worksheet.template.options-too-few");
                    v.check(options.size() <= OPTIONS_MAX, at + "options", "worksheet.template.options-too-many");
                    v.check(options.stream().distinct().count() == options.size(), at + "options",
                            "worksheet.template.options-duplicate");
                    options.forEach(o -> v.maxLength(at + "options", o, OPTION_MAX));
                }
            }
        }
        v.throwIfInvalid();
    }
}
