package dev.latchkey.it.cluster;

import dev.latchkey.it.support.Dirs;
import dev.latchkey.it.support.KeycloakHome;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.Ports;
import dev.latchkey.it.support.TestPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipFile;

/**
 * PostgreSQL and two Keycloak nodes in production mode, as docker/compose.yaml runs them:
 * <ol>
 *   <li>the unpacked distribution is copied once to {@code target/cluster/keycloak}, the latchkey jar goes into its
 *       providers/ and the demo realm into data/import/, and {@code kc.sh build} ({@link ClusterOptions#BUILD})
 *       makes an optimized server (skipped when neither the jar nor the options changed since the last run);</li>
 *   <li>PostgreSQL starts with an empty database;</li>
 *   <li>each node gets a Keycloak home of hard links to that build, with its own data/, and starts with
 *       {@link ClusterOptions#perNode}: node 1 first (it creates the schema and imports the demo realm), then node 2,
 *       which finds node 1 through the database (jdbc-ping) and joins its cluster.</li>
 * </ol>
 */
final class KeycloakCluster implements AutoCloseable {

    /** The Infinispan log line of a cluster view of two members, e.g. {@code ... (2) [node-a, node-b]}. */
    private static final String TWO_MEMBER_VIEW = "(2) [";
    /** A first start includes the schema creation and the realm import on PostgreSQL. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(600);

    private final Duration startupTimeout = TestPaths.startupTimeout(STARTUP_TIMEOUT);
    private final Postgres postgres;
    private final KeycloakServer node1;
    private final KeycloakServer node2;
    private final Thread shutdownHook = new Thread(this::close, "keycloak-cluster-stop");

    private KeycloakCluster(Postgres postgres, KeycloakServer node1, KeycloakServer node2) {
        this.postgres = postgres;
        this.node1 = node1;
        this.node2 = node2;
    }

    static KeycloakCluster start(TestPaths paths) {
        Instant began = Instant.now();
        Path work = paths.clusterDir();
        Path build = work.resolve("keycloak");
        buildServer(paths, build);

        Set<Integer> taken = new HashSet<>();
        Postgres postgres = Postgres.startFresh(work.resolve("postgres"), Ports.free(taken));
        KeycloakServer node1 = node("node1", build, work, taken, postgres.jdbcUrl());
        KeycloakServer node2 = node("node2", build, work, taken, postgres.jdbcUrl());
        KeycloakCluster cluster = new KeycloakCluster(postgres, node1, node2);
        Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        try {
            node1.start(cluster.startupTimeout);
            node2.start(cluster.startupTimeout);
            cluster.awaitTwoMembers(Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        System.out.printf("Cluster ready after %d s%n", Duration.between(began, Instant.now()).toSeconds());
        return cluster;
    }

    KeycloakServer node1() {
        return node1;
    }

    KeycloakServer node2() {
        return node2;
    }

    Postgres postgres() {
        return postgres;
    }

    /** Starts a node that was stopped or killed, and waits until both nodes see a view of two members again. */
    void restart(KeycloakServer node) {
        node.start(startupTimeout);
        awaitTwoMembers(Duration.ofSeconds(60));
    }

    /** Both nodes' current logs show a cluster view of two members. */
    void awaitTwoMembers(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!(node1.logContains(TWO_MEMBER_VIEW) && node2.logContains(TWO_MEMBER_VIEW))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The nodes did not form a cluster of two within " + timeout.toSeconds()
                        + " s\n" + node1.logTail() + "\n" + node2.logTail());
            }
            KeycloakServer.sleep(Duration.ofMillis(250));
        }
    }

    @Override
    public void close() {
        for (KeycloakServer node : List.of(node2, node1)) {
            node.close();
        }
        postgres.close();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run
        }
    }

    private static KeycloakServer node(String name, Path build, Path work, Set<Integer> taken, String jdbcUrl) {
        Path home = work.resolve(name);
        Dirs.delete(home);
        Dirs.link(build, home, relative -> relative.startsWith("data") && !relative.startsWith(Path.of("data", "import")));
        int httpPort = Ports.free(taken);
        List<String> options = ClusterOptions.perNode(httpPort, Ports.free(taken), freeClusterPort(taken), jdbcUrl);
        return new KeycloakServer(name, home, "http://127.0.0.1:" + httpPort, options, work.resolve(name + ".log"));
    }

    /** The optimized server: built again only when the jar, the realm or the build options changed. */
    private static void buildServer(TestPaths paths, Path build) {
        String fingerprint = fingerprint(paths);
        Path marker = build.resolve("latchkey-build.txt");
        if (Files.exists(marker) && fingerprint.equals(read(marker))) {
            System.out.println("Reusing the optimized server in " + build);
            return;
        }
        Instant began = Instant.now();
        Dirs.delete(build);
        Dirs.copy(paths.keycloakHome(), build, relative -> relative.startsWith("data")
                || relative.startsWith("providers") && relative.getNameCount() > 1);
        KeycloakHome.installProviders(paths.providersDir(), build);
        KeycloakHome.resetData(build, paths.realmFile());
        List<String> command = new ArrayList<>();
        command.add(build.resolve("bin/kc.sh").toString());
        command.addAll(ClusterOptions.BUILD);
        Path log = build.getParent().resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(build.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("KEYCLOAK_"));
        try {
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + "; see " + log);
            }
            Files.writeString(marker, fingerprint);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while building the server", e);
        }
        System.out.printf("Built the optimized server in %d s (log %s)%n",
                Duration.between(began, Instant.now()).toSeconds(), log);
    }

    /** The build options, the distribution and the contents of the jars and the realm (not their file times). */
    private static String fingerprint(TestPaths paths) {
        StringBuilder text = new StringBuilder(String.join(" ", ClusterOptions.BUILD)).append('\n');
        text.append(paths.keycloakHome()).append('\n');
        try {
            for (Path jar : KeycloakHome.jars(paths.providersDir())) {
                CRC32 crc = new CRC32();
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    zip.stream().forEach(entry -> {
                        crc.update(entry.getName().getBytes(StandardCharsets.UTF_8));
                        crc.update(Long.toString(entry.getCrc()).getBytes(StandardCharsets.UTF_8));
                    });
                }
                text.append(jar.getFileName()).append(' ').append(crc.getValue()).append('\n');
            }
            CRC32 realm = new CRC32();
            realm.update(Files.readAllBytes(paths.realmFile()));
            text.append("realm ").append(realm.getValue()).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** A free port p below 15535 whose failure-detection port p + 50000 is free as well (see ClusterOptions). */
    private static int freeClusterPort(Set<Integer> taken) {
        for (int port = 7800; port < 15535; port++) {
            if (!taken.contains(port) && Ports.isFree(port) && Ports.isFree(port + 50000)) {
                taken.add(port);
                return port;
            }
        }
        throw new IllegalStateException("No free port pair for JGroups");
    }
}
