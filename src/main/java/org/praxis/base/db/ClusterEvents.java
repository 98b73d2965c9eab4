package org.praxis.base.db;

import com.vaadin.flow.shared.Registration;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Small events that open pages on every app node hear of: "a post was added to thread 12",
 * "member 7 has a new notice". Ids only travel; each listener reads the rows again with its
 * reader's rights, so nothing private rides on an event.
 *
 * <p>On the node that wrote the rows an event is handed to the listeners in the process right after
 * the commit. To the other nodes it goes through PostgreSQL {@code NOTIFY} on the channel
 * {@value #CHANNEL}, sent in the writer's own transaction: PostgreSQL delivers it only when that
 * transaction commits, and never for one rolled back. Each node holds one connection that
 * {@code LISTEN}s and skips the events it sent itself.
 *
 * <p>A notice can be missed while a node's listening connection is down (PostgreSQL keeps none for
 * a listener that is gone). So when the connection comes back, every {@link #onResync resync}
 * listener is called: pages count again from the rows rather than trusting the events they got.
 */
@Component
public class ClusterEvents implements SmartLifecycle {

    /** The PostgreSQL channel every node listens on. */
    public static final String CHANNEL = "praxis_events";

    private static final Logger log = LoggerFactory.getLogger(ClusterEvents.class);
    /** How long the listener waits for notices before it checks that its connection still works. */
    private static final int CHECK_MILLIS = 2000;
    /** How long it waits before it tries again after losing the connection. */
    private static final long RETRY_MILLIS = 1000;
    /** PostgreSQL refuses payloads from 8000 bytes. */
    private static final int MAX_PAYLOAD = 7900;

    private final DataSource dataSource;
    private final DSLContext db;
    private final String node = UUID.randomUUID().toString();
    private final Map<String, Set<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    private final Set<Runnable> resyncs = new CopyOnWriteArraySet<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private volatile boolean running;
    private volatile boolean listening;
    private volatile int backendPid;
    private Thread thread;

    ClusterEvents(DataSource dataSource, DSLContext db) {
        this.dataSource = dataSource;
        this.db = db;
    }

    /** Calls {@code handler} with the payload of every event of this topic, from any node. */
    public Registration subscribe(String topic, Consumer<String> handler) {
        requireWord(topic);
        handlers.computeIfAbsent(topic, t -> new CopyOnWriteArraySet<>()).add(handler);
        return () -> {
            Set<Consumer<String>> set = handlers.get(topic);
            if (set != null) {
                set.remove(handler);
            }
        };
    }

    /**
     * Calls {@code listener} whenever this node's listening connection came back after it was lost:
     * events of other nodes may have been missed meanwhile, so whoever listens should read again.
     */
    public Registration onResync(Runnable listener) {
        resyncs.add(listener);
        return () -> resyncs.remove(listener);
    }

    /**
     * Sends the event to this node's listeners once the current transaction has committed, and to
     * the other nodes' through PostgreSQL in the same transaction (so at its commit); outside a
     * transaction, at once.
     */
    public void publishAfterCommit(String topic, String payload) {
        requireWord(topic);
        String message = node + ' ' + topic + ' ' + payload;
        if (message.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("An event carries ids, not text: " + message.length() + " characters");
        }
        db.select(DSL.field("pg_notify({0}, {1})", String.class, DSL.val(CHANNEL), DSL.val(message))).fetch();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatch(topic, payload);
                }
            });
        } else {
            dispatch(topic, payload);
        }
    }

    private static void requireWord(String topic) {
        if (topic == null || !topic.matches("[a-z][a-z0-9-]{0,40}")) {
            throw new IllegalArgumentException("A topic is one short lower-case word: " + topic);
        }
    }

    private void dispatch(String topic, String payload) {
        for (Consumer<String> handler : handlers.getOrDefault(topic, Set.of())) {
            try {
                handler.accept(payload);
            } catch (RuntimeException e) {
                log.warn("A listener of {} events failed", topic, e);
            }
        }
    }

    /** Handles one notice from PostgreSQL: another node's event goes to this node's listeners. */
    void received(String message) {
        int first = message.indexOf(' ');
        int second = first < 0 ? -1 : message.indexOf(' ', first + 1);
        if (second < 0) {
            log.warn("An event in an unknown form was ignored");
            return;
        }
        if (message.substring(0, first).equals(node)) {
            return;
        }
        received.incrementAndGet();
        dispatch(message.substring(first + 1, second), message.substring(second + 1));
    }

    private void resync() {
        for (Runnable listener : resyncs) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("A resync listener failed", e);
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::listen, "cluster-events-listener");
        thread.setDaemon(true);
        thread.start();
    }

    private void listen() {
        boolean lost = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                backendPid = pg.getBackendPID();
                listening = true;
                connections.incrementAndGet();
                if (lost) {
                    log.info("Listening for other nodes' events again; pages read their rows again");
                    resync();
                }
                while (running) {
                    PGNotification[] notices = pg.getNotifications(CHECK_MILLIS);
                    if (notices == null || notices.length == 0) {
                        // a connection that died quietly gives no notices and no error: ask it
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("select 1");
                        }
                        continue;
                    }
                    for (PGNotification notice : notices) {
                        received(notice.getParameter());
                    }
                }
            } catch (Exception e) {
                listening = false;
                if (running) {
                    lost = true;
                    log.warn("Listening for other nodes' events failed; trying again in {} ms ({})", RETRY_MILLIS,
                            e.toString());
                    sleep(RETRY_MILLIS);
                }
            }
        }
        listening = false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether this node hears other nodes' events right now. */
    public boolean listening() {
        return listening;
    }

    /** The PostgreSQL backend of the listening connection (for tests that cut it). */
    int listenerBackendPid() {
        return backendPid;
    }

    /** How many events of other nodes this node received. */
    long received() {
        return received.get();
    }

    /** How many times the listening connection was opened. */
    long connections() {
        return connections.get();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stop before the connection pool closes
        return Integer.MAX_VALUE - 100;
    }
}
