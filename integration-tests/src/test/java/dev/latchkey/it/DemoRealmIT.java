package dev.latchkey.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.it.support.AdminClient;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.TokenClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** realm-export.json is imported as the demo a new user logs into. Read-only: nothing here changes the realm. */
@LatchkeyIT
class DemoRealmIT {

    private static final String DEMO = "/realms/demo";

    @Test
    @DisplayName("The demo realm uses the latchkey account theme, four languages, organizations and API keys")
    void realmSettings(AdminClient admin) {
        JsonNode realm = admin.realm("demo");

        assertThat(realm.path("accountTheme").asText()).isEqualTo("latchkey");
        assertThat(realm.path("internationalizationEnabled").asBoolean()).isTrue();
        assertThat(Json.strings(realm.path("supportedLocales")))
                .containsExactlyInAnyOrder("en", "fr", "de", "es");
        assertThat(realm.path("defaultLocale").asText()).isEqualTo("en");
        assertThat(realm.path("organizationsEnabled").asBoolean()).isTrue();
        assertThat(realm.path("attributes").path("latchkey.apiKeys.enabled").asText()).isEqualTo("true");
        assertThat(realm.path("attributes").path("latchkey.apiKeys.role").asText()).isEqualTo("api-access");
    }

    @Test
    @DisplayName("Every demo realm role says what it is for, api-access among them")
    void rolesHaveDescriptions(AdminClient admin) {
        JsonNode roles = admin.getJson(DEMO + "/roles");

        assertThat(Json.find(roles, "name", "api-access").path("description").asText())
                .isEqualTo("May create and use personal API keys");
        assertThat(List.of("developer", "sales", "auditor"))
                .allSatisfy(name -> assertThat(Json.find(roles, "name", name).path("description").asText())
                        .as(name).isNotBlank().doesNotStartWith("${"));
    }

    @Test
    @DisplayName("Groups are nested, and /engineering/platform grants api-access")
    void nestedGroups(AdminClient admin) {
        JsonNode engineering = Json.find(admin.getJson(DEMO + "/groups"), "name", "engineering");
        JsonNode children = admin.getJson(DEMO + "/groups/" + engineering.path("id").asText() + "/children");

        assertThat(Json.texts(children, "path")).containsExactlyInAnyOrder("/engineering/platform", "/engineering/mobile");
        String platformId = Json.find(children, "name", "platform").path("id").asText();
        assertThat(Json.texts(admin.getJson(DEMO + "/groups/" + platformId + "/role-mappings/realm"), "name"))
                .containsExactly("api-access");
    }

    @Test
    @DisplayName("Two organizations with their domains; carol belongs to both")
    void organizations(AdminClient admin) {
        JsonNode organizations = admin.getJson(DEMO + "/organizations");

        assertThat(Json.texts(organizations, "alias")).containsExactlyInAnyOrder("acme", "globex");
        for (JsonNode organization : organizations) {
            assertThat(organization.path("domains")).as(organization.path("name").asText()).isNotEmpty();
            JsonNode members = admin.getJson(DEMO + "/organizations/" + organization.path("id").asText() + "/members");
            assertThat(Json.texts(members, "username")).contains("carol");
        }
    }

    @Test
    @DisplayName("alice has api-access directly, carol through her group, bob not at all")
    void apiAccessOfTheDemoUsers(AdminClient admin) {
        String alice = admin.userId("demo", "alice");
        String bob = admin.userId("demo", "bob");
        String carol = admin.userId("demo", "carol");

        assertThat(Json.texts(admin.getJson(DEMO + "/users/" + alice + "/role-mappings/realm"), "name"))
                .contains("api-access");
        assertThat(admin.effectiveRealmRoles("demo", bob)).doesNotContain("api-access");
        assertThat(Json.texts(admin.getJson(DEMO + "/users/" + carol + "/role-mappings/realm"), "name"))
                .doesNotContain("api-access");
        assertThat(admin.effectiveRealmRoles("demo", carol)).contains("api-access");
        assertThat(Json.texts(admin.getJson(DEMO + "/users/" + carol + "/groups"), "path"))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    @DisplayName("The user profile offers a time zone picked from a list of IANA zone ids")
    void timezoneAttribute(AdminClient admin) {
        JsonNode timezone = Json.find(admin.getJson(DEMO + "/users/profile").path("attributes"), "name", "timezone");

        assertThat(timezone.path("annotations").path("inputType").asText()).isEqualTo("select");
        assertThat(Json.strings(timezone.path("validations").path("options").path("options")))
                .contains("UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo");
        JsonNode alice = admin.user("demo", admin.userId("demo", "alice"));
        assertThat(alice.path("attributes").path("timezone").get(0).asText()).isEqualTo("Europe/Berlin");
    }

    @Test
    @DisplayName("demo-service is a confidential client that gets tokens with its secret and has no login flows")
    void demoService(AdminClient admin, TokenClient tokens) {
        JsonNode client = admin.getJson(DEMO + "/clients/" + admin.clientUuid("demo", "demo-service"));

        assertThat(client.path("publicClient").asBoolean()).isFalse();
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(tokens.clientCredentials("demo", "demo-service", "demo-service-secret").accessToken()).isNotBlank();
        assertThat(tokens.tokenRequest("demo", Map.of("grant_type", "client_credentials",
                "client_id", "demo-service", "client_secret", "wrong")).status()).isEqualTo(401);
    }

    @Test
    @DisplayName("Login and credential events are stored")
    void events(AdminClient admin) {
        JsonNode config = admin.getJson(DEMO + "/events/config");

        assertThat(config.path("eventsEnabled").asBoolean()).isTrue();
        assertThat(config.path("adminEventsEnabled").asBoolean()).isTrue();
        assertThat(Json.strings(config.path("enabledEventTypes")))
                .contains("LOGIN", "LOGIN_ERROR", "UPDATE_PASSWORD", "UPDATE_CREDENTIAL", "REMOVE_CREDENTIAL");
    }
}
