package dev.latchkey.it.cluster;

import dev.latchkey.it.support.KeycloakServer;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition as fast as the nodes answer, for the "within one second" claims. */
final class Await {

    private Await() {
    }

    /**
     * Checks the condition until it holds; fails when it did not hold within {@code limit}.
     *
     * @return how long it took until it held
     */
    static Duration within(Duration limit, String what, BooleanSupplier condition) {
        long start = System.nanoTime();
        while (true) {
            if (condition.getAsBoolean()) {
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                System.out.printf("%s: after %d ms%n", what, took.toMillis());
                return took;
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (elapsed.compareTo(limit) > 0) {
                throw new AssertionError(what + ": not within " + limit.toMillis() + " ms");
            }
            KeycloakServer.sleep(Duration.ofMillis(20));
        }
    }
}
