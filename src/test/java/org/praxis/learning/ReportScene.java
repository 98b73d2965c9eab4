package org.praxis.learning;

import static org.praxis.jooq.Tables.ANALYSIS;
import static org.praxis.jooq.Tables.CHECK_IN;
import static org.praxis.jooq.Tables.CHECK_IN_OBSTACLE;
import static org.praxis.jooq.Tables.COMMITMENT;
import static org.praxis.jooq.Tables.OBSTACLE;
import static org.praxis.jooq.Tables.SESSION;
import static org.praxis.jooq.Tables.SESSION_ATTENDANCE;
import static org.praxis.jooq.Tables.WORKSHEET_ASSIGNMENT;
import static org.praxis.jooq.Tables.WORKSHEET_RESPONSE;
import static org.praxis.jooq.Tables.WORKSHEET_TEMPLATE;
import static org.praxis.jooq.Tables.WORKSHEET_TEMPLATE_VERSION;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.praxis.base.security.Role;
import org.praxis.support.TestData;

/**
 * The rows of a cohort's period, written straight to the tables (as {@link TestData} does) so a
 * report has something to count: times are noon on a day in the cohort's zone (Los Angeles).
 */
final class ReportScene {

    static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

    private final TestData data;
    private final DSLContext db;
    final long cohort;

    ReportScene(TestData data, long cohort) {
        this.data = data;
        this.db = data.db();
        this.cohort = cohort;
    }

    static OffsetDateTime at(LocalDate day) {
        return day.atTime(12, 0).atZone(ZONE).toOffsetDateTime();
    }

    /** A session that took place that day, attended by {@code attended} new members of the cohort. */
    long heldSession(String title, LocalDate day, int attended) {
        long id = db.insertInto(SESSION).set(SESSION.COHORT_ID, cohort).set(SESSION.TITLE, title)
                .set(SESSION.STARTS_AT, at(day)).set(SESSION.ENDS_AT, at(day).plusHours(2))
                .returning(SESSION.ID).fetchOne(SESSION.ID);
        for (int i = 0; i < attended; i++) {
            TestData.Person p = data.personIn(cohort, Role.MEMBER);
            db.insertInto(SESSION_ATTENDANCE).set(SESSION_ATTENDANCE.SESSION_ID, id)
                    .set(SESSION_ATTENDANCE.MEMBER_ID, p.id()).set(SESSION_ATTENDANCE.ATTENDED, true).execute();
        }
        return id;
    }

    void cancelledSession(String title, LocalDate day) {
        db.insertInto(SESSION).set(SESSION.COHORT_ID, cohort).set(SESSION.TITLE, title)
                .set(SESSION.STARTS_AT, at(day)).set(SESSION.ENDS_AT, at(day).plusHours(2))
                .set(SESSION.CANCELLED_AT, at(day).minusDays(1)).execute();
    }

    void analysis(String area, String status, LocalDate sharedOn) {
        db.insertInto(ANALYSIS).set(ANALYSIS.COHORT_ID, cohort).set(ANALYSIS.TITLE, TestData.unique("Analysis"))
                .set(ANALYSIS.POLICY_AREA, area).set(ANALYSIS.STATUS, status)
                .set(ANALYSIS.SHARED_AT, sharedOn == null ? null : at(sharedOn)).execute();
    }

    long commitment(TestData.Person who, String what, String status, String visibility, LocalDate madeOn) {
        return db.insertInto(COMMITMENT).set(COMMITMENT.COHORT_ID, cohort).set(COMMITMENT.MEMBER_ID, who.id())
                .set(COMMITMENT.WHAT, what).set(COMMITMENT.DUE_ON, madeOn.plusMonths(2))
                .set(COMMITMENT.STATUS, status).set(COMMITMENT.VISIBILITY, visibility)
                .set(COMMITMENT.CREATED_AT, at(madeOn)).returning(COMMITMENT.ID).fetchOne(COMMITMENT.ID);
    }

    void commitments(TestData.Person who, String status, int n, LocalDate madeOn) {
        for (int i = 0; i < n; i++) {
            commitment(who, TestData.unique("Commitment"), status, "COHORT", madeOn);
        }
    }

    long obstacle(String label) {
        return db.insertInto(OBSTACLE).set(OBSTACLE.COHORT_ID, cohort).set(OBSTACLE.LABEL, label)
                .set(OBSTACLE.POSITION, 1).returning(OBSTACLE.ID).fetchOne(OBSTACLE.ID);
    }

    /** {@code n} check-ins on the commitment that day, each naming the obstacle. */
    void named(long commitmentId, long obstacleId, LocalDate day, int n) {
        for (int i = 0; i < n; i++) {
            long checkIn = db.insertInto(CHECK_IN).set(CHECK_IN.COMMITMENT_ID, commitmentId).set(CHECK_IN.STATUS, "STUCK")
                    .set(CHECK_IN.CREATED_AT, at(day)).returning(CHECK_IN.ID).fetchOne(CHECK_IN.ID);
            db.insertInto(CHECK_IN_OBSTACLE).set(CHECK_IN_OBSTACLE.CHECK_IN_ID, checkIn)
                    .set(CHECK_IN_OBSTACLE.OBSTACLE_ID, obstacleId).execute();
        }
    }

    /** A worksheet of the cohort with {@code n} responses submitted that day, by new members (private ones). */
    void submitted(String title, LocalDate day, int n) {
        long template = db.insertInto(WORKSHEET_TEMPLATE).set(WORKSHEET_TEMPLATE.COHORT_ID, cohort)
                .returning(WORKSHEET_TEMPLATE.ID).fetchOne(WORKSHEET_TEMPLATE.ID);
        long version = db.insertInto(WORKSHEET_TEMPLATE_VERSION).set(WORKSHEET_TEMPLATE_VERSION.TEMPLATE_ID, template)
                .set(WORKSHEET_TEMPLATE_VERSION.NUMBER, 1).set(WORKSHEET_TEMPLATE_VERSION.TITLE, title)
                .set(WORKSHEET_TEMPLATE_VERSION.DEFINITION, JSONB.valueOf("{\"purpose\":\"\",\"steps\":[]}"))
                .returning(WORKSHEET_TEMPLATE_VERSION.ID).fetchOne(WORKSHEET_TEMPLATE_VERSION.ID);
        long assignment = db.insertInto(WORKSHEET_ASSIGNMENT).set(WORKSHEET_ASSIGNMENT.COHORT_ID, cohort)
                .set(WORKSHEET_ASSIGNMENT.TEMPLATE_ID, template)
                .returning(WORKSHEET_ASSIGNMENT.ID).fetchOne(WORKSHEET_ASSIGNMENT.ID);
        for (int i = 0; i < n; i++) {
            TestData.Person p = data.personIn(cohort, Role.MEMBER);
            db.insertInto(WORKSHEET_RESPONSE).set(WORKSHEET_RESPONSE.ASSIGNMENT_ID, assignment)
                    .set(WORKSHEET_RESPONSE.MEMBER_ID, p.id()).set(WORKSHEET_RESPONSE.TEMPLATE_VERSION_ID, version)
                    .set(WORKSHEET_RESPONSE.STATUS, "SUBMITTED").set(WORKSHEET_RESPONSE.SUBMITTED_AT, at(day))
                    .execute();
        }
    }
}
