package dev.latchkey.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.it.support.AdminClient;
import dev.latchkey.it.support.ApiKeyFixture;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What one node changes, the other node's caches follow within a second: Keycloak invalidates the realm and user
 * cache entries cluster-wide, and Latchkey reads keys, roles and settings only through those caches.
 * Each test first makes both nodes cache the user (a validation on each), so a stale cache would show.
 */
@ClusterIT
class ClusterConsistencyIT {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    private KeycloakServer node1;
    private KeycloakServer node2;
    @AutoClose
    private ClusterRealm realm;

    @BeforeEach
    void setUp(KeycloakCluster cluster) {
        node1 = cluster.node1();
        node2 = cluster.node2();
        realm = new ClusterRealm(node1, "cluster", false, "ann");
    }

    @Test
    @DisplayName("Given a key created through node 1, then node 2 accepts it")
    void createdOnOneValidOnTwo() {
        String token1 = realm.tokenOf(node1, "ann");
        String first = realm.createKey(node1, token1, "first").path("key").asText();
        assertThat(realm.isActive(node2, first)).isTrue();

        JsonNode second = realm.createKey(node1, token1, "second");
        String key = second.path("key").asText();

        Await.within(ONE_SECOND, "key created on node 1 accepted by node 2", () -> realm.isActive(node2, key));
        JsonNode answer = realm.validate(node2, key).expectStatus(200).json();
        assertThat(answer.path("key_id").asText()).isEqualTo(second.path("id").asText());
        assertThat(answer.path("username").asText()).isEqualTo("ann");
    }

    @Test
    @DisplayName("Given a key deleted through node 2, then node 1 refuses it within one second")
    void deletedOnTwoRefusedOnOne() {
        JsonNode created = keyCachedOnBothNodes("doomed");
        String key = created.path("key").asText();

        realm.me(node2, "DELETE", "/api-keys/" + created.path("id").asText(), realm.tokenOf(node2, "ann"), null)
                .expectStatus(204);

        Await.within(ONE_SECOND, "key deleted on node 2 refused by node 1", () -> !realm.isActive(node1, key));
        assertThat(realm.isActive(node2, key)).isFalse();
    }

    @Test
    @DisplayName("Given the API-access role removed through node 1, then node 2 refuses the user's keys within one second")
    void roleRemovedOnOneRefusedOnTwo() {
        String key = keyCachedOnBothNodes("role-bound").path("key").asText();

        realm.removeRole(node1, realm.userId(node1, "ann"));

        Await.within(ONE_SECOND, "role removed on node 1, key refused by node 2", () -> !realm.isActive(node2, key));
        assertThat(realm.isActive(node1, key)).isFalse();
    }

    @Test
    @DisplayName("Given a key scoped to a role and that role removed from the owner through node 1, then node 2's answer drops it within one second, the key still active")
    void scopedRoleRemovedOnOneLeavesAnswerOnTwo() {
        AdminClient admin1 = node1.admin();
        String ann = realm.userId(node1, "ann");
        admin1.createRealmRole(realm.name(), "reports", "Reads reports");
        admin1.grantRealmRoles(realm.name(), ann, List.of("reports"));
        String key = realm.me(node1, "POST", "/api-keys", realm.tokenOf(node1, "ann"), Map.of("name", "reports-only",
                        "expiresAt", ApiKeyFixture.inDays(30), "roles", List.of("reports", ApiKeyFixture.ROLE)))
                .expectStatus(201).json().path("key").asText();
        assertThat(realmRoles(node1, key)).containsExactly(ApiKeyFixture.ROLE, "reports");
        assertThat(realmRoles(node2, key)).containsExactly(ApiKeyFixture.ROLE, "reports");

        admin1.delete("/realms/" + realm.name() + "/users/" + ann + "/role-mappings/realm",
                Json.array().add(admin1.getJson("/realms/" + realm.name() + "/roles/reports"))).expectStatus(204);

        Await.within(ONE_SECOND, "scoped role removed on node 1, gone from node 2's answer",
                () -> !realmRoles(node2, key).contains("reports"));
        assertThat(realmRoles(node2, key)).containsExactly(ApiKeyFixture.ROLE);
        assertThat(realmRoles(node1, key)).containsExactly(ApiKeyFixture.ROLE);
    }

    @Test
    @DisplayName("Given API keys switched off through one node, then both refuse; on again through the other, both accept")
    void switchedOffAndOnAcrossNodes() {
        String key = keyCachedOnBothNodes("switch").path("key").asText();

        realm.settings(node2, Map.of("enabled", false));
        Await.within(ONE_SECOND, "keys off on node 2, refused by node 2", () -> !realm.isActive(node2, key));
        Await.within(ONE_SECOND, "keys off on node 2, refused by node 1", () -> !realm.isActive(node1, key));

        realm.settings(node1, Map.of("enabled", true));
        Await.within(ONE_SECOND, "keys on again on node 1, accepted by node 1", () -> realm.isActive(node1, key));
        Await.within(ONE_SECOND, "keys on again on node 1, accepted by node 2", () -> realm.isActive(node2, key));
    }

    @Test
    @DisplayName("Given 12 concurrent creates through both nodes with room for 3, then exactly 3 succeed: the limit holds cluster-wide, and the realm's first keys, minted through both nodes at once, validate on both")
    void limitHoldsAcrossNodes() throws Exception {
        realm.settings(node1, Map.of("maxKeysPerUser", 3));
        Map<KeycloakServer, String> tokens = Map.of(node1, realm.tokenOf(node1, "ann"), node2, realm.tokenOf(node2, "ann"));
        String expiresAt = ApiKeyFixture.inDays(1);
        List<Callable<HttpResult>> creates = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            KeycloakServer node = i % 2 == 0 ? node1 : node2;
            String name = "race-" + i;
            creates.add(() -> realm.me(node, "POST", "/api-keys", tokens.get(node),
                    Map.of("name", name, "expiresAt", expiresAt)));
        }
        Map<Integer, Integer> byStatus = new HashMap<>();
        List<String> minted = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            for (Future<HttpResult> result : pool.invokeAll(creates)) {
                byStatus.merge(result.get().status(), 1, Integer::sum);
                if (result.get().status() == 201) {
                    minted.add(result.get().json().path("key").asText());
                }
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(byStatus).containsOnlyKeys(201, 409);
        assertThat(byStatus.get(201)).isEqualTo(3);
        for (KeycloakServer node : List.of(node1, node2)) {
            Await.within(ONE_SECOND, node.name() + " lists the 3 keys", () -> realm.me(node, "GET", "/api-keys",
                    tokens.get(node), null).expectStatus(200).json().size() == 3);
            // one tag secret for the realm, whichever node minted its first key
            for (String key : minted) {
                Await.within(ONE_SECOND, node.name() + " accepts every minted key", () -> realm.isActive(node, key));
            }
        }
    }

    /** The realm roles of an answer that must be active. */
    private List<String> realmRoles(KeycloakServer node, String key) {
        JsonNode answer = realm.validate(node, key).expectStatus(200).json();
        assertThat(answer.path("active").asBoolean()).as("active on %s", node.name()).isTrue();
        return Json.strings(answer.path("realm_access").path("roles"));
    }

    /** A key of ann's created through node 1 and accepted by both nodes, so that both have ann cached. */
    private JsonNode keyCachedOnBothNodes(String keyName) {
        JsonNode created = realm.createKey(node1, realm.tokenOf(node1, "ann"), keyName);
        String key = created.path("key").asText();
        assertThat(realm.isActive(node1, key)).isTrue();
        assertThat(realm.isActive(node2, key)).isTrue();
        return created;
    }
}
