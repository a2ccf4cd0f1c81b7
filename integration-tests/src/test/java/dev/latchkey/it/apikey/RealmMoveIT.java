package dev.latchkey.it.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.it.support.ApiKeyFixture;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.ScratchKeycloak;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving a realm with {@code kc.sh export} and an import into a new server keeps every key working; a key that
 * arrives through Keycloak's generic credential paths must meet the rules of Latchkey's own create path. Runs on
 * servers of its own: the export needs its server stopped.
 */
class RealmMoveIT {

    private static final String REALM = "moving";
    private static final String USER = "mover";
    private static final String PASSWORD = "Mover-pass-1";

    @Test
    @DisplayName("Given keys in a realm exported with kc.sh export, when imported into a new server, then every key validates there")
    void keysSurviveARealmMove(@TempDir Path dir) throws IOException {
        Path realmFile = dir.resolve("moving.json");
        Files.writeString(realmFile, realm().toString());
        ScratchKeycloak sourceHome = ScratchKeycloak.create("move-source");
        KeycloakServer source = sourceHome.start("move-source", realmFile);
        List<String> keys;
        List<String> keyIds;
        try {
            String token = source.tokens().password(REALM, ApiKeyFixture.CLI, USER, PASSWORD).accessToken();
            JsonNode first = createKey(source, token, "first");
            JsonNode second = createKey(source, token, "second");
            keys = List.of(first.path("key").asText(), second.path("key").asText());
            keyIds = List.of(first.path("id").asText(), second.path("id").asText());
            for (String key : keys) {
                assertThat(ApiKeyFixture.introspect(source, REALM, key).json().path("active").asBoolean()).isTrue();
            }
            refusedThroughAdminApi(source, token);
        } finally {
            source.stop();
        }
        Path exported = dir.resolve("export").resolve("moving-realm.json");
        Files.createDirectories(exported.getParent());
        sourceHome.exportRealm(REALM, exported);
        String export = Files.readString(exported);
        assertThat(export).contains("\"type\" : \"api-key\"");
        assertThat(export).as("the tag secret travels as the realm's component")
                .contains("\"" + ExportedRealm.TAG_SECRET_TYPE + "\"").doesNotContain("latchkey.apiKeys.macSecret");
        keys.forEach(key -> assertThat(export).doesNotContain(key).doesNotContain(key.substring(3, 30)));

        KeycloakServer target = ScratchKeycloak.create("move-target").start("move-target", exported);
        try {
            for (int i = 0; i < keys.size(); i++) {
                JsonNode answer = ApiKeyFixture.introspect(target, REALM, keys.get(i)).expectStatus(200).json();
                assertThat(answer.path("active").asBoolean()).as("key %s on the new server", i).isTrue();
                assertThat(answer.path("key_id").asText()).isEqualTo(keyIds.get(i));
                assertThat(answer.path("username").asText()).isEqualTo(USER);
            }
        } finally {
            target.stop();
        }
    }

    /** An admin's user representation with api-key credentials that break Latchkey's rules: each a 400, no user. */
    private static void refusedThroughAdminApi(KeycloakServer server, String token) {
        long now = Instant.now().toEpochMilli();
        String goodHash = "{\"algorithm\":\"SHA-256\",\"hash\":\"" + "A".repeat(43) + "=\"}";
        List<ObjectNode> refused = List.of(
                credential("too-long", now, now + Duration.ofDays(400).toMillis(), goodHash),
                credential("bad-hash", now, now + Duration.ofDays(3).toMillis(), "{\"algorithm\":\"SHA-256\",\"hash\":\"short\"}"),
                credential("plain-text", now, now + Duration.ofDays(3).toMillis(), "{\"algorithm\":\"none\",\"hash\":\"secret\"}"),
                credential("n".repeat(65), now, now + Duration.ofDays(3).toMillis(), goodHash),
                credential("future", now + Duration.ofDays(2).toMillis(), now + Duration.ofDays(3).toMillis(), goodHash));
        for (ObjectNode credential : refused) {
            ObjectNode user = Json.object().put("username", "planted-" + Math.abs(credential.hashCode())).put("enabled", true);
            user.putArray("credentials").add(credential);
            HttpResult result = server.admin().post("/realms/" + REALM + "/users", user);
            // Keycloak answers its generic "Could not create user" and logs the reason
            assertThat(result.status()).as("%s", credential).isEqualTo(400);
        }
        assertThat(server.logContains("API key credential refused: it must expire after its creation")).isTrue();
        assertThat(server.logContains("API key credential refused: its secret data must be a SHA-256 hash")).isTrue();
        assertThat(server.logContains("API key credential refused: name must be 1-64 characters")).isTrue();
        assertThat(server.logContains("API key credential refused: its creation date lies in the future")).isTrue();
        assertThat(server.admin().getJson("/realms/" + REALM + "/users?username=planted-&exact=false")).isEmpty();
    }

    private static ObjectNode credential(String name, long created, long expires, String secretData) {
        return Json.object().put("id", java.util.UUID.randomUUID().toString()).put("type", "api-key")
                .put("userLabel", name).put("createdDate", created).put("secretData", secretData)
                .put("credentialData", Json.object().put("name", name).put("expiresAt", expires).put("hint", "lk_x")
                        .toString());
    }

    private static JsonNode createKey(KeycloakServer server, String token, String name) {
        return server.http().post(server.url("/realms/" + REALM + "/latchkey/me/api-keys")).bearer(token)
                .json(Map.of("name", name, "expiresAt", ApiKeyFixture.inDays(30))).send().expectStatus(201).json();
    }

    private static ObjectNode realm() {
        ObjectNode realm = Json.object().put("realm", REALM).put("enabled", true);
        realm.putObject("attributes").put("latchkey.apiKeys.enabled", "true");
        realm.putObject("roles").putArray("realm").addObject().put("name", ApiKeyFixture.ROLE);
        ArrayNode clients = realm.putArray("clients");
        clients.add(ApiKeyFixture.serviceClient());
        clients.add(ApiKeyFixture.cliClient());
        ObjectNode user = realm.putArray("users").addObject().put("username", USER).put("enabled", true)
                .put("email", USER + "@latchkey.test").put("emailVerified", true)
                .put("firstName", "Mo").put("lastName", "Ver");
        user.putArray("realmRoles").add(ApiKeyFixture.ROLE).add("default-roles-" + REALM);
        user.putArray("credentials").addObject().put("type", "password").put("value", PASSWORD).put("temporary", false);
        return realm;
    }
}
