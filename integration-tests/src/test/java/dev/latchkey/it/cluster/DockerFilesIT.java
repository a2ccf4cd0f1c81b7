package dev.latchkey.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.it.support.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docker/ is held to the cluster tests: the image is built with the options the tests build with, and compose starts
 * every node with the options the tests start them with. Reads files only; needs no server. The images, network and
 * health checks themselves are run by docker/try-local.sh (podman; not part of the suite).
 */
class DockerFilesIT {

    private final TestPaths paths = TestPaths.fromSystemProperties();
    private final Path docker = paths.dockerDir();

    @Test
    @DisplayName("Given the Dockerfile, then it builds on the project's Keycloak version with the tested build options and jar")
    void dockerfileMatchesTheTestedBuild() throws IOException {
        String dockerfile = Files.readString(docker.resolve("Dockerfile"));

        // the project's default server version (pom.xml), also when this run tests another one (-Dkeycloak.server.version)
        assertThat(dockerfile).contains("quay.io/keycloak/keycloak:" + defaultServerVersion() + "\n");
        assertThat(dockerfile).contains("RUN /opt/keycloak/bin/kc.sh " + String.join(" ", ClusterOptions.BUILD) + "\n");
        assertThat(dockerfile).contains("COPY --chown=keycloak:keycloak providers/target/" + latchkeyJar() + " ");
        assertThat(Files.readString(docker.resolve("Dockerfile.dockerignore"))).contains("!providers/target/" + latchkeyJar());
    }

    @Test
    @DisplayName("Given compose.yaml, then PostgreSQL and two nodes start with the tested options and default discovery")
    void composeMatchesTheTestedCluster() throws IOException {
        String compose = Files.readString(docker.resolve("compose.yaml"));
        String command = ClusterOptions.START.stream().map(option -> "\"" + option + "\"")
                .collect(Collectors.joining(", ", "command: [", "]"));

        assertThat(compose).contains(command);
        assertThat(occurrences(compose, "<<: *keycloak")).as("Keycloak services").isEqualTo(2);
        assertThat(compose).contains("KC_DB_URL: jdbc:postgresql://postgres:5432/" + ClusterOptions.DB_NAME);
        assertThat(compose).contains("KC_DB_USERNAME: " + ClusterOptions.DB_USERNAME);
        assertThat(compose).contains("image: postgres:17");
        // discovery stays Keycloak's default (jdbc-ping), as in the tests
        assertThat(compose).doesNotContainIgnoringCase("cache-stack").doesNotContain("KC_CACHE_STACK");
        // readiness is the status line: while Keycloak initializes, the 503 body still lists checks that are "UP"
        // (the check once looked for "UP" in the body and passed at once; docker/try-local.sh runs it for real)
        assertThat(compose).contains("/health/ready").contains("head -n 1 <&3 | grep -q \" 200 \"")
                .doesNotContain("\"UP\"");
    }

    private String defaultServerVersion() throws IOException {
        Matcher version = Pattern.compile("<keycloak\\.server\\.version>([^<]+)</keycloak\\.server\\.version>")
                .matcher(Files.readString(docker.getParent().resolve("pom.xml")));
        assertThat(version.find()).as("keycloak.server.version in the root pom.xml").isTrue();
        return version.group(1).trim();
    }

    private String latchkeyJar() throws IOException {
        try (Stream<Path> files = Files.list(paths.providersDir())) {
            // the shipped jar is latchkey-<version>.jar; the test servers also get test-only jars (clock, email themes)
            List<String> jars = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("latchkey-[0-9][^/]*\\.jar")).toList();
            assertThat(jars).hasSize(1);
            return jars.get(0);
        }
    }

    private static int occurrences(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
