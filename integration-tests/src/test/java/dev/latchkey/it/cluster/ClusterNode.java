package dev.latchkey.it.cluster;

import dev.latchkey.it.support.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Keycloak node: {@code bin/kc.sh start --optimized ...} in its own Keycloak home (its own data/), with its own
 * HTTP, management and JGroups ports. It can be stopped, killed with SIGKILL and started again.
 */
final class ClusterNode {

    static final String ADMIN_USERNAME = "admin";
    static final String ADMIN_PASSWORD = "admin";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Path home;
    private final List<String> options;
    private final int httpPort;
    private final Http http = new Http();
    private Process process;
    private Path log;
    private int starts;

    ClusterNode(String name, Path home, int httpPort, int managementPort, int clusterPort, String jdbcUrl) {
        this.name = name;
        this.home = home;
        this.httpPort = httpPort;
        this.options = ClusterOptions.perNode(httpPort, managementPort, clusterPort, jdbcUrl);
    }

    String name() {
        return name;
    }

    /** e.g. {@code http://127.0.0.1:41234}; path starts with a slash. */
    String url(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    Http http() {
        return http;
    }

    /** The log of the current (or last) run of this node. */
    Path log() {
        return log;
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    synchronized void start(Duration timeout) {
        if (isRunning()) {
            throw new IllegalStateException(name + " is running already");
        }
        starts++;
        log = home.getParent().resolve(name + (starts == 1 ? "" : "-run" + starts) + ".log");
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/kc.sh").toString());
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(variable -> variable.startsWith("KC_") || variable.startsWith("KEYCLOAK_"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Instant started = Instant.now();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        }
        awaitReady(timeout);
        System.out.printf("%s ready at %s after %d s (log %s)%n", name, url(""),
                Duration.between(started, Instant.now()).toSeconds(), log);
    }

    private void awaitReady(Duration timeout) {
        String probe = url("/realms/master/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before it was ready\n" + logTail());
            }
            try {
                if (http.get(probe).send().status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // keep waiting
            }
            sleep(Duration.ofMillis(500));
        }
        kill();
        throw new IllegalStateException(name + " was not ready after " + timeout.toSeconds() + " s\n" + logTail());
    }

    /** SIGKILL to the node's JVM (and kc.sh, should it still be there): no shutdown hook, no goodbye to the cluster. */
    synchronized void kill() {
        List<ProcessHandle> tree = processTree();
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(handle -> handle.onExit().join());
    }

    /** SIGTERM, a clean shutdown; SIGKILL after {@link #STOP_TIMEOUT}. */
    synchronized void stop() {
        List<ProcessHandle> tree = processTree();
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            } catch (Exception notStoppedInTime) {
                handle.destroyForcibly();
            }
        }
    }

    /** The PIDs of the running Java processes of this node (kc.sh execs the JVM, so usually one). */
    List<Long> javaPids() {
        return processTree().stream()
                .filter(handle -> handle.info().command().map(command -> command.endsWith("/java")).orElse(false))
                .map(ProcessHandle::pid)
                .toList();
    }

    /** Whether this node's log contains the text, e.g. a cluster view. */
    boolean logContains(String text) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - 60), lines.size());
            return "---- last " + tail.size() + " lines of " + log + " ----\n" + String.join("\n", tail);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    private List<ProcessHandle> processTree() {
        if (process == null) {
            return List.of();
        }
        return Stream.concat(process.descendants(), Stream.of(process.toHandle()))
                .filter(ProcessHandle::isAlive)
                .toList();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
