package org.praxis.notification;

import com.vaadin.flow.shared.Registration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.praxis.base.db.ClusterEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the open pages of a person, on every node, that they have a new notice, after the
 * transaction that wrote it commits (never for one rolled back): on this node in the process, on
 * the others through {@link ClusterEvents}. Only the member's id travels: listeners count again
 * with the reader's rights. When a node's listening connection comes back after it was lost,
 * every listener counts again.
 */
@Component
public class NotificationEvents {

    static final String TOPIC = "notice";

    private static final Logger log = LoggerFactory.getLogger(NotificationEvents.class);

    private final ClusterEvents cluster;
    private final Map<Long, Set<Runnable>> listeners = new ConcurrentHashMap<>();

    NotificationEvents(ClusterEvents cluster) {
        this.cluster = cluster;
        cluster.subscribe(TOPIC, payload -> publish(Long.parseLong(payload)));
        cluster.onResync(() -> listeners.keySet().forEach(this::publish));
    }

    /** Calls {@code listener} (on the writer's or the listening thread) whenever the member gets a notice. */
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
        cluster.publishAfterCommit(TOPIC, Long.toString(memberId));
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
