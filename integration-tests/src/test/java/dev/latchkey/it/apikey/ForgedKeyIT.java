package dev.latchkey.it.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.it.support.AdminClient;
import dev.latchkey.it.support.ApiKeyFixture;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.TestClock;
import dev.latchkey.it.support.TestRealm;
import dev.latchkey.it.support.TestUser;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Keys the realm did not mint are refused before their ids are looked up. What shows that no lookup happened: the
 * refusal names no user even when the key names a real user and credential (a lookup finds the owner and puts them in
 * the event, as the old format's refusals below show), and its reason ({@code forged}, {@code old_format}) is decided
 * from the key text and the realm alone. The metrics count it all the same.
 */
@LatchkeyIT
class ForgedKeyIT {

    private static final String FORGED = "latchkey_validations_total{reason=\"forged\",result=\"inactive\"}";
    private static final String OLD_FORMAT = "latchkey_validations_total{reason=\"old_format\",result=\"inactive\"}";
    private static final String PROXY_REFUSED = "latchkey_proxy_checks_total{result=\"refused\"}";
    private static final String OLD_FORMAT_ATTRIBUTE = "latchkey.apiKeys.oldFormatKeys";

    @AutoClose
    private ApiKeyRealm realm;
    private KeycloakServer server;
    private AdminClient admin;

    @BeforeEach
    void setUp(KeycloakServer server) {
        this.server = server;
        this.admin = server.admin();
        realm = new ApiKeyRealm(server);
    }

    @Test
    @DisplayName("Given a key with a valid checksum naming a real user's and key's ids but a made-up tag, then it is refused as forged, no event names the user, the metrics count it")
    void forgedKeyNamingARealUser() {
        realm.settings(Map.of("proxyAuth", true));
        TestUser victim = realm.userWithRole();
        JsonNode created = realm.createKey(realm.tokenOf(victim), "real");
        String real = created.path("key").asText();
        assertThat(real).as("minted keys carry the tag: 118 characters").matches("lk_[0-9A-Za-z]{115}");
        String forged = KeyTextForger.tagged(UUID.fromString(created.path("id").asText()), UUID.fromString(victim.id()));
        String before = scrape();

        assertThat(realm.validate(forged).path("active").asBoolean()).isFalse();
        assertThat(realm.lastValidationFailureReason()).isEqualTo("forged");
        int proxyStatus = server.http().get(server.url("/realms/" + realm.name() + "/latchkey/api-keys/auth"))
                .header("X-Api-Key", forged).send().status();

        String after = scrape();
        assertThat(proxyStatus).isEqualTo(401);
        assertThat(value(after, FORGED) - value(before, FORGED)).isEqualTo(1);
        assertThat(value(after, PROXY_REFUSED) - value(before, PROXY_REFUSED)).isEqualTo(1);
        JsonNode refusals = admin.events(realm.name(), Map.of("type", "INTROSPECT_TOKEN_ERROR"));
        assertThat(refusals).hasSize(2);
        for (JsonNode refusal : refusals) {
            assertThat(refusal.path("details").path("reason").asText()).isEqualTo("forged");
            assertThat(refusal.has("userId")).as("no user in %s", refusal).isFalse();
            assertThat(refusal.path("details").has("credential_id")).isFalse();
        }
        assertThat(admin.events(realm.name(), Map.of("user", victim.id(), "type", "INTROSPECT_TOKEN_ERROR"))).isEmpty();
        assertThat(realm.isActive(real)).as("the real key is untouched").isTrue();
    }

    @Test
    @DisplayName("Given a new realm, then a key of the old format is refused as old_format before any lookup, even naming a real user")
    void newRealmRefusesTheOldFormat() {
        TestUser user = realm.userWithRole();
        assertThat(admin.realm(realm.name()).path("attributes").path(OLD_FORMAT_ATTRIBUTE).asText()).isEqualTo("none");
        String before = scrape();

        String old = KeyTextForger.oldFormat(UUID.randomUUID(), UUID.fromString(user.id()), KeyTextForger.random(32));
        assertThat(realm.validate(old).path("active").asBoolean()).isFalse();

        assertThat(realm.lastValidationFailureReason()).isEqualTo("old_format");
        assertThat(value(scrape(), OLD_FORMAT) - value(before, OLD_FORMAT)).isEqualTo(1);
        assertThat(admin.events(realm.name(), Map.of("user", user.id()))).isEmpty();
    }

    @Test
    @DisplayName("Given a realm imported with a key of the old format, then that key works until it is deleted; then the lifecycle task closes the old format")
    void oldFormatWhileTheRealmHoldsIt() throws Exception {
        UUID userId = UUID.randomUUID();
        UUID keyId = UUID.randomUUID();
        byte[] secret = KeyTextForger.random(32);
        String oldKey = KeyTextForger.oldFormat(keyId, userId, secret);
        String name = "oldkeys-" + UUID.randomUUID().toString().substring(0, 8);
        admin.post("/realms", ExportedRealm.holding(name, userId, keyId, oldKey, secret)).expectStatus(201);
        try (TestRealm ignored = new TestRealm(admin, name)) {
            assertThat(admin.realm(name).path("attributes").path(OLD_FORMAT_ATTRIBUTE).asText()).isEqualTo("present");
            assertThat(introspect(name, oldKey).path("active").asBoolean()).as("an old key keeps working").isTrue();

            // while the format is open, a forged old-format key is looked up: the lookup finds and names the user
            introspect(name, KeyTextForger.oldFormat(UUID.randomUUID(), userId, KeyTextForger.random(32)));
            JsonNode looked = admin.events(name, Map.of("type", "INTROSPECT_TOKEN_ERROR", "max", "1")).get(0);
            assertThat(looked.path("details").path("reason").asText()).isEqualTo("unknown_key");
            assertThat(looked.path("userId").asText()).isEqualTo(userId.toString());

            admin.delete("/realms/" + name + "/latchkey/users/" + userId + "/api-keys/" + keyId).expectStatus(204);
            TestClock.runLifecycle(server);
            assertThat(admin.realm(name).path("attributes").path(OLD_FORMAT_ATTRIBUTE).asText())
                    .as("the lifecycle task found no old-format key left").isEqualTo("none");

            introspect(name, KeyTextForger.oldFormat(UUID.randomUUID(), userId, KeyTextForger.random(32)));
            JsonNode refused = admin.events(name, Map.of("type", "INTROSPECT_TOKEN_ERROR", "max", "1")).get(0);
            assertThat(refused.path("details").path("reason").asText()).isEqualTo("old_format");
            assertThat(refused.has("userId")).isFalse();
        }
    }

    private JsonNode introspect(String realmName, String key) {
        return ApiKeyFixture.introspect(server, realmName, key).expectStatus(200).json();
    }

    private String scrape() {
        return server.http().get(server.managementUrl() + "/metrics").send().expectStatus(200).body();
    }

    private static double value(String exposition, String sample) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(sample) + " (\\S+)$", Pattern.MULTILINE).matcher(exposition);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
