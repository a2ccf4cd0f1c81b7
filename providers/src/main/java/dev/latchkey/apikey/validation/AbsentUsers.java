package dev.latchkey.apikey.validation;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-node memory of user ids that named no user when a key was validated.
 *
 * <p>Keycloak's user cache remembers users, not their absence, so every validation of a key whose owner was deleted
 * would read the database. A service that still holds such a key typically presents it on every request; with this
 * memory that costs one read per {@link #TTL} per node. Only user ids go in, never key text.
 *
 * <p>Why a short time-to-live is safe: user ids are random UUIDs chosen by the server, so an id that named no user
 * cannot name a new user a moment later, except when a user is imported again with its old id (partial or full realm
 * import). Such a user's keys are then refused for at most {@link #TTL} on each node that remembered the id.
 * Bounded: when {@link #MAX_ENTRIES} ids are remembered, expired ones are dropped, and if that is not enough the memory
 * starts over, so random ids cannot grow it.
 */
public final class AbsentUsers {

    public static final Duration TTL = Duration.ofSeconds(30);
    static final int MAX_ENTRIES = 50_000; // about 10 MB at most

    private record Key(String realmId, String userId) {
    }

    private final Map<Key, Long> absentUntil = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    public AbsentUsers(LongSupplier clockMillis) {
        this.clock = clockMillis;
    }

    boolean isAbsent(String realmId, String userId) {
        Key key = new Key(realmId, userId);
        Long until = absentUntil.get(key);
        if (until == null) {
            return false;
        }
        if (clock.getAsLong() < until) {
            return true;
        }
        absentUntil.remove(key, until);
        return false;
    }

    void remember(String realmId, String userId) {
        if (absentUntil.size() >= MAX_ENTRIES) {
            long now = clock.getAsLong();
            absentUntil.values().removeIf(until -> until <= now);
            if (absentUntil.size() >= MAX_ENTRIES) {
                absentUntil.clear();
            }
        }
        absentUntil.put(new Key(realmId, userId), clock.getAsLong() + TTL.toMillis());
    }

    int size() {
        return absentUntil.size();
    }
}
