package dev.latchkey.it.password;

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
import dev.latchkey.it.support.TokenClient;
import dev.latchkey.it.support.Tokens;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code POST /me/password} for a local user: success, each refusal, the events, other sessions. */
@LatchkeyIT
class PasswordChangeIT {

    private static final String NEW_PASSWORD = "Correct-Horse-42";

    @AutoClose
    private AccountRealm realm;
    private TokenClient tokens;
    private TestUser user;
    private String token;

    @BeforeEach
    void setUp(KeycloakServer server) {
        tokens = server.tokens();
        realm = AccountRealm.create(server, "password", representation -> representation
                .put("passwordPolicy", "length(12) and notUsername and passwordHistory(3)"));
        user = realm.user(NewUser.unique("lou").password("Old-Password-2024"));
        token = realm.tokenOf(user);
    }

    @Test
    @DisplayName("Given the right current password, then 204, the new password works, the old one no longer does")
    void success() {
        HttpResult response = realm.account().changePassword(token, user.password(), NEW_PASSWORD, NEW_PASSWORD, false);

        assertThat(response.status()).as(response.toString()).isEqualTo(204);
        realm.login(user.username(), NEW_PASSWORD);
        HttpResult oldLogin = realm.tryLogin(user.username(), user.password());
        assertThat(oldLogin.status()).isEqualTo(400);
        assertThat(oldLogin.json().path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    @DisplayName("Given a change, then UPDATE_PASSWORD and UPDATE_CREDENTIAL events are stored, without any password")
    void successEvents() {
        realm.account().changePassword(token, user.password(), NEW_PASSWORD, NEW_PASSWORD, false).expectStatus(204);

        JsonNode updatePassword = realm.events("UPDATE_PASSWORD", user.id());
        JsonNode updateCredential = realm.events("UPDATE_CREDENTIAL", user.id());
        assertThat(updatePassword).hasSize(1);
        assertThat(updateCredential).hasSize(1);
        assertThat(updateCredential.get(0).path("details").path("credential_type").asText()).isEqualTo("password");
        assertThat(updatePassword.toString() + updateCredential).doesNotContain(NEW_PASSWORD).doesNotContain(user.password());
    }

    @Test
    @DisplayName("Given a wrong current password, then 400 invalid_current_password, an error event without passwords")
    void wrongCurrentPassword() {
        HttpResult response = realm.account().changePassword(token, "Not-My-Password-1", NEW_PASSWORD, NEW_PASSWORD, false);

        assertError(response, 400, "invalid_current_password");
        realm.login(user.username(), user.password());
        JsonNode errors = realm.events("UPDATE_PASSWORD_ERROR", user.id());
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path("error").asText()).isEqualTo("invalid_user_credentials");
        assertThat(errors.toString()).doesNotContain("Not-My-Password-1").doesNotContain(NEW_PASSWORD)
                .doesNotContain(user.password());
    }

    @Test
    @DisplayName("Given no current password, then 400 invalid_request and nothing counts against the user")
    void missingCurrentPassword() {
        assertError(realm.account().changePassword(token, "", NEW_PASSWORD, NEW_PASSWORD, false), 400, "invalid_request");

        assertPasswordKept("password_missing");
    }

    @Test
    @DisplayName("Given a confirmation that differs, then 400 password_mismatch and the password stays")
    void mismatch() {
        assertError(realm.account().changePassword(token, user.password(), NEW_PASSWORD, NEW_PASSWORD + "x", false),
                400, "password_mismatch");

        assertPasswordKept("password_confirm_error");
    }

    @Test
    @DisplayName("Given a new password shorter than the policy's 12, then 400 with the policy's message key and 12")
    void policyLength() {
        HttpResult response = realm.account().changePassword(token, user.password(), "Short-1", "Short-1", false);

        assertError(response, 400, "invalidPasswordMinLengthMessage");
        assertThat(Json.strings(response.json().path("params"))).containsExactly("12");
        JsonNode event = realm.events("UPDATE_PASSWORD_ERROR", user.id()).get(0);
        assertThat(event.path("error").asText()).isEqualTo("password_rejected");
        assertThat(event.path("details").path("reason").asText()).isEqualTo("invalidPasswordMinLengthMessage");
        assertThat(event.toString()).doesNotContain("Short-1");
    }

    @Test
    @DisplayName("Given the username as new password, then 400 invalidPasswordNotUsernameMessage")
    void policyNotUsername() {
        assertError(realm.account().changePassword(token, user.password(), user.username(), user.username(), false),
                400, "invalidPasswordNotUsernameMessage");
    }

    @Test
    @DisplayName("Given a password used before, then 400 invalidPasswordHistoryMessage with the history size")
    void policyHistory() {
        HttpResult response = realm.account().changePassword(token, user.password(), user.password(), user.password(), false);

        assertError(response, 400, "invalidPasswordHistoryMessage");
        assertThat(Json.strings(response.json().path("params"))).containsExactly("3");
    }

    @Test
    @DisplayName("Given logoutOtherSessions, then the other session ends and the current one goes on")
    void logoutOtherSessions() {
        Tokens other = realm.login(user.username(), user.password());

        realm.account().changePassword(token, user.password(), NEW_PASSWORD, NEW_PASSWORD, true).expectStatus(204);

        HttpResult otherRefresh = refresh(other);
        assertThat(otherRefresh.status()).as(otherRefresh.toString()).isEqualTo(400);
        assertThat(otherRefresh.json().path("error").asText()).isEqualTo("invalid_grant");
        realm.account().profile(token).expectStatus(200);
        assertThat(realm.events("LOGOUT", user.id())).hasSize(1);
    }

    @Test
    @DisplayName("Given logoutOtherSessions false, then the other session goes on")
    void keepOtherSessions() {
        Tokens other = realm.login(user.username(), user.password());

        realm.account().changePassword(token, user.password(), NEW_PASSWORD, NEW_PASSWORD, false).expectStatus(204);

        refresh(other).expectStatus(200);
    }

    @Test
    @DisplayName("Given a token without the manage-account role, then 403 insufficient_scope")
    void needsManageAccount(AdminClient admin) {
        String defaultRoles = "default-roles-" + realm.name();
        String account = admin.clientUuid(realm.name(), "account");
        JsonNode manageAccount = admin.getJson("/realms/" + realm.name() + "/clients/" + account + "/roles/manage-account");
        admin.delete("/realms/" + realm.name() + "/roles/" + defaultRoles + "/composites", Json.array().add(manageAccount))
                .expectStatus(204);
        TestUser viewer = realm.user(NewUser.unique("vic"));

        assertError(realm.account().changePassword(realm.tokenOf(viewer), viewer.password(), NEW_PASSWORD,
                NEW_PASSWORD, false), 403, "insufficient_scope");
    }

    /** The old password still signs in, and the newest UPDATE_PASSWORD_ERROR event gives the reason. */
    private void assertPasswordKept(String eventError) {
        realm.login(user.username(), user.password());
        assertThat(realm.events("UPDATE_PASSWORD_ERROR", user.id()).get(0).path("error").asText())
                .isEqualTo(eventError);
    }

    private HttpResult refresh(Tokens session) {
        return tokens.tokenRequest(realm.name(), Map.of("grant_type", "refresh_token", "client_id", AccountRealm.CLI,
                "refresh_token", session.refreshToken()));
    }

    static void assertError(HttpResult response, int status, String error) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().path("error").asText()).as(response.toString()).isEqualTo(error);
    }
}
