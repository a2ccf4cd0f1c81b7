package dev.latchkey.it.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.MimeMessage;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.MailServer;
import dev.latchkey.it.support.TestUser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code POST /realms/{realm}/latchkey/api-keys/revoke}: anyone may report a leaked key, which dies at once. */
@LatchkeyIT
class LeakReportIT {

    private static final String JUNK = "lk_" + "0".repeat(94);

    @AutoClose
    private ApiKeyRealm realm;
    private KeycloakServer server;
    private TestUser owner;
    private String token;

    @BeforeEach
    void setUp(KeycloakServer server) {
        this.server = server;
        realm = new ApiKeyRealm(server);
        owner = realm.userWithRole();
        token = realm.tokenOf(owner);
    }

    private HttpResult report(String realmName, Object body) {
        return server.http().post(server.url("/realms/" + realmName + "/latchkey/api-keys/revoke")).json(body).send();
    }

    @Test
    @DisplayName("Given a valid key, a junk one and another realm's key reported, then 202 {received: 3} as for junk alone; "
            + "the valid key is revoked at once with a REMOVE_CREDENTIAL event (reason, source), the others live on, "
            + "the owner gets an email (the key's name, hint and source, never the key), and no key text reaches the log")
    void reportRevokesOnlyTheRealmsValidKey() throws Exception {
        MailServer mail = new MailServer();
        ObjectNode smtp = Json.object();
        smtp.set("smtpServer", mail.realmSmtp());
        realm.updateRealm(smtp);
        JsonNode leaked = realm.createKey(token, "leaked");
        JsonNode kept = realm.createKey(token, "kept");
        String leakedKey = leaked.path("key").asText();
        try (ApiKeyRealm other = new ApiKeyRealm(server)) {
            TestUser stranger = other.userWithRole();
            String foreignKey = other.createKey(other.tokenOf(stranger), "foreign").path("key").asText();
            assertThat(realm.isActive(leakedKey)).isTrue();

            HttpResult junkOnly = report(realm.name(), Map.of("keys", List.of(JUNK, "not a key", "x".repeat(3))));
            HttpResult answer = report(realm.name(), Map.of("keys", List.of(leakedKey, JUNK, foreignKey),
                    "source", "https://gist.example.com/abc"));

            assertThat(answer.status()).isEqualTo(202);
            assertThat(answer.contentType()).startsWith("application/json");
            assertThat(answer.json()).isEqualTo(Json.parse("{\"received\":3}"));
            assertThat(junkOnly.status()).isEqualTo(202);
            assertThat(junkOnly.body()).isEqualTo(answer.body());

            assertThat(realm.isActive(leakedKey)).isFalse();
            assertThat(realm.lastValidationFailureReason()).isEqualTo("revoked");
            assertThat(realm.isActive(kept.path("key").asText())).isTrue();
            assertThat(other.isActive(foreignKey)).isTrue();

            JsonNode events = realm.admin().events(realm.name(), Map.of("type", "REMOVE_CREDENTIAL"));
            assertThat(events).hasSize(1);
            JsonNode details = events.get(0).path("details");
            assertThat(details.path("credential_id").asText()).isEqualTo(leaked.path("id").asText());
            assertThat(details.path("reason").asText()).isEqualTo("reported_leaked");
            assertThat(details.path("source").asText()).isEqualTo("https://gist.example.com/abc");
            assertThat(events.get(0).path("userId").asText()).isEqualTo(owner.id());
            assertThat(other.admin().events(other.name(), Map.of("type", "REMOVE_CREDENTIAL"))).isEmpty();

            // the owner still sees the key, with why it stopped
            JsonNode listed = find(realm.list(token).expectStatus(200).json(), leaked.path("id").asText());
            assertThat(listed.path("status").asText()).isEqualTo("revoked");
            assertThat(listed.path("revokedReason").asText()).isEqualTo("reported_leaked");
            assertThat(listed.path("revokedAt").isTextual()).isTrue();
            assertThat(find(realm.list(token).json(), kept.path("id").asText()).path("status").asText()).isEqualTo("active");

            // reported again: the same answer, no second event
            assertThat(report(realm.name(), Map.of("keys", List.of(leakedKey))).expectStatus(202).json().path("received").asInt())
                    .isEqualTo(1);
            assertThat(realm.admin().events(realm.name(), Map.of("type", "REMOVE_CREDENTIAL"))).hasSize(1);

            // the owner is told: which key, where it was found, never the key
            MimeMessage notice = mail.await(owner.username() + "@latchkey.test", Duration.ofSeconds(30),
                    m -> MailServer.subject(m).contains("reported as leaked"));
            assertThat(MailServer.subject(notice)).isEqualTo("Your API key \"leaked\" was reported as leaked and revoked");
            assertThat(MailServer.decodedBody(notice)).contains(leaked.path("hint").asText())
                    .contains("https://gist.example.com/abc").contains("never");
            assertThat(MailServer.everything(notice)).doesNotContain(leakedKey.substring(3));

            String log = Files.readString(server.serverLog(), StandardCharsets.UTF_8);
            assertThat(log).doesNotContain(leakedKey.substring(3)).doesNotContain(foreignKey.substring(3));
        } finally {
            mail.close();
        }
    }

    @Test
    @DisplayName("Given a malformed body, an empty list, more than 1000 keys, a non-text key or a source over 500 characters, "
            + "then 400 invalid_request and nothing revoked; 1000 keys are fine")
    void badBodies() {
        String key = realm.createKey(token, "safe").path("key").asText();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(JUNK);
        }
        for (Object body : List.of("{not json", "[]", "\"keys\"", "{}", "{\"keys\": []}", "{\"keys\": \"" + key + "\"}",
                "{\"keys\": [1]}", "{\"keys\": [null]}", Map.of("keys", many),
                Map.of("keys", List.of(key), "source", "s".repeat(501)),
                Map.of("keys", List.of(key), "source", 5),
                Map.of("keys", List.of(key), "source", "line\nbreak"))) {
            HttpResult answer = report(realm.name(), body);
            assertThat(answer.status()).as(String.valueOf(body).substring(0, Math.min(80, String.valueOf(body).length())))
                    .isEqualTo(400);
            assertThat(answer.json().path("error").asText()).isEqualTo("invalid_request");
            assertThat(answer.body()).doesNotContain(key);
        }
        HttpResult empty = server.http().post(server.url("/realms/" + realm.name() + "/latchkey/api-keys/revoke"))
                .body("application/json", "").send();
        assertThat(empty.status()).isEqualTo(400);
        assertThat(realm.isActive(key)).isTrue();

        assertThat(report(realm.name(), Map.of("keys", many.subList(0, 1000), "source", "s".repeat(500))).status())
                .isEqualTo(202);
    }

    @Test
    @DisplayName("Given API keys off in the realm, then 404 and the key stays")
    void offIsNotFound() {
        String key = realm.createKey(token, "safe").path("key").asText();
        realm.settings(Map.of("enabled", false));
        HttpResult answer = report(realm.name(), Map.of("keys", List.of(key)));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("error").asText()).isEqualTo("not_found");
        realm.settings(Map.of("enabled", true));
        assertThat(realm.isActive(key)).isTrue();
    }

    @Test
    @DisplayName("Given 60 reports from one address in an hour, then the 61st is 429 with Retry-After and JSON, and revokes nothing")
    void rateLimited() {
        String key = realm.createKey(token, "safe").path("key").asText();
        for (int i = 0; i < 60; i++) {
            report(realm.name(), Map.of("keys", List.of(JUNK))).expectStatus(202);
        }
        HttpResult refused = report(realm.name(), Map.of("keys", List.of(key)));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/json");
        assertThat(refused.json().path("error").asText()).isEqualTo("too_many_requests");
        long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3600L);
        assertThat(realm.isActive(key)).isTrue();
    }

    private static JsonNode find(JsonNode keys, String id) {
        for (JsonNode key : keys) {
            if (key.path("id").asText().equals(id)) {
                return key;
            }
        }
        throw new AssertionError("No key " + id + " in " + keys);
    }
}
