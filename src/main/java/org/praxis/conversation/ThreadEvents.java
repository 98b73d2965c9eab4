package org.praxis.conversation;

import com.vaadin.flow.shared.Registration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells open thread pages on this node that a post was added, after its transaction commits
 * (never for a rolled-back post). Views filter by what their reader may see.
 * (Several nodes would relay these over PostgreSQL LISTEN/NOTIFY; one node needs no more.)
 */
@Component
public class ThreadEvents {

    /** A post was added to a thread. */
    public record NewPost(long threadId, long postId, long authorId, boolean facilitatorsOnly) {
    }

    private static final Logger log = LoggerFactory.getLogger(ThreadEvents.class);

    private final Map<Long, Set<Consumer<NewPost>>> listeners = new ConcurrentHashMap<>();

    public Registration listen(long threadId, Consumer<NewPost> listener) {
        listeners.computeIfAbsent(threadId, id -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> {
            Set<Consumer<NewPost>> set = listeners.get(threadId);
            if (set != null) {
                set.remove(listener);
            }
        };
    }

    /** Publishes once the current transaction has committed, or at once outside one. */
    void publishAfterCommit(NewPost event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publish(event);
                }
            });
        } else {
            publish(event);
        }
    }

    private void publish(NewPost event) {
        for (Consumer<NewPost> listener : listeners.getOrDefault(event.threadId(), Set.of())) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("A thread listener failed", e);
            }
        }
    }
}
