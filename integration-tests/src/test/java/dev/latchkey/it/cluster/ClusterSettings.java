package dev.latchkey.it.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the cluster comes from, as integration-tests/pom.xml passes it to failsafe: the Keycloak distribution the
 * build unpacked, the directory with the freshly built latchkey jar, the demo realm, a work directory, docker/.
 */
record ClusterSettings(Path keycloakDist, Path providersDir, Path realmFile, Path workDir, Path dockerDir,
                       Duration startupTimeout) {

    static ClusterSettings fromSystemProperties() {
        return new ClusterSettings(
                existing("latchkey.it.keycloakHome"),
                existing("latchkey.it.providersDir"),
                existing("latchkey.it.realmFile"),
                Path.of(required("latchkey.it.clusterDir")).toAbsolutePath().normalize(),
                existing("latchkey.it.dockerDir"),
                Duration.ofSeconds(Long.getLong("latchkey.it.startupTimeoutSeconds", 600)));
    }

    /** docker/ alone, for the tests that only read its files. */
    static Path dockerDirectory() {
        return existing("latchkey.it.dockerDir");
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
