package dev.latchkey.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.it.support.AdminClient;
import dev.latchkey.it.support.Http;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.TestRealm;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The account console page loads Latchkey's own bundle from the jar, not the stock keycloak.v3 one. */
@LatchkeyIT
class AccountThemeIT {

    /** index.ftl (inherited from keycloak.v3) loads the Vite entry chunk named in resources/.vite/manifest.json. */
    private static final Pattern ENTRY_SCRIPT = Pattern.compile(
            "<script type=\"module\" src=\"([^\"]*/account/[^\"/]+/assets/[^\"]+\\.js)\"");

    @Test
    @DisplayName("GET /realms/demo/account/ loads Latchkey's main script, and the server serves that file")
    void demoAccountConsoleLoadsOurBundle(KeycloakServer server) {
        String ours = entryScript(server, "demo");
        String stock = entryScript(server, "master");

        assertThat(ours).contains("/account/latchkey/assets/");
        assertThat(stock).contains("/account/keycloak.v3/assets/");
        assertThat(fileName(ours)).as("our entry chunk is not the stock one").isNotEqualTo(fileName(stock));

        HttpResult script = server.http().get(server.url(ours)).send().expectStatus(200);
        assertThat(script.contentType()).contains("javascript");
        assertThat(script.body()).isNotBlank();
    }

    @Test
    @DisplayName("The left navigation of the latchkey theme starts with the Profile page")
    void navigationStartsWithProfile(KeycloakServer server) {
        String entry = entryScript(server, "demo");
        String resourceUrl = entry.substring(0, entry.indexOf("/assets/"));

        HttpResult content = server.http().get(server.url(resourceUrl + "/content.json"))
                .accept(Http.JSON).send().expectStatus(200);

        JsonNode first = content.json().get(0);
        assertThat(first.path("label").asText()).isEqualTo("latchkeyProfile");
    }

    @Test
    @DisplayName("Given any realm that selects the latchkey account theme, then its account console loads our bundle")
    void themeWorksForAnyRealm(KeycloakServer server, AdminClient admin) {
        try (TestRealm realm = admin.createRealm("theme", r -> r.put("accountTheme", "latchkey"))) {
            assertThat(entryScript(server, realm.name())).isEqualTo(entryScript(server, "demo"));
        }
    }

    private static String entryScript(KeycloakServer server, String realm) {
        HttpResult page = server.http().get(server.url("/realms/" + realm + "/account/"))
                .accept("text/html").send().expectStatus(200);
        assertThat(page.contentType()).startsWith("text/html");
        Matcher script = ENTRY_SCRIPT.matcher(page.body());
        assertThat(script.find()).as("an entry script in the account page of " + realm + ":\n" + page.body()).isTrue();
        return script.group(1);
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
