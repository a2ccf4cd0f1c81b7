package dev.latchkey.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.it.support.AdminClient;
import dev.latchkey.it.support.BrowserLogin;
import dev.latchkey.it.support.Http;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.NewUser;
import dev.latchkey.it.support.TestUser;
import dev.latchkey.it.support.TokenClient;
import dev.latchkey.it.support.Tokens;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A demo user signs in to the account console the way its front end does (authorization code + PKCE through the
 * Keycloak login form) and the console's own API answers with that user's account.
 */
@LatchkeyIT
class AccountConsoleLoginIT {

    @Test
    @DisplayName("Given alice's demo password, then she logs into the account console and reads her account")
    void demoUserLogsIn(KeycloakServer server, TokenClient tokens, AdminClient admin) {
        Tokens login = tokens.loginToAccountConsole("demo", "alice", "Alice-demo-1");

        JsonNode claims = login.accessTokenClaims();
        assertThat(claims.path("azp").asText()).isEqualTo("account-console");
        assertThat(login.accessTokenAudience()).contains("account");
        assertThat(claims.path("locale").asText()).isEqualTo("en");

        JsonNode account = server.http().get(tokens.accountConsoleUrl("demo"))
                .bearer(login.accessToken()).accept(Http.JSON)
                .send().expectStatus(200).json();
        assertThat(account.path("username").asText()).isEqualTo("alice");
        assertThat(account.path("email").asText()).isEqualTo("alice@acme.example");

        JsonNode logins = admin.events("demo", Map.of("type", "LOGIN", "user", admin.userId("demo", "alice")));
        assertThat(Json.texts(logins, "clientId")).contains("account-console");
    }

    @Test
    @DisplayName("Given a wrong password, then the login form says so and no code is issued")
    void wrongPasswordIsRefused(TokenClient tokens, AdminClient admin) {
        try (TestUser user = admin.createUser("demo", NewUser.unique("wrong-pw"))) {
            BrowserLogin login = tokens.authorize("demo", TokenClient.ACCOUNT_CONSOLE, tokens.accountConsoleUrl("demo"),
                    user.username(), user.password() + "x");

            assertThat(login.succeeded()).isFalse();
            assertThat(login.lastResponse().status()).isEqualTo(200);
            assertThat(login.pageError()).hasValueSatisfying(
                    message -> assertThat(message).containsIgnoringCase("invalid username or password"));
        }
    }

    @Test
    @DisplayName("Without a token, the account API answers 401")
    void accountApiNeedsToken(KeycloakServer server, TokenClient tokens) {
        HttpResult anonymous = server.http().get(tokens.accountConsoleUrl("demo")).accept(Http.JSON).send();

        assertThat(anonymous.status()).isEqualTo(401);
    }
}
