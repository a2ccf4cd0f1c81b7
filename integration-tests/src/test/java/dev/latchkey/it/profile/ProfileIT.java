package dev.latchkey.it.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.it.support.AccountRealm;
import dev.latchkey.it.support.AdminClient;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.NewUser;
import dev.latchkey.it.support.TestUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code GET /me/profile}: what the Profile page shows about a local user. */
@LatchkeyIT
class ProfileIT {

    @AutoClose
    private AccountRealm realm;
    private AdminClient admin;

    @BeforeEach
    void setUp(KeycloakServer server) {
        admin = server.admin();
        realm = AccountRealm.create(server, "profile", representation -> representation
                .put("organizationsEnabled", true)
                .put("passwordPolicy", "length(12) and notUsername"));
    }

    @Test
    @DisplayName("Given a local user with groups, roles and an organization, then the profile shows all of it")
    void fullProfile() {
        String r = "/realms/" + realm.name();
        admin.createRealmRole(realm.name(), "developer", "Builds the software");
        admin.createRealmRole(realm.name(), "deployer", "Ships it");
        admin.createRealmRole(realm.name(), "reviewer", "Reads every change");
        admin.createRealmRole(realm.name(), "lead", "Leads a team");
        admin.post(r + "/roles/lead/composites", Json.array().add(admin.getJson(r + "/roles/reviewer")))
                .expectStatus(204);
        String engineering = admin.createGroup(realm.name(), "engineering", "developer");
        String platform = createdId(admin.post(r + "/groups/" + engineering + "/children",
                Json.object().put("name", "platform")).expectStatus(201));
        admin.post(r + "/groups/" + platform + "/role-mappings/realm",
                Json.array().add(admin.getJson(r + "/roles/deployer"))).expectStatus(204);
        String acme = createdId(admin.post(r + "/organizations", Json.object().put("name", "Acme").put("alias", "acme")
                .set("domains", Json.array().add(Json.object().put("name", "acme.test")))).expectStatus(201));

        TestUser user = realm.user(NewUser.unique("pia").name("Pia", "Platform").email("pia@acme.test")
                .attribute("locale", "de").attribute("timezone", "Europe/Berlin")
                .realmRoles("lead").groups("/engineering/platform"));
        admin.post(r + "/organizations/" + acme + "/members", "\"" + user.id() + "\"").expectStatus(201);

        HttpResult response = realm.account().profile(realm.tokenOf(user)).expectStatus(200);
        assertThat(response.header("Cache-Control")).hasValue("no-store");
        JsonNode profile = response.json();

        assertThat(profile.path("username").asText()).isEqualTo(user.username());
        assertThat(profile.path("firstName").asText()).isEqualTo("Pia");
        assertThat(profile.path("lastName").asText()).isEqualTo("Platform");
        assertThat(profile.path("email").asText()).isEqualTo("pia@acme.test");
        assertThat(profile.path("emailVerified").asBoolean()).isTrue();
        assertThat(profile.path("locale").asText()).isEqualTo("de");
        assertThat(profile.path("timezone").asText()).isEqualTo("Europe/Berlin");

        // Names in the language itself and in the reader's language (German here)
        JsonNode locales = profile.path("supportedLocales");
        assertThat(Json.texts(locales, "tag")).containsExactly("de", "en", "fr");
        assertThat(Json.find(locales, "tag", "de").path("displayName").asText()).isEqualTo("Deutsch");
        assertThat(Json.find(locales, "tag", "fr").path("displayName").asText()).isEqualTo("Français");
        assertThat(Json.find(locales, "tag", "fr").path("localizedName").asText()).isEqualTo("Französisch");

        JsonNode organization = Json.find(profile.path("organizations"), "alias", "acme");
        assertThat(organization.path("name").asText()).isEqualTo("Acme");
        assertThat(Json.strings(organization.path("domains"))).containsExactly("acme.test");

        assertThat(profile.path("groups")).hasSize(1);
        assertThat(profile.path("groups").get(0).path("name").asText()).isEqualTo("platform");
        assertThat(profile.path("groups").get(0).path("path").asText()).isEqualTo("/engineering/platform");

        JsonNode realmRoles = profile.path("realmRoles");
        assertRole(realmRoles, "lead", true, List.of());
        assertRole(realmRoles, "reviewer", false, List.of("lead"));
        assertRole(realmRoles, "developer", false, List.of("/engineering"));
        assertRole(realmRoles, "deployer", false, List.of("/engineering/platform"));
        String defaultRoles = "default-roles-" + realm.name();
        assertRole(realmRoles, defaultRoles, true, List.of());
        assertRole(realmRoles, "offline_access", false, List.of(defaultRoles));
        assertThat(Json.find(realmRoles, "name", "developer").path("description").asText()).isEqualTo("Builds the software");
        // Built-in roles describe themselves with a message key, resolved in the user's language
        assertThat(Json.find(realmRoles, "name", "offline_access").path("description").asText())
                .isNotBlank().doesNotStartWith("${");
        assertThat(Json.texts(realmRoles, "name"))
                .containsExactlyInAnyOrderElementsOf(admin.effectiveRealmRoles(realm.name(), user.id()));

        JsonNode manageAccount = findClientRole(profile.path("clientRoles"), "account", "manage-account");
        assertThat(manageAccount.path("direct").asBoolean()).isFalse();
        assertThat(Json.strings(manageAccount.path("inheritedFrom"))).containsExactly(defaultRoles);
        JsonNode links = findClientRole(profile.path("clientRoles"), "account", "manage-account-links");
        assertThat(Json.strings(links.path("inheritedFrom"))).containsExactly("account/manage-account");

        assertThat(profile.path("passwordChange").path("allowed").asBoolean()).isTrue();
        assertThat(profile.path("passwordChange").has("reason")).isFalse();
        assertThat(profile.path("apiKeys").path("enabled").asBoolean()).isFalse();
        assertThat(profile.path("apiKeys").path("allowed").asBoolean()).isFalse();
        assertThat(profile.path("passwordPolicy")).hasSize(2);
        assertThat(profile.path("passwordPolicy").get(0).path("id").asText()).isEqualTo("length");
        assertThat(profile.path("passwordPolicy").get(0).path("value").asText()).isEqualTo("12");
        assertThat(profile.path("passwordPolicy").get(1).path("id").asText()).isEqualTo("notUsername");
        assertThat(profile.path("editable").path("locale").asBoolean()).isTrue();
        assertThat(profile.path("editable").path("timezone").asBoolean()).isTrue();
        assertThat(response.body()).doesNotContain(user.password());
    }

    @Test
    @DisplayName("Given API keys switched on and the role through a group, then apiKeys says enabled and allowed")
    void apiKeysAllowed() {
        admin.setRealmAttributes(realm.name(), Map.of("latchkey.apiKeys.enabled", "true",
                "latchkey.apiKeys.role", "api-access"));
        admin.createRealmRole(realm.name(), "api-access", "May use API keys");
        admin.createGroup(realm.name(), "integrators", "api-access");
        TestUser member = realm.user(NewUser.unique("ivy").groups("/integrators"));
        TestUser outsider = realm.user(NewUser.unique("oscar"));

        JsonNode memberKeys = realm.account().profileJson(realm.tokenOf(member)).path("apiKeys");
        JsonNode outsiderKeys = realm.account().profileJson(realm.tokenOf(outsider)).path("apiKeys");

        assertThat(memberKeys.path("enabled").asBoolean()).isTrue();
        assertThat(memberKeys.path("allowed").asBoolean()).isTrue();
        assertThat(outsiderKeys.path("enabled").asBoolean()).isTrue();
        assertThat(outsiderKeys.path("allowed").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("Given a user without locale and time zone, then both are null and the page may still set them")
    void unsetPreferences() {
        TestUser user = realm.user(NewUser.unique("nora"));

        JsonNode profile = realm.account().profileJson(realm.tokenOf(user));

        assertThat(profile.path("locale").isNull()).isTrue();
        assertThat(profile.path("timezone").isNull()).isTrue();
        assertThat(profile.path("editable").path("timezone").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("Given no bearer token, then the profile is 401 with a JSON error")
    void withoutToken(KeycloakServer server) {
        HttpResult response = server.http().get(server.url("/realms/" + realm.name() + "/latchkey/me/profile")).send();

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("error").asText()).isEqualTo("invalid_token");
    }

    private static void assertRole(JsonNode roles, String name, boolean direct, List<String> inheritedFrom) {
        JsonNode role = Json.find(roles, "name", name);
        assertThat(role.path("direct").asBoolean()).as(name + " direct").isEqualTo(direct);
        assertThat(Json.strings(role.path("inheritedFrom"))).as(name + " inheritedFrom")
                .containsExactlyInAnyOrderElementsOf(inheritedFrom);
    }

    private static JsonNode findClientRole(JsonNode roles, String clientId, String name) {
        for (JsonNode role : roles) {
            if (clientId.equals(role.path("clientId").asText()) && name.equals(role.path("name").asText())) {
                return role;
            }
        }
        throw new AssertionError("No client role " + clientId + "/" + name + " in " + roles);
    }

    private static String createdId(HttpResult created) {
        String path = created.location().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
