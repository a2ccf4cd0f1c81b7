package dev.latchkey.it.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.it.support.AdminClient;
import dev.latchkey.it.support.ApiKeyFixture;
import dev.latchkey.it.support.Http;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.TestClock;
import dev.latchkey.it.support.TestUser;
import dev.latchkey.it.support.TokenClient;
import dev.latchkey.it.support.Tokens;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a security reviewer tries: minting a key with a stale or foreign token or as an impersonating admin, and
 * validating with a service token Keycloak itself would refuse.
 */
@LatchkeyIT
class HardeningIT {

    @AutoClose
    private ApiKeyRealm realm;
    private AdminClient admin;
    private Http http;
    private TokenClient tokens;
    private TestUser owner;

    @BeforeEach
    void setUp(KeycloakServer server) {
        admin = server.admin();
        http = server.http();
        tokens = server.tokens();
        realm = new ApiKeyRealm(server);
        owner = realm.userWithRole();
    }

    @Test
    @DisplayName("Given a sign-in older than the re-authentication age, then creating a key is 403 reauthentication_required, also after a refresh")
    void staleSignInCannotMint(KeycloakServer server) {
        realm.settings(Map.of("reauthenticationSeconds", 60));
        Tokens signedIn = tokens.password(realm.name(), ApiKeyRealm.CLI, owner.username(), owner.password());
        try (TestClock ignored = TestClock.ahead(server, Duration.ofSeconds(90))) {
            staleSignInRefused(signedIn);
        }
    }

    private void staleSignInRefused(Tokens signedIn) {
        HttpResult refused = realm.create(signedIn.accessToken(), Map.of("name", "late", "expiresAt", ApiKeyRealm.inDays(5)));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("error").asText()).isEqualTo("reauthentication_required");
        assertThat(Json.strings(refused.json().path("params"))).containsExactly("60");

        // a refreshed token keeps the time of the sign-in it came from
        String refreshed = tokens.tokenRequest(realm.name(), Map.of("grant_type", "refresh_token",
                "client_id", ApiKeyRealm.CLI, "refresh_token", signedIn.refreshToken())).expectStatus(200)
                .json().path("access_token").asText();
        assertThat(realm.create(refreshed, Map.of("name", "late", "expiresAt", ApiKeyRealm.inDays(5))).status())
                .isEqualTo(403);
        assertThat(realm.list(signedIn.accessToken()).expectStatus(200).json()).isEmpty();
        JsonNode event = admin.events(realm.name(), Map.of("type", "UPDATE_CREDENTIAL_ERROR", "max", "1")).get(0);
        assertThat(event.path("error").asText()).isEqualTo("reauthentication_required");

        realm.settings(Map.of("reauthenticationSeconds", 0));
        realm.create(signedIn.accessToken(), Map.of("name", "late", "expiresAt", ApiKeyRealm.inDays(5))).expectStatus(201);
    }

    @Test
    @DisplayName("Given a token of an application the admin did not allow, then creating a key is 403 client_not_allowed")
    void foreignApplicationCannotMint() {
        admin.createDirectGrantClient(realm.name(), "some-app");
        String appToken = tokens.password(realm.name(), "some-app", owner.username(), owner.password()).accessToken();

        HttpResult refused = realm.create(appToken, Map.of("name", "stolen", "expiresAt", ApiKeyRealm.inDays(5)));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("error").asText()).isEqualTo("client_not_allowed");
        assertThat(realm.list(appToken).expectStatus(200).json()).isEmpty();
    }

    @Test
    @DisplayName("Given an admin impersonating the owner in the account console, then creating or rotating a key is 403 impersonation_not_allowed, while listing and deleting keys work")
    void impersonatedSessionCannotMint() {
        String ownToken = tokens.loginToAccountConsole(realm.name(), owner.username(), owner.password()).accessToken();
        JsonNode own = realm.createKey(ownToken, "own");
        JsonNode spare = realm.createKey(ownToken, "spare");

        String impersonated = tokens.impersonateIntoAccountConsole(admin, realm.name(), owner.id()).accessToken();

        HttpResult created = realm.create(impersonated, Map.of("name", "backdoor", "expiresAt", ApiKeyRealm.inDays(5)));
        assertThat(created.status()).isEqualTo(403);
        assertThat(created.json().path("error").asText()).isEqualTo("impersonation_not_allowed");
        JsonNode event = admin.events(realm.name(), Map.of("type", "UPDATE_CREDENTIAL_ERROR", "max", "1")).get(0);
        assertThat(event.path("userId").asText()).isEqualTo(owner.id());
        assertThat(event.path("error").asText()).isEqualTo("impersonation_not_allowed");

        HttpResult rotated = realm.rotate(impersonated, own.path("id").asText(), Map.of("graceSeconds", 60));
        assertThat(rotated.status()).isEqualTo(403);
        assertThat(rotated.json().path("error").asText()).isEqualTo("impersonation_not_allowed");
        assertThat(realm.isActive(own.path("key").asText())).as("a refused rotation changes nothing").isTrue();

        // the session itself is a valid account-console session: reading and taking access away stay possible
        assertThat(Json.texts(realm.list(impersonated).expectStatus(200).json(), "name"))
                .containsExactlyInAnyOrder("own", "spare");
        realm.delete(impersonated, spare.path("id").asText()).expectStatus(204);
        assertThat(Json.texts(realm.list(ownToken).expectStatus(200).json(), "name")).containsExactly("own");
    }

    @Test
    @DisplayName("Given a service token revoked at the realm's revocation endpoint (RFC 7009), then it no longer validates keys")
    void revokedServiceToken() {
        String key = realm.createKey(realm.tokenOf(owner), "ci").path("key").asText();
        String serviceToken = serviceToken();
        assertThat(introspectWith(serviceToken, key).expectStatus(200).json().path("active").asBoolean()).isTrue();

        http.post(tokens.tokenEndpoint(realm.name()).replace("/token", "/revoke"))
                .header("Authorization", ApiKeyFixture.basic(ApiKeyRealm.SERVICE, ApiKeyRealm.SERVICE_SECRET))
                .form(Map.of("token", serviceToken, "token_type_hint", "access_token")).send().expectStatus(200);

        HttpResult refused = introspectWith(serviceToken, key);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("error").asText()).isEqualTo("invalid_client");
        assertThat(refused.body()).doesNotContain(key);
    }

    @Test
    @DisplayName("Given the service account signed out by an admin, then its earlier tokens no longer validate keys")
    void serviceAccountSignedOut(KeycloakServer server) {
        String key = realm.createKey(realm.tokenOf(owner), "ci").path("key").asText();
        String serviceToken = serviceToken();
        introspectWith(serviceToken, key).expectStatus(200);
        String clientUuid = admin.clientUuid(realm.name(), ApiKeyRealm.SERVICE);
        String serviceUser = admin.getJson("/realms/" + realm.name() + "/clients/" + clientUuid + "/service-account-user")
                .path("id").asText();
        // not-before has a resolution of one second: the sign-out must come in a later second than the token
        try (TestClock ignored = TestClock.ahead(server, Duration.ofSeconds(2))) {
            admin.post("/realms/" + realm.name() + "/users/" + serviceUser + "/logout", Json.object()).expectStatus(204);

            assertThat(introspectWith(serviceToken, key).status()).isEqualTo(401);
            assertThat(introspectWith(serviceToken(), key).json().path("active").asBoolean()).isTrue();
        }
    }

    private String serviceToken() {
        return tokens.clientCredentials(realm.name(), ApiKeyRealm.SERVICE, ApiKeyRealm.SERVICE_SECRET).accessToken();
    }

    private HttpResult introspectWith(String bearer, String key) {
        return http.post(realm.url("/api-keys/introspect")).bearer(bearer).form(Map.of("token", key)).send();
    }
}
