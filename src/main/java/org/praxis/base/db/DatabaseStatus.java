package org.praxis.base.db;

import java.util.function.Consumer;

/**
 * Whether the database can take work right now, as far as Praxis knows without asking it: the
 * embedded server is supervised, so its going away and coming back are known at once. A
 * configured server is not watched (its own operators are), so it always counts as available
 * here; a failed call still says so through {@link DatabaseFailures}.
 */
public final class DatabaseStatus {

    /** Ends a subscription made with {@link #onChange}. */
    public interface Subscription {
        void cancel();
    }

    private final EmbeddedPostgresServer server;

    DatabaseStatus(EmbeddedPostgresServer server) {
        this.server = server;
    }

    public boolean available() {
        return server == null || server.up();
    }

    /** Waits at most this long for the database to be back; whether it is. */
    boolean awaitAvailable(long millis) throws InterruptedException {
        return server == null || server.awaitUp(millis);
    }

    /**
     * Hears {@code false} when the database goes away and {@code true} when it is back, on the
     * supervisor's thread (views hop onto their UI with {@code UI.access}).
     */
    public Subscription onChange(Consumer<Boolean> listener) {
        if (server == null) {
            return () -> { };
        }
        Runnable remove = server.onChange(listener);
        return remove::run;
    }

    EmbeddedPostgresServer server() {
        return server;
    }
}
