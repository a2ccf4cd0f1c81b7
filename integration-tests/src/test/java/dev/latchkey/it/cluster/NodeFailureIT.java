package dev.latchkey.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.KeycloakServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A node dies without warning (SIGKILL: no shutdown hook, no leave message to the cluster) while services keep
 * validating against the other node; then it comes back. Nothing a node holds only in memory may matter.
 */
@ClusterIT
class NodeFailureIT {

    /** How long the client keeps validating against node 2 after node 1 died: past failure detection and the new view. */
    private static final Duration AFTER_KILL = Duration.ofSeconds(15);

    private KeycloakCluster cluster;
    private KeycloakServer node1;
    private KeycloakServer node2;
    @AutoClose
    private ClusterRealm realm;

    @BeforeEach
    void setUp(KeycloakCluster cluster) {
        this.cluster = cluster;
        node1 = cluster.node1();
        node2 = cluster.node2();
        realm = new ClusterRealm(node1, "failover", false, "ann", "ben");
    }

    @AfterEach
    void tearDown() {
        if (!cluster.node1().isRunning()) {
            cluster.restart(cluster.node1());
        }
    }

    @Test
    @DisplayName("Given node 1 killed with SIGKILL while a client validates against node 2, then node 2 answers every "
            + "request correctly, and node 1 restarted accepts every key")
    void killAndRestart() throws InterruptedException {
        String annToken = realm.tokenOf(node1, "ann");
        String benToken = realm.tokenOf(node2, "ben");
        Map<String, Boolean> expected = new ConcurrentHashMap<>();
        expected.put(realm.createKey(node1, annToken, "ann-1").path("key").asText(), true);
        expected.put(realm.createKey(node1, annToken, "ann-2").path("key").asText(), true);
        expected.put(realm.createKey(node2, benToken, "ben-1").path("key").asText(), true);
        JsonNode revoked = realm.createKey(node1, annToken, "revoked");
        realm.me(node1, "DELETE", "/api-keys/" + revoked.path("id").asText(), annToken, null).expectStatus(204);
        expected.put(revoked.path("key").asText(), false);
        expected.put("lk_not-a-key", false);
        expected.forEach((key, active) -> {
            assertThat(realm.isActive(node1, key)).isEqualTo(active);
            assertThat(realm.isActive(node2, key)).isEqualTo(active);
        });

        Validator validator = new Validator(node2, expected);
        Thread client = new Thread(validator, "validating-client");
        client.start();
        KeycloakServer.sleep(Duration.ofSeconds(2));

        List<Long> pids = cluster.node1().javaPids();
        assertThat(pids).as("node 1's JVM").isNotEmpty();
        cluster.node1().kill();
        long killedAt = System.nanoTime();
        assertThat(pids).allMatch(pid -> ProcessHandle.of(pid).map(handle -> !handle.isAlive()).orElse(true));
        long beforeKill = validator.count.get();

        // node 2 also takes writes meanwhile: a new key, valid at once on node 2
        KeycloakServer.sleep(Duration.ofSeconds(3));
        String afterKill = realm.createKey(node2, benToken, "after-kill").path("key").asText();
        assertThat(realm.isActive(node2, afterKill)).isTrue();
        expected.put(afterKill, true);

        while (System.nanoTime() - killedAt < AFTER_KILL.toNanos()) {
            KeycloakServer.sleep(Duration.ofMillis(200));
        }
        validator.stop.set(true);
        client.join();

        System.out.printf("Validations against node 2: %d before the kill, %d after; slowest %d ms%n",
                beforeKill, validator.count.get() - beforeKill, validator.slowestMillis.get());
        assertThat(validator.wrong).as("wrong or failed answers from node 2").isEmpty();
        assertThat(validator.count.get() - beforeKill).as("validations after the kill").isGreaterThan(50);

        cluster.restart(cluster.node1());

        Map<String, Boolean> onNode1 = new LinkedHashMap<>();
        Map<String, Boolean> onNode2 = new LinkedHashMap<>();
        expected.forEach((key, active) -> {
            onNode1.put(key, realm.isActive(node1, key));
            onNode2.put(key, realm.isActive(node2, key));
        });
        assertThat(onNode1).as("node 1 after its restart").isEqualTo(expected);
        assertThat(onNode2).as("node 2 after node 1's restart").isEqualTo(expected);
        String afterRestart = realm.createKey(node1, realm.tokenOf(node1, "ann"), "after-restart").path("key").asText();
        Await.within(Duration.ofSeconds(1), "key created on restarted node 1 accepted by node 2",
                () -> realm.isActive(node2, afterRestart));
    }

    /** Validates every key in turn against one node, noting each answer that is not the expected one. */
    private final class Validator implements Runnable {
        private final KeycloakServer node;
        private final Map<String, Boolean> expected;
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong count = new AtomicLong();
        final AtomicLong slowestMillis = new AtomicLong();
        final List<String> wrong = new CopyOnWriteArrayList<>();

        Validator(KeycloakServer node, Map<String, Boolean> expected) {
            this.node = node;
            this.expected = expected;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                for (Map.Entry<String, Boolean> entry : new ArrayList<>(expected.entrySet())) {
                    long start = System.nanoTime();
                    try {
                        HttpResult result = realm.validate(node, entry.getKey());
                        if (result.status() != 200 || result.json().path("active").asBoolean() != entry.getValue()) {
                            wrong.add(result.toString());
                        }
                    } catch (RuntimeException e) {
                        wrong.add(e.toString());
                    }
                    slowestMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                    count.incrementAndGet();
                }
            }
        }
    }
}
