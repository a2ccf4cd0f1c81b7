package dev.latchkey.it.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.it.support.AdminClient;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.LatchkeySettings;
import dev.latchkey.it.support.TestRealm;
import dev.latchkey.it.support.TokenClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    @DisplayName("Given the server info, then the tab is offered under Realm settings with a field per setting")
    void offeredToTheAdminConsole() {
        JsonNode tab = Json.find(admin.serverInfo().path("componentTypes").path(TAB_TYPE), "id", TAB_ID);
        assertThat(tab.path("metadata").path("path").asText()).isEqualTo("/:realm/realm-settings/:tab?");
        assertThat(tab.path("metadata").path("params").path("tab").asText()).isEqualTo("api-keys");
        List<String> documented = new ArrayList<>();
        LatchkeySettings.documentedDefaults().fieldNames().forEachRemaining(documented::add);
        assertThat(Json.texts(tab.path("properties"), "name")).containsExactlyElementsOf(documented);
    }

    @Test
    @DisplayName("Given the tab saved, then the realm's settings change; invalid values are refused with a message")
    void savingTheTabChangesTheSettings() {
        ObjectNode expected = LatchkeySettings.read(admin, realm.name()).deepCopy();
        expected.put("enabled", false).put("maxLifetimeDays", 30).put("role", "api-access").put("maxKeysPerUser", 5);
        HttpResult created = admin.post("/realms/" + realm.name() + "/components",
                tab(Map.of("enabled", "false", "maxLifetimeDays", "30", "role", "api-access", "maxKeysPerUser", "5")));
        created.expectStatus(201);

        assertThat(LatchkeySettings.read(admin, realm.name())).isEqualTo(expected);

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

    @Test
    @DisplayName("Given a realm imported with keys switched on in its JSON, then the tab shows On and the other values")
    void importedRealmShowsTheSettingsInForce() {
        try (TestRealm imported = admin.createRealm("imported", r -> r.putObject("attributes")
                .put("latchkey.apiKeys.enabled", "true").put("latchkey.apiKeys.maxLifetimeDays", "90"))) {
            assertThat(tabConfig(imported.name())).containsEntry("enabled", "true").containsEntry("maxLifetimeDays", "90")
                    .containsEntry("role", "api-access").containsEntry("maxKeysPerUser", "100");
        }
    }

    @Test
    @DisplayName("Given the demo realm imported at start-up, then its tab shows API keys On")
    void demoRealmShowsOn() {
        assertThat(tabConfig("demo")).containsEntry("enabled", "true");
    }

    @Test
    @DisplayName("Given realm attributes changed through the realm's own admin API, then the tab follows")
    void realmAttributeChangesReachTheTab() {
        admin.setRealmAttributes(realm.name(), Map.of("latchkey.apiKeys.maxKeysPerUser", "7"));

        assertThat(tabConfig(realm.name())).containsEntry("maxKeysPerUser", "7").containsEntry("enabled", "true");
    }

    @Test
    @DisplayName("Given keys on, when the tab is saved as the console saves it with only the lifetime changed, then keys stay on")
    void savingOneFieldKeepsTheOthers() {
        String key = realm.createKey(realm.tokenOf(realm.userWithRole()), "ci").path("key").asText();
        JsonNode component = Json.find(admin.getJson("/realms/" + realm.name() + "/components?type=" + TAB_TYPE),
                "providerId", TAB_ID);
        ObjectNode saved = (ObjectNode) component.deepCopy();
        // the console sends back every field it loaded, plus its route parameter
        ((ObjectNode) saved.path("config")).putArray("maxLifetimeDays").add("42");
        ((ObjectNode) saved.path("config")).putArray("tab").add("api-keys");

        admin.put("/realms/" + realm.name() + "/components/" + component.path("id").asText(), saved).expectStatus(204);

        JsonNode settings = admin.getJson("/realms/" + realm.name() + "/latchkey/settings");
        assertThat(settings.path("enabled").asBoolean()).isTrue();
        assertThat(settings.path("maxLifetimeDays").asInt()).isEqualTo(42);
        assertThat(realm.isActive(key)).isTrue();
    }

    @Test
    @DisplayName("Given a tab form with only one field, then only that setting changes")
    void partialFormChangesOnlyItsField() {
        ObjectNode expected = LatchkeySettings.read(admin, realm.name()).deepCopy();
        expected.put("maxKeysPerUser", 3);
        admin.post("/realms/" + realm.name() + "/components", tab(Map.of("maxKeysPerUser", "3"))).expectStatus(201);

        assertThat(LatchkeySettings.read(admin, realm.name())).isEqualTo(expected);
    }

    /** The config of the realm's tab component, one value per field, as the admin console loads it. */
    private Map<String, String> tabConfig(String realmName) {
        JsonNode component = Json.find(admin.getJson("/realms/" + realmName + "/components?type=" + TAB_TYPE),
                "providerId", TAB_ID);
        Map<String, String> config = new TreeMap<>();
        component.path("config").properties().forEach(e -> config.put(e.getKey(), e.getValue().path(0).asText()));
        return config;
    }
}
