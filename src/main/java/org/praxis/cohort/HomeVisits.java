package org.praxis.cohort;

import static org.praxis.jooq.Tables.HOME_VISIT;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.praxis.base.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When the signed-in person last visited a cohort's home, so that home can say what is new since.
 * As Discourse does it: a visit is a run of views with no gap of {@link #VISIT_GAP} or more between
 * them; "since your last visit" is the last view of the visit before this one. Reloading home, or
 * coming back to it from a thread a minute later, keeps the same "since", so nothing vanishes
 * while the person works through it; coming back the next day moves it on. First-timers see the
 * last {@link #FIRST_VISIT_WINDOW}.
 */
@Service
public class HomeVisits {

    /** A gap between two views of home this long or longer starts a new visit. */
    public static final Duration VISIT_GAP = Duration.ofHours(1);
    /** What a first visit counts as new. */
    public static final Duration FIRST_VISIT_WINDOW = Duration.ofDays(14);

    /** Since when home counts things as new; {@code firstVisit}: there was no visit before. */
    public record Since(OffsetDateTime at, boolean firstVisit) {
    }

    private final DSLContext db;
    private final CohortAccess access;
    private final CurrentUser currentUser;
    private final Clock clock;

    HomeVisits(DSLContext db, CohortAccess access, CurrentUser currentUser, Clock clock) {
        this.db = db;
        this.access = access;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Records a view of the cohort's home by the signed-in person (in one statement, so two tabs
     * at once agree) and answers since when it counts things as new.
     */
    @Transactional
    public Since visit(long cohortId) {
        access.requireMember(cohortId);
        long me = currentUser.require().id();
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime newVisitBefore = now.minus(VISIT_GAP);
        OffsetDateTime previous = db.insertInto(HOME_VISIT)
                .set(HOME_VISIT.MEMBER_ID, me).set(HOME_VISIT.COHORT_ID, cohortId).set(HOME_VISIT.LAST_SEEN_AT, now)
                .onConflict(HOME_VISIT.MEMBER_ID, HOME_VISIT.COHORT_ID).doUpdate()
                .set(HOME_VISIT.PREVIOUS_VISIT_AT, DSL.when(HOME_VISIT.LAST_SEEN_AT.le(newVisitBefore),
                        HOME_VISIT.LAST_SEEN_AT).else_(HOME_VISIT.PREVIOUS_VISIT_AT))
                .set(HOME_VISIT.LAST_SEEN_AT, DSL.greatest(HOME_VISIT.LAST_SEEN_AT, DSL.val(now)))
                .returning(HOME_VISIT.PREVIOUS_VISIT_AT)
                .fetchOne(HOME_VISIT.PREVIOUS_VISIT_AT);
        return previous == null ? new Since(now.minus(FIRST_VISIT_WINDOW), true) : new Since(previous, false);
    }

    /** The person has seen all of it: from now on only what comes later counts as new. */
    @Transactional
    public void markAllSeen(long cohortId) {
        access.requireMember(cohortId);
        long me = currentUser.require().id();
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.insertInto(HOME_VISIT)
                .set(HOME_VISIT.MEMBER_ID, me).set(HOME_VISIT.COHORT_ID, cohortId).set(HOME_VISIT.LAST_SEEN_AT, now)
                .set(HOME_VISIT.PREVIOUS_VISIT_AT, now)
                .onConflict(HOME_VISIT.MEMBER_ID, HOME_VISIT.COHORT_ID).doUpdate()
                .set(HOME_VISIT.PREVIOUS_VISIT_AT, now).set(HOME_VISIT.LAST_SEEN_AT, now)
                .execute();
    }
}
