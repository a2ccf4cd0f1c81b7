package dev.latchkey.apikey.validation;

import dev.latchkey.apikey.credential.ApiKeyCredentialModel;
import dev.latchkey.apikey.credential.UserKeys;
import dev.latchkey.common.RealmLock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Records "last used" without writing on the request path.
 *
 * <p>Writing the credential invalidates the cached user (cluster-wide), so a write per validation would turn every
 * validation into database reads. Instead a validation only notes the use in memory, and only when the stored time is
 * older than the granularity; a timer task ({@link #flush}) writes the noted times. So each key is written at most
 * once per granularity per node, and "last used" is accurate to the granularity plus the flush interval.
 */
public final class LastUsedRecorder {

    private static final Logger LOG = Logger.getLogger(LastUsedRecorder.class);

    private record Use(String realmId, String userId, long at) {
    }

    private static final int BATCH_SIZE = 200;

    private final Map<String, Use> pending = new ConcurrentHashMap<>();
    private final long granularityMillis;

    public LastUsedRecorder(long granularityMillis) {
        this.granularityMillis = granularityMillis;
    }

    void noteUse(String realmId, String userId, ApiKeyCredentialModel credential) {
        long now = Time.currentTimeMillis();
        if (!isDue(credential.data().lastUsedAt(), now, granularityMillis)) {
            return;
        }
        // Keep the first noted use. Until the flush has written it and the user is reloaded into the cache, every
        // validation of this key still sees the old time; replacing the entry would make the flush miss it when
        // removing what it wrote, and write (and evict the user) again.
        pending.putIfAbsent(credential.getId(), new Use(realmId, userId, now));
    }

    /** Whether a use at {@code at} is worth writing over the recorded time: at most one write per granularity. */
    static boolean isDue(Long recorded, long at, long granularityMillis) {
        return recorded == null || at - recorded >= granularityMillis;
    }

    int pendingCount() {
        return pending.size();
    }

    /**
     * Writes the noted uses, in transactions of at most {@value #BATCH_SIZE} keys. One flush at a time (the timer's,
     * the one at shutdown, a test server's on demand): a flush that returns has written what was noted before it.
     */
    public synchronized void flush(KeycloakSessionFactory sessionFactory) {
        List<Map.Entry<String, Use>> all = new ArrayList<>(pending.entrySet());
        for (int from = 0; from < all.size(); from += BATCH_SIZE) {
            List<Map.Entry<String, Use>> batch = all.subList(from, Math.min(all.size(), from + BATCH_SIZE));
            batch.forEach(entry -> pending.remove(entry.getKey(), entry.getValue()));
            try {
                // The realms, then the users, in one order on every node: two nodes' flushes cannot deadlock on each
                // other, nor a flush with a realm's delete (see UserKeys, lock order).
                KeycloakModelUtils.runJobInTransaction(sessionFactory, session -> {
                    Set<String> held = batch.stream().map(entry -> entry.getValue().realmId())
                            .collect(Collectors.toCollection(TreeSet::new));
                    held.removeIf(realmId -> !RealmLock.shared(session, realmId));
                    batch.stream()
                            .filter(entry -> held.contains(entry.getValue().realmId()))
                            .sorted(Comparator.comparing((Map.Entry<String, Use> entry) -> entry.getValue().realmId())
                                    .thenComparing(entry -> entry.getValue().userId()))
                            .forEach(entry -> write(session, entry.getKey(), entry.getValue()));
                });
            } catch (RuntimeException e) {
                // Losing one coarse "last used" update is harmless; it is noted again on the next use.
                LOG.warnf("Could not record the last use of %d API keys: %s", batch.size(), e.getMessage());
            }
        }
    }

    private void write(KeycloakSession session, String credentialId, Use use) {
        RealmModel realm = session.realms().getRealm(use.realmId());
        if (realm == null) {
            return;
        }
        session.getContext().setRealm(realm); // credential updates resolve the realm from the context
        UserModel user = session.users().getUserById(realm, use.userId());
        if (user == null) {
            return;
        }
        // Under the user's lock and from the database: a rotation may have just shortened this key's expiration,
        // and writing back data read before it would undo that.
        UserKeys keys = new UserKeys(session, user);
        ApiKeyCredentialModel key = keys.lockAndFind(credentialId).orElse(null);
        if (key == null) {
            return; // deleted meanwhile
        }
        if (!isDue(key.data().lastUsedAt(), use.at(), granularityMillis)) {
            return; // written meanwhile, by an earlier flush or another node
        }
        keys.update(key.withLastUsedAt(use.at()));
    }
}
