package dev.latchkey.it.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.it.support.AccountRealm;
import dev.latchkey.it.support.AdminClient;
import dev.latchkey.it.support.Http;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.NewUser;
import dev.latchkey.it.support.TestUser;
import dev.latchkey.it.support.TokenClient;
import dev.latchkey.it.support.Tokens;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The account side refuses what Keycloak's own account API (its {@code AccountLoader}) refuses, with its answers. */
@LatchkeyIT
class AccountAuthenticationIT {

    @AutoClose
    private AccountRealm realm;
    private AdminClient admin;
    private TokenClient tokens;
    private Http http;
    private TestUser user;

    @BeforeEach
    void setUp(KeycloakServer server) {
        admin = server.admin();
        tokens = server.tokens();
        http = server.http();
        realm = AccountRealm.create(server, "auth");
        user = realm.user(NewUser.unique("reader"));
    }

    @Test
    @DisplayName("Given the realm's account client disabled, then 404 as Keycloak's account API answers")
    void accountClientDisabled() {
        String token = realm.tokenOf(user);
        String account = admin.clientUuid(realm.name(), "account");

        admin.put("/realms/" + realm.name() + "/clients/" + account, Json.object().put("enabled", false)).expectStatus(204);

        assertThat(realm.account().profile(token).status()).isEqualTo(404);
        assertThat(admin.getJson("/realms/" + realm.name() + "/clients/" + account).path("enabled").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("Given an access token revoked at the realm's revocation endpoint, then 401")
    void revokedToken() {
        Tokens signedIn = realm.login(user.username(), user.password());
        realm.account().profile(signedIn.accessToken()).expectStatus(200);

        http.post(tokens.tokenEndpoint(realm.name()).replace("/token", "/revoke"))
                .form(Map.of("client_id", AccountRealm.CLI, "token", signedIn.accessToken())).send().expectStatus(200);

        assertThat(realm.account().profile(signedIn.accessToken()).status()).isEqualTo(401);
    }

    @Test
    @DisplayName("Given a token without manage-account or view-groups, then the profile leaves out groups and the group paths roles come through")
    void groupsNeedTheirRole() {
        String groupId = admin.createGroup(realm.name(), "secret-team");
        admin.put("/realms/" + realm.name() + "/users/" + user.id() + "/groups/" + groupId, Json.object()).expectStatus(204);
        admin.createRealmRole(realm.name(), "insider", "From the group");
        admin.post("/realms/" + realm.name() + "/groups/" + groupId + "/role-mappings/realm",
                Json.array().add(admin.getJson("/realms/" + realm.name() + "/roles/insider"))).expectStatus(204);
        // an application that asks only for view-profile of the account client
        String appId = admin.createDirectGrantClient(realm.name(), "profile-viewer");
        admin.put("/realms/" + realm.name() + "/clients/" + appId, Json.object().put("fullScopeAllowed", false)).expectStatus(204);
        String account = admin.clientUuid(realm.name(), "account");
        admin.post("/realms/" + realm.name() + "/clients/" + appId + "/scope-mappings/clients/" + account,
                Json.array().add(admin.getJson("/realms/" + realm.name() + "/clients/" + account + "/roles/view-profile")))
                .expectStatus(204);
        String narrow = tokens.password(realm.name(), "profile-viewer", user.username(), user.password()).accessToken();

        JsonNode profile = realm.account().profileJson(narrow);

        assertThat(profile.has("groups")).isTrue();
        assertThat(profile.path("groups").isNull()).isTrue();
        JsonNode insider = Json.find(profile.path("realmRoles"), "name", "insider");
        assertThat(insider.path("inheritedFrom").toString()).doesNotContain("secret-team");

        JsonNode full = realm.account().profileJson(realm.tokenOf(user));
        assertThat(Json.texts(full.path("groups"), "path")).containsExactly("/secret-team");
        assertThat(Json.strings(Json.find(full.path("realmRoles"), "name", "insider").path("inheritedFrom")))
                .containsExactly("/secret-team");
    }
}
