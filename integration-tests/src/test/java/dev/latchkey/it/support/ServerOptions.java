package dev.latchkey.it.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code kc.sh start-dev} options of the test server, in one place.
 *
 * <p>Add the Latchkey SPI settings that tests rely on to {@link #EXTRA}, e.g.
 * {@code "--spi-realm-restapi-extension--latchkey--last-used-flush-seconds=1"} so a test can see "last used" change quickly.
 * The HTTP port is chosen at start and added by {@link KeycloakServer}.
 *
 * <p>{@code -Dlatchkey.it.extraServerOptions="--features=a,b --spi-x--y--z=v"} adds options to the single test server
 * for one run, e.g. to try the defaults of a newer Keycloak that this one has as options (docs/KEYCLOAK-26.8.md).
 * Features given there join {@code declarative-ui}: kc.sh takes {@code --features} once.
 */
public final class ServerOptions {

    private static final String FEATURES = "--features=";

    /** What every run needs: the admin-console tab SPI and the demo realm. */
    static final List<String> BASE = List.of(
            "start-dev",
            FEATURES + "declarative-ui",
            "--import-realm");

    /** The system property with options for one run, separated by white space. */
    static final String EXTRA_PROPERTY = "latchkey.it.extraServerOptions";

    /** How often the key lifecycle task (reminders, expiry notices, cleanup) runs on the test servers. */
    public static final int LIFECYCLE_INTERVAL_SECONDS = 2;

    /** Provider settings for the tests: "last used" written within a second or two, so tests can see it. */
    static final List<String> EXTRA = List.of(
            "--spi-realm-restapi-extension--latchkey--last-used-granularity-seconds=1",
            "--spi-realm-restapi-extension--latchkey--last-used-flush-seconds=1",
            "--spi-realm-restapi-extension--latchkey--lifecycle-interval-seconds=" + LIFECYCLE_INTERVAL_SECONDS,
            "--spi-realm-restapi-extension--latchkey--github-public-keys=" + githubPublicKeysFile().toUri());

    /**
     * Where the test servers read GitHub's secret-scanning public keys from (GitHub's JSON format): a file of this
     * test JVM, which a test writes with a key pair it generates. Read by the server whenever a key id is unknown.
     */
    public static Path githubPublicKeysFile() {
        return Path.of(System.getProperty("java.io.tmpdir"),
                "latchkey-github-public-keys-" + ProcessHandle.current().pid() + ".json");
    }

    private ServerOptions() {
    }

    /** Keycloak's metrics, Latchkey's among them, on the management port (their own port: several servers may run). */
    static final List<String> METRICS = List.of("--metrics-enabled=true");

    static List<String> commandLine(int httpPort, int managementPort) {
        List<String> options = Stream.of(BASE, List.of("--http-port=" + httpPort, "--http-management-port=" + managementPort),
                        METRICS, EXTRA)
                .flatMap(List::stream)
                .toList();
        return withExtra(options, System.getProperty(EXTRA_PROPERTY, ""));
    }

    /** {@code options} followed by {@code extra} (white-space separated); features in both are merged into one option. */
    static List<String> withExtra(List<String> options, String extra) {
        List<String> result = new ArrayList<>(options);
        for (String option : Arrays.stream(extra.trim().split("\\s+")).filter(o -> !o.isEmpty()).toList()) {
            int features = indexOfFeatures(result);
            if (option.startsWith(FEATURES) && features >= 0) {
                result.set(features, result.get(features) + "," + option.substring(FEATURES.length()));
            } else {
                result.add(option);
            }
        }
        return List.copyOf(result);
    }

    private static int indexOfFeatures(List<String> options) {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).startsWith(FEATURES)) {
                return i;
            }
        }
        return -1;
    }
}
