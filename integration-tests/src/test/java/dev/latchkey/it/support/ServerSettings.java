package dev.latchkey.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the test server comes from, as the failsafe configuration in integration-tests/pom.xml passes it:
 * the unpacked Keycloak, the directory holding the freshly built latchkey jar, the realm to import, the log file.
 */
record ServerSettings(Path keycloakHome, Path providersDir, Path realmFile, Path serverLog, Duration startupTimeout) {

    /**
     * 15-40 s on an idle 2-core machine, including the rebuild a new jar causes; 140 s was seen while other builds
     * loaded the machine. Past this the server is taken as broken.
     */
    private static final long STARTUP_TIMEOUT_SECONDS = 300;

    static ServerSettings fromSystemProperties() {
        return new ServerSettings(
                existing("latchkey.it.keycloakHome"),
                existing("latchkey.it.providersDir"),
                existing("latchkey.it.realmFile"),
                Path.of(required("latchkey.it.serverLog")),
                Duration.ofSeconds(Long.getLong("latchkey.it.startupTimeoutSeconds", STARTUP_TIMEOUT_SECONDS)));
    }

    private static Path existing(String property) {
        Path path = Path.of(required(property)).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new IllegalStateException(property + " points to " + path + ", which does not exist");
        }
        return path;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: run the integration "
                    + "tests through Maven (./mvnw verify), whose failsafe configuration sets it");
        }
        return value;
    }
}
