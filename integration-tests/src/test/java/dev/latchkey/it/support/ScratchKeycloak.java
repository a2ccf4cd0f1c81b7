package dev.latchkey.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A Keycloak of a test's own, for what the run's shared server must not do: stop, export its database, or start
 * empty. A copy of the unpacked Keycloak (its data left out) with the built jar, under {@code target/scratch/}.
 */
public final class ScratchKeycloak {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(300);

    private final Path home;
    private final Path logs;

    private ScratchKeycloak(Path home, Path logs) {
        this.home = home;
        this.logs = logs;
    }

    /** A fresh home named {@code name}; an earlier one of that name is deleted first. */
    public static ScratchKeycloak create(String name) {
        TestPaths paths = TestPaths.fromSystemProperties();
        Path scratch = paths.serverLog().resolveSibling("scratch");
        Path home = scratch.resolve(name);
        Dirs.delete(home);
        Dirs.copy(paths.keycloakHome(), home, relative -> relative.startsWith("data"));
        KeycloakHome.installProviders(paths.providersDir(), home);
        return new ScratchKeycloak(home, scratch);
    }

    /** Starts {@code kc.sh start-dev} importing the given realm files (H2 in this home's data/). */
    public KeycloakServer start(String name, Path... realmFiles) {
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            for (Path realm : realmFiles) {
                Files.copy(realm, imports.resolve(realm.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the realm import in " + home, e);
        }
        Set<Integer> taken = new HashSet<>();
        int port = Ports.free(taken);
        KeycloakServer server = new KeycloakServer(name, home, "http://localhost:" + port,
                ServerOptions.commandLine(port, Ports.free(taken)), logs.resolve(name + ".log"));
        server.start(TestPaths.startupTimeout(STARTUP_TIMEOUT));
        return server;
    }

    /** {@code kc.sh export} of one realm with its users into a file; the server of this home must be stopped. */
    public void exportRealm(String realm, Path file) {
        run("export", List.of("export", "--realm", realm, "--users", "same_file", "--file", file.toString()));
    }

    private void run(String what, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/kc.sh").toString());
        command.addAll(arguments);
        Path log = logs.resolve(home.getFileName() + "-" + what + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("KC_") || variable.startsWith("KEYCLOAK_"));
        try {
            Process process = builder.start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kc.sh " + what + " did not end within " + COMMAND_TIMEOUT + "; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kc.sh " + what + " exited with " + process.exitValue() + "; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running kc.sh " + what, e);
        }
    }
}
