package dev.latchkey.it.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import dev.latchkey.it.support.Dirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server (zonky's binaries) on a fixed port and data directory, so it can be stopped and started
 * again with everything it stored, the way an outage of the database looks to Keycloak.
 */
final class Postgres implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    private Postgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** A fresh server with an empty {@value ClusterOptions#DB_NAME} database owned by its own login role. */
    static Postgres startFresh(Path dataDir, int port) {
        Dirs.delete(dataDir);
        Postgres postgres = new Postgres(dataDir, port);
        postgres.start();
        try (Connection connection = postgres.server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + ClusterOptions.DB_USERNAME + " LOGIN PASSWORD '"
                    + ClusterOptions.DB_PASSWORD + "'");
            statement.execute("CREATE DATABASE " + ClusterOptions.DB_NAME + " OWNER " + ClusterOptions.DB_USERNAME);
        } catch (SQLException e) {
            postgres.close();
            throw new IllegalStateException("Cannot create the keycloak database", e);
        }
        return postgres;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + ClusterOptions.DB_NAME;
    }

    boolean isRunning() {
        return server != null;
    }

    /** Starts the server on the same port and data directory (after {@link #stop()}). */
    synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // what a production server does: a commit is on disk when Keycloak is told it is
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL in " + dataDir, e);
        }
    }

    /** Stops the server ({@code pg_ctl stop -m fast}: open connections are cut, committed data stays). */
    synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop PostgreSQL", e);
        } finally {
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
