package org.praxis.consultation;

import static org.praxis.jooq.Tables.CONSULTATION;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.praxis.base.db.ClusterLock;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CohortRole;
import org.praxis.cohort.Cohorts;
import org.praxis.notification.NotificationKind;
import org.praxis.notification.NotificationService;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When a stage's time is up, the consultation does not move by itself (a conversation may need a
 * few more minutes, or the facilitators may want to close it early): its cohort's facilitators are
 * told, once per stage, and move it on. A job on one app node at a time ({@link ClusterLock}); each
 * notice is made once per facilitator and stage start ({@code notifyOnce}), and the stage is
 * marked told in the same transaction.
 */
@Component
class ConsultationTimeUp {

    private final DSLContext db;
    private final TransactionTemplate transactions;
    private final ClusterLock lock;
    private final CohortAccess access;
    private final NotificationService notifications;
    private final Clock clock;

    ConsultationTimeUp(DSLContext db, PlatformTransactionManager transactionManager, ClusterLock lock,
            CohortAccess access, NotificationService notifications, Clock clock) {
        this.db = db;
        this.transactions = new TransactionTemplate(transactionManager);
        this.lock = lock;
        this.access = access;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Tells the facilitators of every stage whose time is up; returns how many stages (0 when another node is at it). */
    @Scheduled(fixedDelayString = "${praxis.consultations.time-up-check:5m}",
            initialDelayString = "${praxis.scheduling.initial-delay:1m}")
    public int tellDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Integer told = transactions.execute(tx -> {
            if (!lock.tryLock("consultation-time-up")) {
                return 0;
            }
            var due = db.select(CONSULTATION.ID, CONSULTATION.COHORT_ID, CONSULTATION.TITLE,
                            CONSULTATION.STAGE_STARTED_AT, CONSULTATION.STAGE)
                    .from(CONSULTATION)
                    .where(CONSULTATION.STAGE.in(Stage.QUESTIONS.name(), Stage.REFLECTIONS.name(), Stage.RESPONSE.name()))
                    .and(CONSULTATION.TIME_UP_TOLD_AT.isNull())
                    .and(CONSULTATION.STAGE_ENDS_AT.le(now))
                    .and(Cohorts.open(CONSULTATION.COHORT_ID))
                    .orderBy(CONSULTATION.STAGE_ENDS_AT, CONSULTATION.ID)
                    .forUpdate().skipLocked()
                    .fetch();
            for (var c : due) {
                String once = "consultation-time-up:" + c.value1() + ":" + c.value5() + ":"
                        + c.value4().toInstant().toEpochMilli();
                for (var person : access.roster(c.value2())) {
                    if (person.role() == CohortRole.FACILITATOR) {
                        notifications.notifyOnce(person.memberId(), NotificationKind.CONSULTATION_TIME_UP,
                                ConsultationService.path(c.value1()), c.value3(), once);
                    }
                }
                db.update(CONSULTATION).set(CONSULTATION.TIME_UP_TOLD_AT, now).where(CONSULTATION.ID.eq(c.value1()))
                        .execute();
            }
            return due.size();
        });
        return told == null ? 0 : told;
    }
}
