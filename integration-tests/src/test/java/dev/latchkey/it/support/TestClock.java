package dev.latchkey.it.support;

import java.time.Duration;

/**
 * Moves the test server's clock (Keycloak's {@code Time} offset) through the test-only provider in
 * {@code dev.latchkey.it.testclock}. The single server is shared by every test of the run: close it (try-with-resources)
 * to set the clock back, and the admin client then fetches a fresh token (its old one may have been ended meanwhile).
 */
public final class TestClock implements AutoCloseable {

    private final KeycloakServer server;

    private TestClock(KeycloakServer server) {
        this.server = server;
    }

    /** Keycloak's clock this far ahead from now on, until {@link #close()}. */
    public static TestClock ahead(KeycloakServer server, Duration by) {
        TestClock clock = new TestClock(server);
        clock.set(by.toSeconds());
        return clock;
    }

    private void set(long seconds) {
        server.http().put(server.url("/realms/master/latchkey-test-clock/offset/" + seconds)).send().expectStatus(200);
    }

    @Override
    public void close() {
        set(0);
        server.admin().forgetToken();
    }
}
