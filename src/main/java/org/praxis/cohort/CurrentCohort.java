package org.praxis.cohort;

import static org.praxis.jooq.Tables.COHORT;
import static org.praxis.jooq.Tables.COHORT_MEMBERSHIP;
import static org.praxis.jooq.Tables.COHORT_PREFERENCE;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which cohort the pages that show one cohort open on for the signed-in person: the one they
 * asked for when they may see it, else the one they last chose (kept in PostgreSQL, so it holds on
 * every device and across restarts), else their most recent active cohort. The remembered choice
 * is a preference only: it is checked against the person's cohorts on every read, so leaving a
 * cohort, or a cohort being closed, never opens a page they may no longer read.
 *
 * <p>"May see" is the rule of {@link CohortAccess}: the cohorts a person is in, in any role. The
 * preference is kept per person and not on their membership, so it also holds for someone (an
 * admin) who may one day see a cohort without being in it.
 */
@Service
public class CurrentCohort {

    /** A cohort to switch to, with the person's role in it. {@code closed}: read-only, for alumni. */
    public record Choice(long id, String name, CohortRole role, boolean closed) {

        public boolean facilitating() {
            return role == CohortRole.FACILITATOR;
        }
    }

    private final DSLContext db;
    private final CurrentUser currentUser;

    CurrentCohort(DSLContext db, CurrentUser currentUser) {
        this.db = db;
        this.currentUser = currentUser;
    }

    /** The cohorts the signed-in person may switch between: active ones first, then the most recent first. */
    @Transactional(readOnly = true)
    public List<Choice> choices() {
        return choicesOf(currentUser.require().id());
    }

    /** The cohort to open when the address names none; empty for someone in no cohort. */
    @Transactional(readOnly = true)
    public Optional<Choice> get() {
        return pick(choice -> true);
    }

    /**
     * The cohort to open on a page for the cohort's facilitators (applications, composition, what
     * gets in the way): the current cohort when the person facilitates it, else the most recent
     * one they facilitate; empty when they facilitate none.
     */
    @Transactional(readOnly = true)
    public Optional<Choice> getFacilitated() {
        return pick(Choice::facilitating);
    }

    /**
     * The cohort the signed-in person asked for (in the switcher, or by an address naming it),
     * which becomes the one they come back to. Refuses a cohort they may not see, alike whether it
     * exists or not, so a refusal tells nothing about other cohorts.
     */
    @Transactional
    public Choice choose(long cohortId) {
        PraxisUser me = currentUser.require();
        Choice chosen = choicesOf(me.id()).stream().filter(c -> c.id() == cohortId).findFirst()
                .orElseThrow(() -> new AccessDeniedException("Not in cohort " + cohortId));
        // the same choice again writes nothing: pages call this on every visit
        db.insertInto(COHORT_PREFERENCE)
                .set(COHORT_PREFERENCE.MEMBER_ID, me.id())
                .set(COHORT_PREFERENCE.COHORT_ID, cohortId)
                .onConflict(COHORT_PREFERENCE.MEMBER_ID)
                .doUpdate()
                .set(COHORT_PREFERENCE.COHORT_ID, cohortId)
                .set(COHORT_PREFERENCE.CHOSEN_AT, DSL.currentOffsetDateTime())
                .where(COHORT_PREFERENCE.COHORT_ID.ne(cohortId))
                .execute();
        return chosen;
    }

    private Optional<Choice> pick(Predicate<Choice> fits) {
        long me = currentUser.require().id();
        List<Choice> choices = choicesOf(me).stream().filter(fits).toList();
        Long remembered = db.select(COHORT_PREFERENCE.COHORT_ID).from(COHORT_PREFERENCE)
                .where(COHORT_PREFERENCE.MEMBER_ID.eq(me)).fetchOne(COHORT_PREFERENCE.COHORT_ID);
        return choices.stream().filter(c -> remembered != null && c.id() == remembered).findFirst()
                .or(() -> choices.stream().findFirst());
    }

    private List<Choice> choicesOf(long memberId) {
        Condition closed = closed();
        return db.select(COHORT.ID, COHORT.NAME, COHORT_MEMBERSHIP.ROLE, DSL.field(closed))
                .from(COHORT).join(COHORT_MEMBERSHIP).on(COHORT_MEMBERSHIP.COHORT_ID.eq(COHORT.ID))
                .where(COHORT_MEMBERSHIP.MEMBER_ID.eq(memberId))
                .orderBy(COHORT.STARTS_ON.desc().nullsLast(), COHORT_MEMBERSHIP.JOINED_AT.desc(), COHORT.ID.desc())
                .fetch(r -> new Choice(r.value1(), r.value2(), CohortRole.valueOf(r.value3()),
                        Boolean.TRUE.equals(r.value4())))
                .stream().sorted(Comparator.comparing(Choice::closed)).toList();
    }

    /** True where the cohort {@code COHORT} is closed: its alumni still switch to it, listed last. */
    private static Condition closed() {
        return COHORT.CLOSED_AT.isNotNull();
    }
}
