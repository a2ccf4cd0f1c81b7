package dev.latchkey.it.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.it.support.AdminClient;
import dev.latchkey.it.support.ApiKeyFixture;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.TestClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A realm whose keys are in use can be deleted while the node writes their "last used" times. Keycloak's realm delete
 * locks the realm, removes the realm's keys, then its users; the flush holds the realm before it locks users
 * (README, Operating). Before that order, a flush that held a user and waited for a key the delete had removed
 * deadlocked with it: the database ended one of the two, the delete (a 500) or the flush (its uses lost, logged).
 */
@LatchkeyIT
class RealmDeleteIT {

    private static final int USERS = 60;
    private static final int ROUNDS = 8;

    @Test
    @DisplayName("Given realms whose keys were just used, when each is deleted while the node writes those uses, then every delete succeeds")
    void deleteWhileLastUsedIsWritten(KeycloakServer server) throws Exception {
        AdminClient admin = server.admin();
        int logBefore = server.logLength();
        for (int round = 0; round < ROUNDS; round++) {
            String name = "deleted-" + UUID.randomUUID().toString().substring(0, 8);
            byte[] macSecret = KeyTextForger.random(32);
            ObjectNode rep = ExportedRealm.realm(name);
            ExportedRealm.addTagSecret(rep, macSecret);
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                UUID userId = UUID.randomUUID();
                UUID keyId = UUID.randomUUID();
                byte[] secret = KeyTextForger.random(32);
                String key = KeyTextForger.tagged(keyId, userId, secret, macSecret);
                ExportedRealm.addHolder(rep, "holder-" + i, userId, keyId, key, secret);
                keys.add(key);
            }
            admin.post("/realms", rep).expectStatus(201);

            // The keys in use, and their uses written, while the realm is deleted: one client validating them in turn,
            // one writing the noted uses as fast as the node does them (next to the node's own timer).
            AtomicBoolean running = new AtomicBoolean(true);
            CountDownLatch everyKeyUsedTwice = new CountDownLatch(2 * USERS);
            CompletableFuture<Void> client = CompletableFuture.runAsync(() -> {
                for (int i = 0; running.get(); i++) {
                    ApiKeyFixture.introspect(server, name, keys.get(i % USERS)); // a 404 once the realm is gone
                    everyKeyUsedTwice.countDown();
                }
            });
            CompletableFuture<Void> flushes = CompletableFuture.runAsync(() -> {
                while (running.get()) {
                    TestClock.flushLastUsed(server);
                }
            });
            try {
                everyKeyUsedTwice.await();
                assertThat(admin.delete("/realms/" + name).status()).as("round %d: the realm's delete", round)
                        .isEqualTo(204);
            } finally {
                running.set(false);
                client.get();
                flushes.get();
            }
            assertThat(admin.get("/realms/" + name).status()).isEqualTo(404);
        }
        // The database picks either side of a deadlock: a flush it picked drops its uses with no more than a warning.
        // Nor may the flush fail otherwise (it once logged a Hibernate assertion when the realm vanished under it).
        assertThat(server.logSince(logBefore).lines().filter(line -> line.toLowerCase(Locale.ROOT).contains("deadlock")
                || line.contains("HHH000099") || line.contains("Could not record the last use")))
                .as("what the server logged of deadlocks and failed flushes").isEmpty();
    }
}
