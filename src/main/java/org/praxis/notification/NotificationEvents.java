package org.praxis.notification;

import com.vaadin.flow.shared.Registration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the open pages of a person on this node that they have a new notice, after the
 * transaction that wrote it commits (never for one rolled back). Only the member's id travels:
 * listeners count again with the reader's rights. (Several nodes would relay these over
 * PostgreSQL LISTEN/NOTIFY; one node needs no more.)
 */
@Component
public class NotificationEvents {

    private static final Logger log = LoggerFactory.getLogger(NotificationEvents.class);

    private final Map<Long, Set<Runnable>> listeners = new ConcurrentHashMap<>();

    /** Calls {@code listener} (on the writer's thread) whenever the member gets a notice. */
    public Registration listen(long memberId, Runnable listener) {
        listeners.computeIfAbsent(memberId, id -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> {
            Set<Runnable> set = listeners.get(memberId);
            if (set != null) {
                set.remove(listener);
                if (set.isEmpty()) {
                    listeners.remove(memberId, set);
                }
            }
        };
    }

    /** Publishes once the current transaction has committed, or at once outside one. */
    void publishAfterCommit(long memberId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publish(memberId);
                }
            });
        } else {
            publish(memberId);
        }
    }

    private void publish(long memberId) {
        for (Runnable listener : listeners.getOrDefault(memberId, Set.of())) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("A notification listener failed", e);
            }
        }
    }
}
