package dev.latchkey.it.cluster;

import dev.latchkey.it.support.ServerOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The Keycloak options of the cluster, in one place. {@link #BUILD} and {@link #START} are exactly what
 * docker/Dockerfile and docker/compose.yaml use ({@link DockerFilesIT} keeps them equal); {@link #perNode} adds what
 * differs because both nodes share one host here: ports, loopback addresses, the database URL.
 *
 * <p>Discovery is not set on purpose: Keycloak 26's default cache stack {@code jdbc-ping} finds the other node
 * through the shared database, in the tests as in compose.
 */
final class ClusterOptions {

    /** {@code kc.sh build}: build-time options, baked into the optimized server. */
    static final List<String> BUILD = List.of(
            "build",
            "--db=postgres",
            "--features=declarative-ui",
            "--health-enabled=true");

    /** {@code kc.sh start} on every node. */
    static final List<String> START = List.of(
            "start",
            "--optimized",
            "--http-enabled=true",
            "--hostname-strict=false",
            "--cache=ispn",
            "--import-realm");

    static final String DB_USERNAME = "keycloak";
    static final String DB_PASSWORD = "keycloak";
    static final String DB_NAME = "keycloak";

    private ClusterOptions() {
    }

    /**
     * Host-specific options of one node. JGroups binds to loopback (two nodes, one host: no traffic leaves the
     * machine) on the given port; its failure detector listens on that port + 50000, so ports stay below 15535.
     */
    static List<String> perNode(int httpPort, int managementPort, int clusterPort, String jdbcUrl) {
        List<String> options = new ArrayList<>(START);
        options.add("--db-url=" + jdbcUrl);
        options.add("--db-username=" + DB_USERNAME);
        options.add("--db-password=" + DB_PASSWORD);
        options.add("--http-host=127.0.0.1");
        options.add("--http-port=" + httpPort);
        options.add("--http-management-port=" + managementPort);
        options.add("--cache-embedded-network-bind-address=127.0.0.1");
        options.add("--cache-embedded-network-bind-port=" + clusterPort);
        // the key lifecycle task every few seconds, as on the single test server, so reminders show within a test
        options.add("--spi-realm-restapi-extension--latchkey--lifecycle-interval-seconds="
                + ServerOptions.LIFECYCLE_INTERVAL_SECONDS);
        return options;
    }
}
