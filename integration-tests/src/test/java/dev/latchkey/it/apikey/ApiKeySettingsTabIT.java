package dev.latchkey.it.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.it.support.AdminClient;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.TokenClient;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The "API keys" tab under Realm settings: the admin console saves the tab's form as a component of type
 * {@code UiTabProvider}; these tests save it the same way, through the admin REST API.
 */
@LatchkeyIT
class ApiKeySettingsTabIT {

    private static final String TAB_TYPE = "org.keycloak.services.ui.extend.UiTabProvider";
    private static final String TAB_ID = "API keys";

    private ApiKeyRealm realm;
    private AdminClient admin;

    @BeforeEach
    void setUp(KeycloakServer server, AdminClient admin, TokenClient tokens) {
        this.admin = admin;
        realm = new ApiKeyRealm(server, admin, tokens);
    }

    @AfterEach
    void tearDown() {
        realm.close();
    }

    @Test
    @DisplayName("Given the server info, then the tab is offered under Realm settings with its four fields")
    void offeredToTheAdminConsole() {
        JsonNode tab = Json.find(admin.serverInfo().path("componentTypes").path(TAB_TYPE), "id", TAB_ID);
        assertThat(tab.path("metadata").path("path").asText()).isEqualTo("/:realm/realm-settings/:tab?");
        assertThat(tab.path("metadata").path("params").path("tab").asText()).isEqualTo("api-keys");
        assertThat(Json.texts(tab.path("properties"), "name"))
                .containsExactly("enabled", "maxLifetimeDays", "role", "maxKeysPerUser");
    }

    @Test
    @DisplayName("Given the tab saved, then the realm's settings change; invalid values are refused with a message")
    void savingTheTabChangesTheSettings() {
        HttpResult created = admin.post("/realms/" + realm.name() + "/components",
                tab(Map.of("enabled", "false", "maxLifetimeDays", "30", "role", "api-access", "maxKeysPerUser", "5")));
        created.expectStatus(201);

        JsonNode settings = admin.getJson("/realms/" + realm.name() + "/latchkey/settings");
        assertThat(settings).isEqualTo(Json.parse(
                "{\"enabled\":false,\"maxLifetimeDays\":30,\"role\":\"api-access\",\"maxKeysPerUser\":5}"));

        for (Map<String, String> invalid : new Map[] {
                Map.of("maxLifetimeDays", "0"), Map.of("maxLifetimeDays", "400"), Map.of("maxKeysPerUser", "abc"),
                Map.of("role", "not-a-role")}) {
            HttpResult refused = admin.post("/realms/" + realm.name() + "/components", tab(invalid));
            assertThat(refused.status()).as("%s", invalid).isEqualTo(400);
        }
        assertThat(admin.getJson("/realms/" + realm.name() + "/latchkey/settings").path("maxLifetimeDays").asInt()).isEqualTo(30);
    }

    @Test
    @DisplayName("Given settings changed through the REST endpoint, then a saved tab shows the same values")
    void restChangesReachTheTab() {
        admin.post("/realms/" + realm.name() + "/components",
                tab(Map.of("enabled", "true", "maxLifetimeDays", "30", "role", "api-access", "maxKeysPerUser", "5")))
                .expectStatus(201);

        realm.settings(Map.of("maxLifetimeDays", 90));

        JsonNode component = Json.find(admin.getJson("/realms/" + realm.name() + "/components?type=" + TAB_TYPE),
                "providerId", TAB_ID);
        assertThat(Json.strings(component.path("config").path("maxLifetimeDays"))).containsExactly("90");
    }

    private ObjectNode tab(Map<String, String> config) {
        ObjectNode component = Json.object()
                .put("name", TAB_ID)
                .put("providerId", TAB_ID)
                .put("providerType", TAB_TYPE)
                .put("parentId", admin.realm(realm.name()).path("id").asText());
        ObjectNode values = component.putObject("config");
        config.forEach((key, value) -> values.putArray(key).add(value));
        return component;
    }
}
