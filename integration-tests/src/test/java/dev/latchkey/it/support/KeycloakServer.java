package dev.latchkey.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Keycloak server process ({@code bin/kc.sh start-dev}, H2) with the latchkey jar installed and the demo realm
 * imported. Started once per test run by {@link KeycloakServerExtension}; stopped when the run ends.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 80;

    private final Process process;
    private final String baseUrl;
    private final Path serverLog;
    private final Http http = new Http();
    private final Thread shutdownHook = new Thread(this::stop, "keycloak-server-stop");

    private KeycloakServer(Process process, String baseUrl, Path serverLog) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.serverLog = serverLog;
    }

    static KeycloakServer start(ServerSettings settings) {
        prepare(settings);
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(settings.keycloakHome().resolve("bin/kc.sh").toString());
        command.addAll(ServerOptions.commandLine(port));

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(settings.keycloakHome().toFile())
                .redirectErrorStream(true)
                .redirectOutput(settings.serverLog().toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("KEYCLOAK_"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);

        System.out.printf("Starting Keycloak from %s on port %d (log: %s)%n",
                settings.keycloakHome(), port, settings.serverLog());
        Instant started = Instant.now();
        KeycloakServer server;
        try {
            server = new KeycloakServer(builder.start(), "http://localhost:" + port, settings.serverLog());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        }
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        try {
            server.awaitReady(settings.startupTimeout());
        } catch (RuntimeException e) {
            server.close();
            System.err.println(server.logTail());
            throw e;
        }
        System.out.printf("Keycloak is ready at %s after %d s%n", server.baseUrl,
                Duration.between(started, Instant.now()).toSeconds());
        return server;
    }

    /** e.g. {@code http://localhost:41234}, no trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** {@code baseUrl() + path}; path starts with a slash. */
    public String url(String path) {
        return baseUrl + path;
    }

    public Http http() {
        return http;
    }

    public Path serverLog() {
        return serverLog;
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing left to undo
        }
    }

    /** Data of earlier runs goes; the jar and the realm file are copied fresh. */
    private static void prepare(ServerSettings settings) {
        Path home = settings.keycloakHome();
        try {
            deleteRecursively(home.resolve("data"));
            Path importDir = Files.createDirectories(home.resolve("data/import"));
            Files.copy(settings.realmFile(), importDir.resolve("realm-export.json"));

            installProviders(settings.providersDir(), Files.createDirectories(home.resolve("providers")));
            Files.createDirectories(settings.serverLog().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + home, e);
        }
    }

    /**
     * Makes the jars in providers/ exactly the built ones. Unchanged jars are left alone: a changed providers/ makes
     * Keycloak rebuild itself at start, which takes half a minute.
     */
    private static void installProviders(Path builtDir, Path providers) throws IOException {
        List<Path> built;
        try (Stream<Path> files = Files.list(builtDir)) {
            built = files.filter(p -> p.getFileName().toString().endsWith(".jar")).toList();
        }
        if (built.isEmpty()) {
            throw new IllegalStateException("No latchkey jar in " + builtDir);
        }
        List<Path> installed;
        try (Stream<Path> files = Files.list(providers)) {
            installed = files.filter(p -> p.getFileName().toString().endsWith(".jar")).toList();
        }
        for (Path old : installed) {
            if (built.stream().noneMatch(jar -> jar.getFileName().equals(old.getFileName()))) {
                Files.delete(old);
            }
        }
        for (Path jar : built) {
            Path target = providers.resolve(jar.getFileName());
            if (!Files.exists(target) || Files.mismatch(jar, target) != -1) {
                Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private void awaitReady(Duration timeout) {
        String probe = url("/realms/master/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                        + " before it was ready; see " + serverLog);
            }
            if (answers(probe)) {
                return;
            }
            sleep(Duration.ofSeconds(1));
        }
        throw new IllegalStateException("Keycloak was not ready after " + timeout.toSeconds() + " s; see " + serverLog);
    }

    private boolean answers(String url) {
        try {
            return http.get(url).send().status() == 200;
        } catch (UncheckedIOException notYetListening) {
            return false;
        }
    }

    /** SIGTERM to kc.sh and the JVM it started, then SIGKILL whatever is left after {@link #STOP_TIMEOUT}. */
    private synchronized void stop() {
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle()))
                .filter(ProcessHandle::isAlive)
                .toList();
        if (tree.isEmpty()) {
            return;
        }
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

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(serverLog, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            return "---- last " + tail.size() + " lines of " + serverLog + " ----\n" + String.join("\n", tail);
        } catch (IOException e) {
            return "(cannot read " + serverLog + ": " + e + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
        }
    }
}
