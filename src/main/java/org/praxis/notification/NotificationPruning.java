package org.praxis.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.praxis.base.db.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Deletes notices older than {@code praxis.notifications.retention} (90 days), on one app node at a time. */
@Component
public class NotificationPruning {

    private static final Logger log = LoggerFactory.getLogger(NotificationPruning.class);

    private final NotificationService notifications;
    private final NotificationProperties properties;
    private final ClusterLock lock;
    private final TransactionTemplate transactions;
    private final Clock clock;

    NotificationPruning(NotificationService notifications, NotificationProperties properties, ClusterLock lock,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.notifications = notifications;
        this.properties = properties;
        this.lock = lock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${praxis.notifications.prune-every:1h}",
            initialDelayString = "${praxis.scheduling.initial-delay:4m}")
    void scheduledPrune() {
        try {
            prune();
        } catch (RuntimeException e) {
            log.warn("Pruning notifications failed; will retry", e);
        }
    }

    /** Deletes the notices past the retention; returns how many (0 when another node is at it). */
    public int prune() {
        OffsetDateTime before = OffsetDateTime.now(clock).minus(properties.retention());
        Integer deleted = transactions.execute(tx -> lock.tryLock("notification-prune")
                ? notifications.deleteOlderThan(before) : 0);
        return deleted == null ? 0 : deleted;
    }
}
