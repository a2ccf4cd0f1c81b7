package dev.latchkey.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.it.support.AdminClient;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.LatchkeyIT;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The jar in providers/ is picked up: every provider id of the README's "What the jar registers" is listed by the server. */
@LatchkeyIT
class ExtensionLoadedIT {

    @Test
    @DisplayName("Given the jar in providers/, then the server lists Latchkey's providers under their SPIs")
    void providersAreRegistered(AdminClient admin) {
        JsonNode providers = admin.serverInfo().path("providers");

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(providerIds(providers, "credential")).as("credential").contains("api-key");
        soft.assertThat(providerIds(providers, "realm-restapi-extension")).as("realm-restapi-extension")
                .contains("latchkey");
        soft.assertThat(providerIds(providers, "admin-realm-restapi-extension")).as("admin-realm-restapi-extension")
                .contains("latchkey");
        soft.assertThat(providerIds(providers, "ui-tab")).as("ui-tab (its id is the tab title)").contains("API keys");
        soft.assertThat(providerIds(providers, "latchkey-api-key-node")).as("Latchkey's own SPI: the node's key state")
                .contains("default");
        soft.assertThat(providerIds(providers, "latchkey-key-mac-secret"))
                .as("Latchkey's own SPI: the component type of the keys' tag secret").contains("latchkey-key-mac");
        soft.assertAll();
    }

    @Test
    @DisplayName("Given the jar in providers/, then the account theme 'latchkey' can be selected")
    void accountThemeIsAvailable(AdminClient admin) {
        JsonNode accountThemes = admin.serverInfo().path("themes").path("account");

        assertThat(Json.texts(accountThemes, "name")).contains("latchkey");
    }

    private static List<String> providerIds(JsonNode providers, String spi) {
        List<String> ids = new ArrayList<>();
        providers.path(spi).path("providers").fieldNames().forEachRemaining(ids::add);
        return ids;
    }
}
