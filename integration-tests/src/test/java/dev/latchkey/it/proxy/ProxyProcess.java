package dev.latchkey.it.proxy;

import dev.latchkey.it.support.Dirs;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.Ports;
import dev.latchkey.it.support.TestPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A reverse proxy the tests run as it is installed (Debian's nginx or Caddy): a free port, a working directory of its
 * own for its configuration, data and output ({@code console.log}), a wait until it listens; when closed, SIGTERM (both
 * stop gracefully on it) and the directory deleted.
 */
final class ProxyProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final String name;
    private final Path dir;
    private final int port;
    private Process process;

    /**
     * The directory is next to the test server's log, for its owner only, as many home folders are: the
     * configurations must work wherever the checkout lives.
     */
    ProxyProcess(String name) {
        this.name = name;
        try {
            this.dir = Files.createTempDirectory(TestPaths.fromSystemProperties().serverLog().getParent(),
                    name.toLowerCase(Locale.ROOT) + "-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.port = Ports.free(new HashSet<>());
    }

    int port() {
        return port;
    }

    Path dir() {
        return dir;
    }

    /** e.g. {@code http://127.0.0.1:41234}. */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Starts the command with its output in {@code console.log} and waits until the port accepts connections.
     *
     * @param environment changes to the command's environment
     */
    void start(Consumer<Map<String, String>> environment, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.log").toFile());
        environment.accept(builder.environment());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + " in " + dir, e);
        }
        awaitListening();
    }

    /** A file of the working directory, empty when there is none (yet). */
    String read(String file) {
        try {
            Path path = dir.resolve(file);
            return Files.exists(path) ? Files.readString(path) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + output());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                KeycloakServer.sleep(Duration.ofMillis(100));
            }
        }
        close();
        throw new IllegalStateException(name + " did not listen on " + port + " within " + START_TIMEOUT + ":\n"
                + output());
    }

    /** Its console and, for nginx, its error log (where it writes before it has a console of its own). */
    private String output() {
        return read("console.log") + read("error.log");
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Dirs.delete(dir);
    }
}
