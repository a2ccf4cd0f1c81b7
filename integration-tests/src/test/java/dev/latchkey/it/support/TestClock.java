package dev.latchkey.it.support;

import java.time.Duration;
import java.time.Instant;

/**
 * Moves the test server's clock (Keycloak's {@code Time} offset) through the test-only provider in
 * {@code dev.latchkey.it.testclock}, and runs the key lifecycle task there on demand. The single server is shared by
 * every test of the run: close it (try-with-resources) to set the clock back. Each move makes the shared admin client
 * fetch a fresh token (master-realm tokens live 60 s, and one issued on a moved clock is not valid after it); user
 * tokens live 5 minutes, so a test that moves less than that keeps the ones it has.
 */
public final class TestClock implements AutoCloseable {

    private static final String TEST_CLOCK = "latchkey-test-clock";

    private final KeycloakServer server;
    private long offsetSeconds;

    private TestClock(KeycloakServer server) {
        this.server = server;
    }

    /** Keycloak's clock this far ahead from now on, until {@link #close()}. */
    public static TestClock ahead(KeycloakServer server, Duration by) {
        TestClock clock = new TestClock(server);
        clock.forward(by);
        return clock;
    }

    /** The server's clock, not moved yet: {@link #forward} moves it, {@link #close()} sets it back. */
    public static TestClock of(KeycloakServer server) {
        return ahead(server, Duration.ZERO);
    }

    /** Moves the clock further ahead by this much (whole seconds). */
    public void forward(Duration by) {
        offsetSeconds += by.toSeconds();
        set(offsetSeconds);
    }

    /** Moves the clock ahead to just past this instant of the server's time (a second, as answers are in seconds). */
    public void passBeyond(Instant when) {
        Duration left = Duration.between(now(), when);
        forward(left.isNegative() ? Duration.ZERO : left.plusSeconds(2));
    }

    /** The server's time now: the test's own plus the offset. */
    public Instant now() {
        return Instant.now().plusSeconds(offsetSeconds);
    }

    /** Runs the key lifecycle pass (reminders, expiry notices, cleanup) on the server now; returns when it is done. */
    public void runLifecycle() {
        runLifecycle(server);
    }

    /** The same without moving the clock. */
    public static void runLifecycle(KeycloakServer server) {
        server.http().post(server.url("/realms/master/" + TEST_CLOCK + "/lifecycle")).send().expectStatus(200);
    }

    /** Writes the key uses the server noted ("last used"), as its flush timer does; returns when they are written. */
    public static void flushLastUsed(KeycloakServer server) {
        server.http().post(server.url("/realms/master/" + TEST_CLOCK + "/last-used")).send().expectStatus(200);
    }

    private void set(long seconds) {
        server.http().put(server.url("/realms/master/" + TEST_CLOCK + "/offset/" + seconds)).send().expectStatus(200);
        server.admin().forgetToken();
    }

    @Override
    public void close() {
        set(0);
    }
}
