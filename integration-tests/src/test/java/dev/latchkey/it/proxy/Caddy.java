package dev.latchkey.it.proxy;

import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's Caddy, started by the test on a free port with the README's Caddy configuration: its one
 * {@code caddyfile} block, with the example's site address, Keycloak, realm and service replaced by the test's, and
 * global options before it that keep Caddy to itself (no admin API, no automatic HTTPS, its data in DIR). Stopped
 * with SIGTERM when closed.
 */
final class Caddy implements AutoCloseable {

    /** The README, from the integration-tests module (failsafe's working directory). */
    static final Path README = Path.of("..", "README.md");

    private static final Pattern BLOCK = Pattern.compile("```caddyfile\n(.*?)```", Pattern.DOTALL);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path dir;
    private final int port;
    private final Process process;

    /**
     * @param dir          an empty directory for the configuration, Caddy's data and its output
     * @param keycloakHost {@code host:port} of Keycloak
     */
    Caddy(Path dir, String keycloakHost, String realm, int upstreamPort) {
        this.dir = dir;
        this.port = Ports.free(new HashSet<>());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("app.example.com {", "http://127.0.0.1:" + port + " {");
        values.put("keycloak.internal:8080", keycloakHost);
        values.put("/realms/demo/", "/realms/" + realm + "/");
        values.put("127.0.0.1:3000", "127.0.0.1:" + upstreamPort);
        try {
            String config = readmeConfiguration();
            for (Map.Entry<String, String> value : values.entrySet()) {
                if (!config.contains(value.getKey())) {
                    throw new IllegalStateException("The README's Caddy configuration no longer holds "
                            + value.getKey() + ": update " + Caddy.class.getSimpleName() + " with it");
                }
                config = config.replace(value.getKey(), value.getValue());
            }
            Files.writeString(dir.resolve("Caddyfile"), """
                    {
                        admin off
                        auto_https off
                    }
                    """ + config);
            ProcessBuilder builder = new ProcessBuilder("caddy", "run", "--config", dir.resolve("Caddyfile").toString(),
                    "--adapter", "caddyfile")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("console.log").toFile());
            // Caddy keeps data (certificates, locks) under these; not in the home of whoever runs the tests
            builder.environment().put("HOME", dir.toString());
            builder.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
            builder.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Caddy in " + dir, e);
        }
        awaitListening();
    }

    /** The README's caddyfile block, as written there. */
    static String readmeConfiguration() throws IOException {
        Matcher block = BLOCK.matcher(Files.readString(README));
        if (!block.find()) {
            throw new IllegalStateException("No caddyfile block in " + README.toAbsolutePath());
        }
        String config = block.group(1);
        if (block.find()) {
            throw new IllegalStateException("More than one caddyfile block in " + README.toAbsolutePath());
        }
        return config;
    }

    /** e.g. {@code http://127.0.0.1:41234}. */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Caddy exited with " + process.exitValue() + ":\n" + output());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                KeycloakServer.sleep(Duration.ofMillis(100));
            }
        }
        close();
        throw new IllegalStateException("Caddy did not listen on " + port + " within " + START_TIMEOUT + ":\n" + output());
    }

    private String output() {
        try {
            Path log = dir.resolve("console.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM: Caddy's graceful stop. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
