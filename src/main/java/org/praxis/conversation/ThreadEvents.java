package org.praxis.conversation;

import com.vaadin.flow.shared.Registration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.praxis.base.db.ClusterEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells open thread pages on every node that a post was added, after its transaction commits
 * (never for a rolled-back post): on this node in the process, on the others through
 * {@link ClusterEvents}. Only ids travel, and a page counts what is new again from the rows with
 * its reader's rights ({@link ThreadService#newPostsSince}), so an event missed, repeated or
 * about a post the reader may not see changes nothing. When a node's listening connection comes
 * back after it was lost, every open page is told to count again ({@link NewPost#missed}).
 */
@Component
public class ThreadEvents {

    static final String TOPIC = "post";

    /** A post was added to a thread; {@code postId} 0 when posts may have been missed. */
    public record NewPost(long threadId, long postId, long authorId, boolean facilitatorsOnly) {

        /** Posts of the thread may have been added without an event reaching this node. */
        public static NewPost missed(long threadId) {
            return new NewPost(threadId, 0, 0, false);
        }

        String encoded() {
            return threadId + "," + postId + "," + authorId + "," + (facilitatorsOnly ? 1 : 0);
        }

        static NewPost decoded(String payload) {
            String[] parts = payload.split(",");
            return new NewPost(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                    "1".equals(parts[3]));
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ThreadEvents.class);

    private final ClusterEvents cluster;
    private final Map<Long, Set<Consumer<NewPost>>> listeners = new ConcurrentHashMap<>();

    ThreadEvents(ClusterEvents cluster) {
        this.cluster = cluster;
        cluster.subscribe(TOPIC, payload -> publish(NewPost.decoded(payload)));
        cluster.onResync(() -> listeners.keySet().forEach(threadId -> publish(NewPost.missed(threadId))));
    }

    public Registration listen(long threadId, Consumer<NewPost> listener) {
        listeners.computeIfAbsent(threadId, id -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> {
            Set<Consumer<NewPost>> set = listeners.get(threadId);
            if (set != null) {
                set.remove(listener);
                if (set.isEmpty()) {
                    listeners.remove(threadId, set);
                }
            }
        };
    }

    /** Publishes once the current transaction has committed, or at once outside one. */
    void publishAfterCommit(NewPost event) {
        cluster.publishAfterCommit(TOPIC, event.encoded());
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
