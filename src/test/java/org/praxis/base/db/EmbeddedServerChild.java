package org.praxis.base.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;

/**
 * A stand-in for a running Praxis, started as a child JVM by the tests: it starts the embedded
 * PostgreSQL on a data folder the way the app does, with the app's durable settings, saves a
 * note, says {@code READY} and waits to be killed.
 */
public final class EmbeddedServerChild {

    private EmbeddedServerChild() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(args[0], Map.of());
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("create table if not exists kept (note text not null)");
            try (PreparedStatement insert = c.prepareStatement("insert into kept (note) values (?)")) {
                insert.setString(1, args[1]);
                insert.executeUpdate();
            }
        }
        System.out.println("READY " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
