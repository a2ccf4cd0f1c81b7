package dev.latchkey.it.proxy;

import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.Ports;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Debian's nginx, started by the test on a free port with the configuration of {@code src/test/resources/proxy}
 * ({@code nginx -p DIR -c DIR/nginx.conf -g 'daemon off;'}; error log, access log and pid in DIR; the workers run as
 * DIR's owner), and stopped with SIGTERM when closed.
 */
final class Nginx implements AutoCloseable {

    private static final List<String> FILES = List.of("nginx.conf", "latchkey-check.conf", "latchkey-identity.conf");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path dir;
    private final int port;
    private final Process process;

    /**
     * @param dir          an empty directory for the configuration, logs and the git repository ({@code dir/git})
     * @param keycloakHost {@code host:port} of Keycloak
     */
    Nginx(Path dir, String keycloakHost, String realm, int upstreamPort) {
        this.dir = dir;
        this.port = Ports.free(new HashSet<>());
        try {
            Map<String, String> values = Map.of("@DIR@", dir.toString(), "@USER@", owner(dir),
                    "@PORT@", Integer.toString(port), "@KEYCLOAK@", keycloakHost, "@REALM@", realm,
                    "@UPSTREAM@", Integer.toString(upstreamPort));
            Files.createDirectories(dir.resolve("tmp"));
            for (String file : FILES) {
                String text = resource(file);
                for (Map.Entry<String, String> value : values.entrySet()) {
                    text = text.replace(value.getKey(), value.getValue());
                }
                Files.writeString(dir.resolve(file), text);
            }
            process = new ProcessBuilder("nginx", "-p", dir.toString(), "-e", dir.resolve("error.log").toString(),
                    "-c", dir.resolve("nginx.conf").toString(), "-g", "daemon off;")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("console.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start nginx in " + dir, e);
        }
        awaitListening();
    }

    /** e.g. {@code http://127.0.0.1:41234}. */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    Path dir() {
        return dir;
    }

    String accessLog() {
        return read("access.log");
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + ":\n"
                        + read("console.log") + read("error.log"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                KeycloakServer.sleep(Duration.ofMillis(100));
            }
        }
        close();
        throw new IllegalStateException("nginx did not listen on " + port + " within " + START_TIMEOUT);
    }

    /** {@code user group} of the directory, which the test created: the user nginx's workers are to run as. */
    private static String owner(Path dir) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class);
        return attributes.owner().getName() + " " + attributes.group().getName();
    }

    private String read(String file) {
        try {
            Path path = dir.resolve(file);
            return Files.exists(path) ? Files.readString(path) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Nginx.class.getResourceAsStream("/proxy/" + name)) {
            if (in == null) {
                throw new IllegalStateException("No test resource proxy/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** SIGTERM: nginx's fast shutdown of the master and its worker. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
