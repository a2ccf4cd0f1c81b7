package dev.latchkey.apikey.leak;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * How many leak reports one client address may send to one realm per hour, counted by this node alone (a fixed
 * window per address): with N nodes behind a balancer an address gets up to N times the limit. The endpoint needs no
 * authentication, so this keeps one address from making a realm validate keys without end; it is not a security
 * boundary (a key is 256 random bits, guessing is hopeless either way).
 */
public final class ReportRateLimit {

    private static final long WINDOW_MILLIS = Duration.ofHours(1).toMillis();
    /** Above this many addresses, windows that ended are dropped, so many addresses cannot grow the map for ever. */
    private static final int PURGE_ABOVE = 10_000;

    private record Window(long start, int count) {
    }

    private final int perHour;
    private final LongSupplier clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public ReportRateLimit(int perHour, LongSupplier clock) {
        this.perHour = perHour;
        this.clock = clock;
    }

    /**
     * Counts one report of the address to the realm.
     *
     * @return 0 when it may be served; else the seconds until the address may report again
     */
    public long admit(String realmId, String address) {
        long now = clock.getAsLong();
        if (windows.size() > PURGE_ABOVE) {
            windows.values().removeIf(window -> now >= window.start() + WINDOW_MILLIS);
        }
        Window window = windows.compute(realmId + " " + address, (key, current) ->
                current == null || now >= current.start() + WINDOW_MILLIS
                        ? new Window(now, 1)
                        : new Window(current.start(), current.count() + 1));
        if (window.count() <= perHour) {
            return 0;
        }
        return Math.max(1, (window.start() + WINDOW_MILLIS - now + 999) / 1000);
    }

    public int perHour() {
        return perHour;
    }
}
