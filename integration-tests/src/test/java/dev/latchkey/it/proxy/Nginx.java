package dev.latchkey.it.proxy;

import dev.latchkey.it.support.KeycloakServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.List;
import java.util.Map;

/**
 * Debian's nginx, started by the test on a free port with the configuration of {@code src/test/resources/proxy}
 * ({@code nginx -p DIR -c DIR/nginx.conf -g 'daemon off;'}; error log, access log and pid in DIR; the workers run as
 * DIR's owner), and stopped with SIGTERM when closed.
 */
final class Nginx implements AutoCloseable {

    private static final List<String> FILES = List.of("nginx.conf", "latchkey-check.conf", "latchkey-identity.conf");

    private final ProxyProcess process;

    Nginx(KeycloakServer server, String realm, int upstreamPort) {
        process = new ProxyProcess("nginx");
        Path dir = process.dir();
        String keycloakHost = "127.0.0.1:" + URI.create(server.baseUrl()).getPort();
        try {
            Map<String, String> values = Map.of("@DIR@", dir.toString(), "@USER@", owner(dir),
                    "@PORT@", Integer.toString(process.port()), "@KEYCLOAK@", keycloakHost, "@REALM@", realm,
                    "@UPSTREAM@", Integer.toString(upstreamPort));
            Files.createDirectories(dir.resolve("tmp"));
            for (String file : FILES) {
                String text = resource(file);
                for (Map.Entry<String, String> value : values.entrySet()) {
                    text = text.replace(value.getKey(), value.getValue());
                }
                Files.writeString(dir.resolve(file), text);
            }
        } catch (IOException e) {
            process.close();
            throw new UncheckedIOException("Cannot configure nginx in " + dir, e);
        }
        process.start(environment -> { }, "nginx", "-p", dir.toString(), "-e", dir.resolve("error.log").toString(),
                "-c", dir.resolve("nginx.conf").toString(), "-g", "daemon off;");
    }

    /** e.g. {@code http://127.0.0.1:41234}. */
    String url() {
        return process.url();
    }

    Path dir() {
        return process.dir();
    }

    String accessLog() {
        return process.read("access.log");
    }

    /** {@code user group} of the directory, which the test created: the user nginx's workers are to run as. */
    private static String owner(Path dir) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class);
        return attributes.owner().getName() + " " + attributes.group().getName();
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
        process.close();
    }
}
