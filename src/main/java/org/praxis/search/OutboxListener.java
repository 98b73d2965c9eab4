package org.praxis.search;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on PostgreSQL's {@code search_outbox} channel (see migration V3) and wakes the indexer
 * as soon as outbox rows commit, on whichever app node wrote them. The indexer's own poll stays
 * as the safety net when the connection drops.
 */
@Component
class OutboxListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxListener.class);

    private final DataSource dataSource;
    private final Indexer indexer;
    private final AtomicLong wakeUps = new AtomicLong();
    private volatile boolean running;
    private Thread thread;

    OutboxListener(DataSource dataSource, Indexer indexer) {
        this.dataSource = dataSource;
        this.indexer = indexer;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::listen, "search-outbox-listener");
        thread.setDaemon(true);
        thread.start();
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN search_outbox");
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null && notifications.length > 0) {
                        wakeUps.incrementAndGet();
                        indexer.catchUp();
                    }
                }
            } catch (Exception e) {
                if (running) {
                    log.warn("Listening for search outbox changes failed; retrying in 5 s ({})", e.toString());
                    sleep(5000);
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many times a notification woke the indexer. */
    long wakeUps() {
        return wakeUps.get();
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
