package dev.latchkey.it.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.it.support.AdminClient;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyAccount;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.NewUser;
import dev.latchkey.it.support.TestUser;
import dev.latchkey.it.support.TokenClient;
import dev.latchkey.it.support.Tokens;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The demo realm as realm-export.json sets it up gives every new client the {@code zoneinfo} claim from the user's
 * {@code timezone}. This test works in the imported demo realm (that mapper is what it checks) with a user and a
 * client of its own, both removed afterwards.
 */
@LatchkeyIT
class ZoneinfoClaimIT {

    private static final String DEMO = "demo";

    private AdminClient admin;
    private TokenClient tokens;
    private TestUser user;
    private String clientId;
    private String clientUuid;

    @BeforeEach
    void setUp(AdminClient admin, TokenClient tokens) {
        this.admin = admin;
        this.tokens = tokens;
        user = admin.createUser(DEMO, NewUser.unique("zoe"));
        clientId = "zoneinfo-" + user.username();
        clientUuid = admin.createDirectGrantClient(DEMO, clientId);
    }

    @AfterEach
    void tearDown() {
        user.close();
        admin.delete("/realms/" + DEMO + "/clients/" + clientUuid).expectStatus(204);
    }

    @Test
    @DisplayName("Given a time-zone change, then a freshly issued token carries it as zoneinfo, the language as locale")
    void zoneinfoAfterChange(KeycloakServer server) {
        Tokens before = tokens.password(DEMO, clientId, user.username(), user.password());
        assertThat(before.accessTokenClaims().has("zoneinfo")).isFalse();

        new LatchkeyAccount(server, DEMO).preferences(before.accessToken(),
                Map.of("timezone", "Asia/Tokyo", "locale", "fr")).expectStatus(200);
        Tokens after = tokens.password(DEMO, clientId, user.username(), user.password());

        assertThat(after.accessTokenClaims().path("zoneinfo").asText()).isEqualTo("Asia/Tokyo");
        assertThat(after.idTokenClaims().path("zoneinfo").asText()).isEqualTo("Asia/Tokyo");
        assertThat(after.accessTokenClaims().path("locale").asText()).isEqualTo("fr");
    }

    @Test
    @DisplayName("The demo realm's zoneinfo mapper reads the timezone attribute and is a default scope of new clients")
    void mapperIsInTheRealm() {
        JsonNode scopes = admin.getJson("/realms/" + DEMO + "/default-default-client-scopes");
        assertThat(Json.texts(scopes, "name")).contains("latchkey-zoneinfo");
        JsonNode mappers = admin.getJson("/realms/" + DEMO + "/client-scopes/"
                + Json.find(scopes, "name", "latchkey-zoneinfo").path("id").asText() + "/protocol-mappers/models");
        JsonNode mapper = Json.find(mappers, "name", "zoneinfo");
        assertThat(mapper.path("config").path("user.attribute").asText()).isEqualTo("timezone");
        assertThat(mapper.path("config").path("claim.name").asText()).isEqualTo("zoneinfo");
    }
}
