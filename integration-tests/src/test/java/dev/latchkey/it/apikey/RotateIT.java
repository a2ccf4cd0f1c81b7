package dev.latchkey.it.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.it.support.AdminClient;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.NewUser;
import dev.latchkey.it.support.TestClock;
import dev.latchkey.it.support.TestUser;
import dev.latchkey.it.support.TokenClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code POST /me/api-keys/{id}/rotate}: a fresh secret for the same key, the old one kept for a grace period. */
@LatchkeyIT
class RotateIT {

    @AutoClose
    private ApiKeyRealm realm;
    private TestUser owner;
    private String token;

    @BeforeEach
    void setUp(KeycloakServer server) {
        realm = new ApiKeyRealm(server);
        owner = realm.userWithRole();
        token = realm.tokenOf(owner);
    }

    @Test
    @DisplayName("Given a rotation without grace, then the new key has the old one's name, description, scope and expiration, a new id and secret, and the old key is refused at once")
    void graceZero() {
        JsonNode old = realm.create(token, Map.of("name", "ci", "description", "deploys", "expiresAt",
                ApiKeyRealm.inDays(30), "roles", List.of(ApiKeyRealm.ROLE))).expectStatus(201).json();

        JsonNode rotated = realm.rotate(token, old.path("id").asText(), Map.of()).expectStatus(201).json();

        assertThat(rotated.path("id").asText()).isNotEqualTo(old.path("id").asText());
        assertThat(rotated.path("key").asText()).startsWith("lk_").isNotEqualTo(old.path("key").asText());
        assertThat(rotated.path("name").asText()).isEqualTo("ci");
        assertThat(rotated.path("description").asText()).isEqualTo("deploys");
        assertThat(rotated.path("roles")).isEqualTo(old.path("roles"));
        assertThat(rotated.path("expiresAt").asText()).isEqualTo(old.path("expiresAt").asText());
        assertThat(rotated.path("replaces").asText()).isEqualTo(old.path("id").asText());
        assertThat(realm.isActive(old.path("key").asText())).isFalse();
        assertThat(realm.isActive(rotated.path("key").asText())).isTrue();

        JsonNode listedOld = byId(realm.list(token).expectStatus(200).json(), old.path("id").asText());
        assertThat(listedOld.path("replacedBy").asText()).isEqualTo(rotated.path("id").asText());
        assertThat(listedOld.path("status").asText()).isEqualTo("expired");
    }

    @Test
    @DisplayName("Given a grace period, then the old key works until its end and is refused after it; its expiresAt is that end")
    void graceBoundary(KeycloakServer server) {
        JsonNode old = realm.createKey(token, "ci");
        String oldKey = old.path("key").asText();
        try (TestClock clock = TestClock.of(server)) {
            Instant before = clock.now().truncatedTo(ChronoUnit.SECONDS);

            JsonNode rotated = realm.rotate(token, old.path("id").asText(), Map.of("graceSeconds", 60)).expectStatus(201).json();

            assertThat(realm.isActive(oldKey)).as("within the grace period").isTrue();
            assertThat(realm.isActive(rotated.path("key").asText())).isTrue();
            Instant graceEnd = Instant.parse(byId(realm.list(token).expectStatus(200).json(), old.path("id").asText())
                    .path("expiresAt").asText());
            assertThat(graceEnd).isBetween(before.plusSeconds(59), before.plusSeconds(62));
            clock.forward(Duration.between(clock.now(), graceEnd).minusSeconds(5));
            assertThat(realm.isActive(oldKey)).as("5 s before the grace end").isTrue();
            // answers give times in whole seconds: the stored end lies up to a second after the listed one
            clock.passBeyond(graceEnd);
            assertThat(realm.isActive(oldKey)).as("after the grace period").isFalse();
            assertThat(realm.lastValidationFailureReason()).isEqualTo("expired");
            assertThat(realm.isActive(rotated.path("key").asText())).isTrue();
        }
    }

    @Test
    @DisplayName("Given the realm's maximum grace, then exactly that is allowed and one second more, or a negative grace, is 400")
    void maximumGrace() {
        realm.settings(Map.of("maxRotationGraceSeconds", 60));
        JsonNode old = realm.createKey(token, "ci");

        for (long grace : new long[] {61, -1}) {
            HttpResult refused = realm.rotate(token, old.path("id").asText(), Map.of("graceSeconds", grace));
            assertThat(refused.status()).as("grace %d", grace).isEqualTo(400);
            assertThat(refused.json().path("error").asText()).isEqualTo("invalid_request");
            assertThat(refused.json().path("error_description").asText()).contains("graceSeconds");
        }
        assertThat(realm.isActive(old.path("key").asText())).as("a refused rotation changes nothing").isTrue();

        realm.rotate(token, old.path("id").asText(), Map.of("graceSeconds", 60)).expectStatus(201);
        assertThat(realm.isActive(old.path("key").asText())).isTrue();
    }

    @Test
    @DisplayName("Given an expiration and a time zone, then the new key gets that expiration by the create rules")
    void expirationAsAsked() {
        JsonNode old = realm.createKey(token, "ci");

        JsonNode rotated = realm.rotate(token, old.path("id").asText(),
                Map.of("expiresAt", ApiKeyRealm.inDays(10), "timeZone", "UTC")).expectStatus(201).json();
        assertThat(rotated.path("expiresAt").asText()).isEqualTo(ApiKeyRealm.inDays(11) + "T00:00:00Z");

        HttpResult tooLate = realm.rotate(token, rotated.path("id").asText(), Map.of("expiresAt", ApiKeyRealm.inDays(400)));
        assertThat(tooLate.status()).isEqualTo(400);
        assertThat(realm.isActive(rotated.path("key").asText())).isTrue();
    }

    @Test
    @DisplayName("Given another user's key, then rotating it is 404; an expired or already replaced key is 400")
    void refusals(KeycloakServer server) {
        TestUser other = realm.userWithRole();
        JsonNode othersKey = realm.createKey(realm.tokenOf(other), "theirs");
        HttpResult notFound = realm.rotate(token, othersKey.path("id").asText(), Map.of());
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.json().path("error").asText()).isEqualTo("not_found");
        assertThat(realm.isActive(othersKey.path("key").asText())).isTrue();

        JsonNode old = realm.createKey(token, "ci");
        realm.rotate(token, old.path("id").asText(), Map.of()).expectStatus(201);
        HttpResult twice = realm.rotate(token, old.path("id").asText(), Map.of());
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().path("error_description").asText()).contains("rotated already");

        try (TestClock clock = TestClock.of(server)) {
            Instant soon = clock.now().plusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
            JsonNode shortLived = realm.create(token, Map.of("name", "short", "expiresAt", soon.toString()))
                    .expectStatus(201).json();
            clock.passBeyond(soon);
            HttpResult expired = realm.rotate(token, shortLived.path("id").asText(), Map.of());
            assertThat(expired.status()).isEqualTo(400);
            assertThat(expired.json().path("error_description").asText()).contains("expired");
        }
    }

    @Test
    @DisplayName("Given keys switched off, the role missing or an application not allowed to mint, then rotating is 403 as creating is")
    void forbiddenAsCreate(AdminClient admin, TokenClient tokens) {
        JsonNode old = realm.createKey(token, "ci");
        admin.createDirectGrantClient(realm.name(), "some-app");
        String appToken = tokens.password(realm.name(), "some-app", owner.username(), owner.password()).accessToken();
        assertThat(realm.rotate(appToken, old.path("id").asText(), Map.of()).json().path("error").asText())
                .isEqualTo("client_not_allowed");

        TestUser plain = realm.userWithoutRole();
        assertThat(realm.rotate(realm.tokenOf(plain), old.path("id").asText(), Map.of()).json().path("error").asText())
                .isEqualTo("api_access_role_required");

        realm.settings(Map.of("enabled", false));
        HttpResult off = realm.rotate(token, old.path("id").asText(), Map.of());
        assertThat(off.status()).isEqualTo(403);
        assertThat(off.json().path("error").asText()).isEqualTo("api_keys_disabled");
        realm.settings(Map.of("enabled", true));
        assertThat(realm.isActive(old.path("key").asText())).isTrue();
    }

    @Test
    @DisplayName("Given Require scoped keys on, then rotating an unscoped key is 400 invalid_request saying to create a key with roles; a scoped key rotates; a key with a role its owner lost is 400 naming it")
    void createRulesApplyToTheSuccessor(AdminClient admin) {
        admin.createRealmRole(realm.name(), "ops", "Operations");
        TestUser opsOwner = admin.createUser(realm.name(), NewUser.unique("ops").realmRoles(ApiKeyRealm.ROLE, "ops"));
        String opsToken = realm.tokenOf(opsOwner);
        JsonNode unscoped = realm.createKey(opsToken, "everything");
        JsonNode scoped = realm.create(opsToken, Map.of("name", "ops-only", "expiresAt", ApiKeyRealm.inDays(30),
                "roles", List.of("ops"))).expectStatus(201).json();
        JsonNode forLost = realm.create(opsToken, Map.of("name", "lost", "expiresAt", ApiKeyRealm.inDays(30),
                "roles", List.of(ApiKeyRealm.ROLE, "ops"))).expectStatus(201).json();

        realm.settings(Map.of("requireScopes", true));

        HttpResult refused = realm.rotate(opsToken, unscoped.path("id").asText(), Map.of());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").asText()).isEqualTo("invalid_request");
        assertThat(refused.json().path("error_description").asText())
                .contains("requires scoped keys").contains("create a new key with the roles");
        assertThat(realm.isActive(unscoped.path("key").asText())).as("a refused rotation changes nothing").isTrue();
        JsonNode failed = admin.events(realm.name(), Map.of("type", "UPDATE_CREDENTIAL_ERROR", "max", "1")).get(0);
        assertThat(failed.path("userId").asText()).isEqualTo(opsOwner.id());
        assertThat(failed.path("error").asText()).isEqualTo("invalid_request");

        JsonNode rotated = realm.rotate(opsToken, scoped.path("id").asText(), Map.of()).expectStatus(201).json();
        assertThat(rotated.path("roles")).isEqualTo(scoped.path("roles"));

        admin.delete("/realms/" + realm.name() + "/users/" + opsOwner.id() + "/role-mappings/realm",
                Json.array().add(admin.getJson("/realms/" + realm.name() + "/roles/ops"))).expectStatus(204);
        HttpResult lost = realm.rotate(realm.tokenOf(opsOwner), forLost.path("id").asText(), Map.of());
        assertThat(lost.status()).isEqualTo(400);
        assertThat(lost.json().path("error").asText()).isEqualTo("invalid_request");
        assertThat(lost.json().path("error_description").asText()).contains("'ops' (not one of your roles)");
        assertThat(Json.strings(lost.json().path("params"))).containsExactly("ops");
    }

    @Test
    @DisplayName("Given the active limit reached, then a rotation still succeeds; the hard cap of twice the limit refuses it with 409")
    void limit() {
        realm.settings(Map.of("maxKeysPerUser", 1));
        JsonNode first = realm.createKey(token, "ci");
        assertThat(realm.create(token, Map.of("name", "more", "expiresAt", ApiKeyRealm.inDays(5))).status())
                .isEqualTo(409);

        JsonNode second = realm.rotate(token, first.path("id").asText(), Map.of("graceSeconds", 600))
                .expectStatus(201).json();
        assertThat(realm.info(token).expectStatus(200).json().path("activeCount").asInt()).isEqualTo(1);

        HttpResult capped = realm.rotate(token, second.path("id").asText(), Map.of());
        assertThat(capped.status()).isEqualTo(409);
        assertThat(capped.json().path("error").asText()).isEqualTo("api_key_limit_reached");
        assertThat(realm.isActive(second.path("key").asText())).isTrue();
    }

    @Test
    @DisplayName("Given a rotation, then one UPDATE_CREDENTIAL event names both keys; the new key holds the name, the replaced one does not")
    void eventsAndNames(AdminClient admin) {
        JsonNode old = realm.createKey(token, "ci");
        JsonNode rotated = realm.rotate(token, old.path("id").asText(), Map.of("graceSeconds", 30))
                .expectStatus(201).json();

        JsonNode event = admin.events(realm.name(), Map.of("type", "UPDATE_CREDENTIAL", "max", "1")).get(0);
        assertThat(event.path("userId").asText()).isEqualTo(owner.id());
        assertThat(event.path("details").path("credential_id").asText()).isEqualTo(rotated.path("id").asText());
        assertThat(event.path("details").path("replaces").asText()).isEqualTo(old.path("id").asText());
        assertThat(event.path("details").path("grace_seconds").asText()).isEqualTo("30");
        assertThat(event.toString()).doesNotContain(rotated.path("key").asText());

        HttpResult taken = realm.create(token, Map.of("name", "CI", "expiresAt", ApiKeyRealm.inDays(5)));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().path("error").asText()).isEqualTo("api_key_name_taken");
        realm.delete(token, rotated.path("id").asText()).expectStatus(204);
        realm.create(token, Map.of("name", "ci", "expiresAt", ApiKeyRealm.inDays(5))).expectStatus(201);
    }

    @Test
    @DisplayName("Given keys expiring seconds after they are made, created in a loop, then the hard cap (twice the active limit) stops the loop with 409")
    void expiringKeysInALoopAreCapped(KeycloakServer server) {
        realm.settings(Map.of("maxKeysPerUser", 2));
        int created = 0;
        HttpResult refused = null;
        try (TestClock clock = TestClock.of(server)) {
            for (int i = 0; i < 10 && refused == null; i++) {
                Instant expiresAt = clock.now().plusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
                HttpResult answer = realm.create(token, Map.of("name", "loop-" + i, "expiresAt", expiresAt.toString()));
                if (answer.status() == 201) {
                    created++;
                    clock.passBeyond(expiresAt); // expired: no longer counts as active
                } else {
                    refused = answer;
                }
            }
            assertThat(realm.info(token).expectStatus(200).json().path("activeCount").asInt()).isZero();
            assertThat(realm.list(token).expectStatus(200).json()).hasSize(4);
        }
        assertThat(created).isEqualTo(4);
        assertThat(refused).isNotNull();
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("error").asText()).isEqualTo("api_key_limit_reached");
    }

    private static JsonNode byId(JsonNode keys, String id) {
        for (JsonNode key : keys) {
            if (key.path("id").asText().equals(id)) {
                return key;
            }
        }
        throw new AssertionError("no key " + id + " in " + keys);
    }
}
