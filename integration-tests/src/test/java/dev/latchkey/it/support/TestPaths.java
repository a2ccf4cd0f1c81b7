package dev.latchkey.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the test servers come from and write to, as the failsafe configuration in integration-tests/pom.xml passes
 * it: the unpacked Keycloak, the directory holding the freshly built latchkey jar, the realm to import, the single
 * server's log, the cluster's work directory and docker/.
 */
public record TestPaths(Path keycloakHome, Path providersDir, Path realmFile, Path serverLog, Path clusterDir,
                        Path dockerDir) {

    public static TestPaths fromSystemProperties() {
        return new TestPaths(
                existing("latchkey.it.keycloakHome"),
                existing("latchkey.it.providersDir"),
                existing("latchkey.it.realmFile"),
                absolute("latchkey.it.serverLog"),
                absolute("latchkey.it.clusterDir"),
                existing("latchkey.it.dockerDir"));
    }

    /** {@code -Dlatchkey.it.startupTimeoutSeconds} when set: past it a starting server is taken as broken. */
    public static Duration startupTimeout(Duration fallback) {
        return Duration.ofSeconds(Long.getLong("latchkey.it.startupTimeoutSeconds", fallback.toSeconds()));
    }

    private static Path existing(String property) {
        Path path = absolute(property);
        if (!Files.exists(path)) {
            throw new IllegalStateException(property + " points to " + path + ", which does not exist");
        }
        return path;
    }

    private static Path absolute(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: run the integration "
                    + "tests through Maven (./mvnw verify), whose failsafe configuration sets it");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }
}
