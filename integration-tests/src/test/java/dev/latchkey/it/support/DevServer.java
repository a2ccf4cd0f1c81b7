package dev.latchkey.it.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The single test server: {@code kc.sh start-dev} (H2) in the unpacked Keycloak, with the latchkey jar installed,
 * the data of earlier runs wiped and the demo realm imported ({@link ServerOptions}). Started once per test run by
 * {@link KeycloakServerExtension}.
 */
final class DevServer {

    /**
     * 15-40 s on an idle 2-core machine, including the rebuild a new jar causes; over 300 s was seen while several
     * other builds and servers loaded the machine (load average 30). Past this the server is taken as broken.
     */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(900);

    private DevServer() {
    }

    static KeycloakServer start(TestPaths paths) {
        Path home = paths.keycloakHome();
        KeycloakHome.resetData(home, paths.realmFile());
        KeycloakHome.installProviders(paths.providersDir(), home);
        Set<Integer> taken = new HashSet<>();
        int port = Ports.free(taken);
        KeycloakServer server = new KeycloakServer("Keycloak", home, "http://localhost:" + port,
                ServerOptions.commandLine(port, Ports.free(taken)), paths.serverLog());
        server.start(TestPaths.startupTimeout(STARTUP_TIMEOUT));
        return server;
    }
}
