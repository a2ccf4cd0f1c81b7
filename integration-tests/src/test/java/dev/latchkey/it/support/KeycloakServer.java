package dev.latchkey.it.support;

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
 * One {@code bin/kc.sh} process: the single test server ({@link DevServer}) or one cluster node. It runs in a
 * prepared Keycloak home with the given options, writes its console to a log file of its own per start, is ready
 * when its master realm answers, and is stopped by PID (kc.sh and the JVM it started). A node can be killed with
 * SIGKILL and started again; each start writes a new log ({@code node1.log}, {@code node1-run2.log}, ...).
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    private static final String MANAGEMENT_PORT = "--http-management-port=";

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READY_POLL = Duration.ofMillis(500);
    private static final int LOG_TAIL_LINES = 80;

    private final String name;
    private final Path home;
    private final String baseUrl;
    private final List<String> options;
    private final Path firstLog;
    private final Http http = new Http();
    private final Thread shutdownHook;
    private AdminClient admin;
    private TokenClient tokens;
    private Process process;
    private Path log;
    private int starts;
    private boolean hookAdded;

    /**
     * @param baseUrl  where it listens once started, e.g. {@code http://localhost:41234}, no trailing slash
     * @param options  the {@code kc.sh} command line after {@code kc.sh}, ports included
     * @param firstLog the log of the first start; later starts insert {@code -runN} before {@code .log}
     */
    public KeycloakServer(String name, Path home, String baseUrl, List<String> options, Path firstLog) {
        this.name = name;
        this.home = home;
        this.baseUrl = baseUrl;
        this.options = List.copyOf(options);
        this.firstLog = firstLog;
        this.shutdownHook = new Thread(this::stop, name + "-stop");
    }

    public String name() {
        return name;
    }

    /** e.g. {@code http://localhost:41234}, no trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The management interface (metrics), e.g. {@code http://localhost:41235}: served when the options give
     * {@code --http-management-port}.
     */
    public String managementUrl() {
        return options.stream().filter(option -> option.startsWith(MANAGEMENT_PORT))
                .map(option -> "http://localhost:" + option.substring(MANAGEMENT_PORT.length()))
                .findFirst().orElseThrow(() -> new IllegalStateException(name + " has no management port"));
    }

    /** {@code baseUrl() + path}; path starts with a slash. */
    public String url(String path) {
        return baseUrl + path;
    }

    public Http http() {
        return http;
    }

    /** The admin REST API of this server, as the bootstrap admin; one instance per server. */
    public synchronized AdminClient admin() {
        if (admin == null) {
            admin = new AdminClient(this);
        }
        return admin;
    }

    /** User and client tokens from this server; one instance per server. */
    public synchronized TokenClient tokens() {
        if (tokens == null) {
            tokens = new TokenClient(this);
        }
        return tokens;
    }

    /** The log of the current (or last) start. */
    public Path serverLog() {
        return log;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts {@code kc.sh} and waits until it answers; a server that does not is killed and the start fails. */
    public synchronized void start(Duration timeout) {
        if (isRunning()) {
            throw new IllegalStateException(name + " is running already");
        }
        starts++;
        log = starts == 1 ? firstLog : firstLog.resolveSibling(
                firstLog.getFileName().toString().replaceFirst("(\\.log)?$", "-run" + starts + ".log"));
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

        System.out.printf("Starting %s from %s at %s (log %s)%n", name, home, baseUrl, log);
        Instant started = Instant.now();
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        }
        if (!hookAdded) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            hookAdded = true;
        }
        try {
            awaitReady(timeout);
        } catch (RuntimeException e) {
            kill();
            throw e;
        }
        System.out.printf("%s ready at %s after %d s%n", name, baseUrl,
                Duration.between(started, Instant.now()).toSeconds());
    }

    /** SIGTERM, a clean shutdown of kc.sh and its JVM; SIGKILL to whatever is left after {@link #STOP_TIMEOUT}. */
    public synchronized void stop() {
        List<ProcessHandle> tree = processTree();
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()),
                        TimeUnit.MILLISECONDS);
            } catch (Exception notStoppedInTime) {
                handle.destroyForcibly();
            }
        }
    }

    /** SIGKILL to the JVM (and kc.sh, should it still be there): no shutdown hook, no goodbye to a cluster. */
    public synchronized void kill() {
        List<ProcessHandle> tree = processTree();
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(handle -> handle.onExit().join());
    }

    /** The PIDs of the running Java processes of this server (kc.sh execs the JVM, so usually one). */
    public List<Long> javaPids() {
        return processTree().stream()
                .filter(handle -> handle.info().command().map(command -> command.endsWith("/java")).orElse(false))
                .map(ProcessHandle::pid)
                .toList();
    }

    /** Whether the current log contains the text, e.g. a cluster view. */
    public boolean logContains(String text) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** How long the current log is now, in characters: where {@link #logSince} starts. */
    public int logLength() {
        return logSince(0).length();
    }

    /** The current log from a {@link #logLength} on: what the server wrote meanwhile. */
    public String logSince(int length) {
        try {
            String all = Files.readString(log, StandardCharsets.UTF_8);
            return all.substring(Math.min(length, all.length()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            return "---- last " + tail.size() + " lines of " + log + " ----\n" + String.join("\n", tail);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** Stops the server; the shutdown hook that would have stopped it at JVM exit is no longer needed. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing left to undo
        }
    }

    private void awaitReady(Duration timeout) {
        String probe = url("/realms/master/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before it was ready\n" + logTail());
            }
            if (answers(probe)) {
                return;
            }
            sleep(READY_POLL);
        }
        throw new IllegalStateException(name + " was not ready after " + timeout.toSeconds() + " s\n" + logTail());
    }

    private boolean answers(String url) {
        try {
            return http.get(url).send().status() == 200;
        } catch (UncheckedIOException notListeningYet) {
            return false;
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

    /** Thread.sleep for the harness's polling loops; an interrupt ends the wait with an exception. */
    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
