package dev.latchkey.it.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.it.support.AdminClient;
import dev.latchkey.it.support.ApiKeyFixture;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.TestClock;
import dev.latchkey.it.support.TestRealm;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Where the secret of the keys' tag lives decides whether an admin's tool can break every key of a realm: Keycloak's
 * realm update ({@code PUT /admin/realms/{realm}}) replaces the realm's attributes with those sent, so the secret is
 * not one of them but an internal component of the realm, which that update, the component endpoint and the admin
 * console leave alone. Realms of an earlier Latchkey, with the secret still in an attribute, keep their keys.
 */
@LatchkeyIT
class TagSecretIT {

    private static final String LEGACY_ATTRIBUTE = "latchkey.apiKeys.macSecret";

    private KeycloakServer server;
    private AdminClient admin;

    @BeforeEach
    void setUp(KeycloakServer server) {
        this.server = server;
        this.admin = server.admin();
    }

    @Test
    @DisplayName("Given a realm's keys, when a realm update replaces its attributes (as configuration tools send them), then every key still validates; the secret is in no attribute and behind no admin endpoint")
    void realmUpdateKeepsTheKeys() {
        try (ApiKeyRealm realm = new ApiKeyRealm(server)) {
            String token = realm.tokenOf(realm.userWithRole());
            String first = realm.createKey(token, "first").path("key").asText();
            String components = "/realms/" + realm.name() + "/components";

            assertThat(admin.realm(realm.name()).path("attributes").has(LEGACY_ATTRIBUTE)).isFalse();
            assertThat(admin.getJson(components + "?type=" + ExportedRealm.TAG_SECRET_TYPE)).as("internal: not listed")
                    .isEmpty();
            ObjectNode planted = Json.object().put("name", "planted")
                    .put("providerType", ExportedRealm.TAG_SECRET_TYPE)
                    .put("providerId", "latchkey-key-mac").put("parentId", admin.realm(realm.name()).path("id").asText());
            planted.putObject("config").putArray("secret").add(Base64.getEncoder().encodeToString(new byte[32]));
            assertThat(admin.post(components, planted).status()).as("an admin cannot set the secret").isEqualTo(403);

            admin.setRealmAttributes(realm.name(), Map.of("set-by-another-tool", "yes"));
            ObjectNode update = Json.object();
            update.putObject("attributes").put("latchkey.apiKeys.enabled", "true");
            realm.updateRealm(update);
            assertThat(admin.realm(realm.name()).path("attributes").has("set-by-another-tool"))
                    .as("the update replaced the attributes").isFalse();

            assertThat(realm.isActive(first)).as("a key minted before the update").isTrue();
            String second = realm.createKey(token, "second").path("key").asText();
            assertThat(realm.isActive(second)).as("a key minted after it").isTrue();
            assertThat(realm.isActive(first)).isTrue();
        }
    }

    @Test
    @DisplayName("Given a realm of an earlier Latchkey, its tag secret in a realm attribute, then its key validates; the lifecycle pass moves the secret out of the attributes, and the key survives a realm update that replaces them")
    void secretMovesOutOfTheAttributes() throws Exception {
        byte[] macSecret = KeyTextForger.random(32);
        UUID userId = UUID.randomUUID();
        UUID keyId = UUID.randomUUID();
        byte[] secret = KeyTextForger.random(32);
        String key = KeyTextForger.tagged(keyId, userId, secret, macSecret);
        String name = "tagged-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode rep = ExportedRealm.holding(name, userId, keyId, key, secret);
        ((ObjectNode) rep.path("attributes")).put(LEGACY_ATTRIBUTE, Base64.getEncoder().encodeToString(macSecret));
        admin.post("/realms", rep).expectStatus(201);
        try (TestRealm ignored = new TestRealm(admin, name)) {
            assertThat(validate(name, key).path("active").asBoolean()).as("read from the attribute").isTrue();

            TestClock.runLifecycle(server);
            assertThat(admin.realm(name).path("attributes").has(LEGACY_ATTRIBUTE)).isFalse();
            JsonNode answer = validate(name, key);
            assertThat(answer.path("active").asBoolean()).as("read from the component").isTrue();
            assertThat(answer.path("username").asText()).isEqualTo(ExportedRealm.USERNAME);

            ObjectNode update = Json.object();
            update.putObject("attributes").put("latchkey.apiKeys.enabled", "true");
            admin.put("/realms/" + name, update).expectStatus(204);
            assertThat(validate(name, key).path("active").asBoolean()).isTrue();
            assertThat(validate(name, KeyTextForger.tagged(keyId, userId, secret, KeyTextForger.random(32)))
                    .path("active").asBoolean()).as("the same key tagged with another secret").isFalse();
        }
    }

    private JsonNode validate(String realmName, String key) {
        return ApiKeyFixture.introspect(server, realmName, key).expectStatus(200).json();
    }
}
