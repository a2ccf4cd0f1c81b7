package dev.latchkey.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.LdapDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Profile page in a real browser: the Playwright specs of {@code themes/e2e} (Debian's Chromium, no mocks)
 * against this run's Keycloak, with an LDAP directory in this JVM for the externally-managed-password case.
 * Screenshots and {@code results.json} go to {@code integration-tests/target/browser}.
 */
@LatchkeyIT
class ProfilePageBrowserIT {

    static final String LDAP_USER = "lara";
    static final String LDAP_PASSWORD = "Lara-Ldap-Pass-1";

    private static final Path THEMES = Path.of(System.getProperty("latchkey.it.themesDir", "../themes"));
    private static final Path OUTPUT = Path.of(System.getProperty("latchkey.it.browserOut", "target/browser"));
    private static final Duration TIMEOUT =
            Duration.ofMinutes(Long.getLong("latchkey.it.browserTimeoutMinutes", 30));

    /**
     * {@code -Dlatchkey.it.browserSpecs="phone session"}: only the spec files whose names contain one of these words
     * (Playwright's file filter), for working on a few specs without running them all; empty: every spec.
     */
    private static final List<String> SPECS =
            Arrays.stream(System.getProperty("latchkey.it.browserSpecs", "").trim().split("\\s+"))
                    .filter(spec -> !spec.isEmpty())
                    .toList();

    private static LdapDirectory ldap;

    @BeforeAll
    static void startLdap() {
        ldap = LdapDirectory.start();
        ldap.addUser(LDAP_USER, LDAP_PASSWORD, "Lara", "Directory", "lara@corp.example");
    }

    @AfterAll
    static void stopLdap() {
        ldap.close();
    }

    @Test
    @DisplayName("Given the Playwright specs of themes/e2e, when run in Chromium against the server, then all pass")
    void playwrightSpecs(KeycloakServer server) throws Exception {
        Path cli = THEMES.resolve("node_modules/@playwright/test/cli.js").toAbsolutePath().normalize();
        assertThat(cli)
                .withFailMessage("%s is missing: install the theme's npm packages first (./mvnw -pl themes package, or"
                        + " cd themes && npm ci); the browser tests run on its @playwright/test", cli)
                .exists();
        Files.createDirectories(OUTPUT);
        Path log = OUTPUT.resolve("playwright-output.txt");

        List<String> command = new ArrayList<>(List.of(System.getProperty("latchkey.it.node", "node"), cli.toString(),
                "test"));
        command.addAll(SPECS);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(THEMES.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("KEYCLOAK_URL", server.baseUrl());
        env.put("KEYCLOAK_ADMIN", KeycloakServer.ADMIN_USERNAME);
        env.put("KEYCLOAK_ADMIN_PASSWORD", KeycloakServer.ADMIN_PASSWORD);
        env.put("LATCHKEY_LDAP_COMPONENT", Json.write(ldap.keycloakComponent("set-by-the-spec", "LDAP", "READ_ONLY")));
        env.put("LATCHKEY_LDAP_USER", LDAP_USER);
        env.put("LATCHKEY_LDAP_PASSWORD", LDAP_PASSWORD);
        env.put("LATCHKEY_BROWSER_OUT", OUTPUT.toAbsolutePath().toString());
        env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        env.put("FORCE_COLOR", "0");

        Process process = builder.start();
        boolean finished = process.waitFor(TIMEOUT.toMinutes(), TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        String output = read(log);
        System.out.println(output);
        assertThat(finished).withFailMessage("Playwright did not finish within %s:%n%s", TIMEOUT, output).isTrue();
        assertThat(process.exitValue())
                .withFailMessage("Playwright failed (screenshots and traces under %s):%n%s", OUTPUT, output)
                .isZero();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
