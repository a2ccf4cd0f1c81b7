package dev.latchkey.it.proxy;

import dev.latchkey.it.support.KeycloakServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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

    private final ProxyProcess process;

    Caddy(KeycloakServer server, String realm, int upstreamPort) {
        process = new ProxyProcess("Caddy");
        Path dir = process.dir();
        String keycloakHost = "127.0.0.1:" + URI.create(server.baseUrl()).getPort();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("app.example.com {", process.url() + " {");
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
        } catch (IOException e) {
            process.close();
            throw new UncheckedIOException("Cannot configure Caddy in " + dir, e);
        }
        // Caddy keeps data (certificates, locks) under these; not in the home of whoever runs the tests
        process.start(environment -> {
            environment.put("HOME", dir.toString());
            environment.put("XDG_DATA_HOME", dir.resolve("data").toString());
            environment.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        }, "caddy", "run", "--config", dir.resolve("Caddyfile").toString(), "--adapter", "caddyfile");
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
        return process.url();
    }

    /** Its working directory, deleted when closed. */
    Path dir() {
        return process.dir();
    }

    /** SIGTERM: Caddy's graceful stop. */
    @Override
    public void close() {
        process.close();
    }
}
