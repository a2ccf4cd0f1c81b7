package dev.latchkey.it.password;

import static dev.latchkey.it.password.PasswordChangeIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.it.support.AccountRealm;
import dev.latchkey.it.support.AdminClient;
import dev.latchkey.it.support.BrowserLogin;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.LdapDirectory;
import dev.latchkey.it.support.NewUser;
import dev.latchkey.it.support.TestRealm;
import dev.latchkey.it.support.TestUser;
import dev.latchkey.it.support.TokenClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Accounts whose password lives elsewhere, for real: an LDAP server (UnboundID, in this JVM) configured as Keycloak
 * user federation, and a second realm of the same Keycloak acting as an OpenID Connect identity provider.
 */
@LatchkeyIT
class ExternallyManagedPasswordIT {

    private static final String LDAP_NAME = "Corporate LDAP";
    private static final String IDP_ALIAS = "upstream";
    private static final String IDP_NAME = "Upstream SSO";
    private static final String LDAP_PASSWORD = "Ldap-Password-1";
    private static final String NEW_PASSWORD = "Brand-New-Secret-7";

    private static LdapDirectory ldap;

    private KeycloakServer server;
    private AdminClient admin;
    private TokenClient tokens;
    @AutoClose
    private AccountRealm realm;

    @BeforeAll
    static void startLdap() {
        ldap = LdapDirectory.start();
    }

    @AfterAll
    static void stopLdap() {
        ldap.close();
    }

    @BeforeEach
    void setUp(KeycloakServer server) {
        this.server = server;
        admin = server.admin();
        tokens = server.tokens();
        realm = AccountRealm.create(server, "external");
    }

    @Test
    @DisplayName("Given an LDAP user in READ_ONLY mode, then the page says federated + LDAP name and a change is 409")
    void ldapReadOnly() {
        String uid = ldapUser("rita");
        String token = federateAndSignIn(uid, "READ_ONLY");

        HttpResult refused = assertManagedExternally(token, LDAP_PASSWORD, LDAP_NAME, "federated");
        assertThat(refused.json().path("error_description").asText()).contains(LDAP_NAME);
        assertThat(ldap.canBind(uid, LDAP_PASSWORD)).isTrue();
        assertThat(ldap.canBind(uid, NEW_PASSWORD)).isFalse();
        assertThat(realm.events("UPDATE_PASSWORD_ERROR", userId(uid)).get(0).path("error").asText())
                .isEqualTo("not_allowed");
    }

    @Test
    @DisplayName("Given an LDAP user in WRITABLE mode, then the change goes to LDAP: a bind with the new password works")
    void ldapWritable() {
        String uid = ldapUser("walt");
        String token = federateAndSignIn(uid, "WRITABLE");

        JsonNode passwordChange = realm.account().profileJson(token).path("passwordChange");
        assertThat(passwordChange.path("allowed").asBoolean()).isTrue();
        assertThat(passwordChange.has("reason")).isFalse();

        realm.account().changePassword(token, LDAP_PASSWORD, NEW_PASSWORD, NEW_PASSWORD, false).expectStatus(204);

        assertThat(ldap.canBind(uid, NEW_PASSWORD)).isTrue();
        assertThat(ldap.canBind(uid, LDAP_PASSWORD)).isFalse();
        realm.login(uid, NEW_PASSWORD);
        assertThat(realm.events("UPDATE_PASSWORD", userId(uid))).hasSize(1);
    }

    @Test
    @DisplayName("Given an LDAP user in WRITABLE mode and a wrong current password, then 400 and LDAP keeps the old one")
    void ldapWritableWrongCurrent() {
        String uid = ldapUser("wanda");
        String token = federateAndSignIn(uid, "WRITABLE");

        assertError(realm.account().changePassword(token, "Not-It-1", NEW_PASSWORD, NEW_PASSWORD, false),
                400, "invalid_current_password");
        assertThat(ldap.canBind(uid, LDAP_PASSWORD)).isTrue();
    }

    @Test
    @DisplayName("Given a user who signs in through an OIDC identity provider and has no password, then 409 naming it")
    void identityProviderUser() {
        try (TestRealm upstream = admin.createRealm("upstream")) {
            String brokerSecret = "broker-secret-" + upstream.name();
            admin.createClient(upstream.name(), Json.object()
                    .put("clientId", "latchkey-broker")
                    .put("publicClient", false)
                    .put("secret", brokerSecret)
                    .put("standardFlowEnabled", true)
                    .put("directAccessGrantsEnabled", false)
                    .set("redirectUris", Json.array().add(server.url("/realms/" + realm.name() + "/broker/"
                            + IDP_ALIAS + "/endpoint"))));
            TestUser upstreamUser = admin.createUser(upstream.name(), NewUser.unique("ursula"));
            addIdentityProvider(upstream.name(), brokerSecret);
            String redirectUri = "http://localhost/latchkey-test/callback";
            admin.createClient(realm.name(), Json.object()
                    .put("clientId", "web")
                    .put("publicClient", true)
                    .put("standardFlowEnabled", true)
                    .set("redirectUris", Json.array().add(redirectUri)));

            BrowserLogin login = tokens.authorizeThroughProvider(realm.name(), "web", redirectUri, IDP_ALIAS,
                    upstreamUser.username(), upstreamUser.password());
            assertThat(login.succeeded()).as("broker login, last page: %s", login.lastResponse()).isTrue();
            String token = tokens.exchange(login).accessToken();

            String localId = userId(upstreamUser.username());
            assertThat(Json.texts(admin.getJson("/realms/" + realm.name() + "/users/" + localId
                    + "/federated-identity"), "identityProvider")).containsExactly(IDP_ALIAS);
            assertManagedExternally(token, "anything", IDP_NAME, "identity_provider");
        }
    }

    @Test
    @DisplayName("Given a local user with a password, then the change is allowed")
    void localUser() {
        TestUser local = realm.user(NewUser.unique("lena"));
        String token = realm.tokenOf(local);

        assertThat(realm.account().profileJson(token).path("passwordChange").path("allowed").asBoolean()).isTrue();
        realm.account().changePassword(token, local.password(), NEW_PASSWORD, NEW_PASSWORD, false).expectStatus(204);
    }

    /**
     * The Profile page says who manages the password and why, and a change is refused with 409 naming them.
     *
     * @return the refusal, for further checks
     */
    private HttpResult assertManagedExternally(String token, String currentPassword, String providerName,
                                              String reason) {
        JsonNode passwordChange = realm.account().profileJson(token).path("passwordChange");
        assertThat(passwordChange.path("allowed").asBoolean()).isFalse();
        assertThat(passwordChange.path("reason").asText()).isEqualTo(reason);
        assertThat(passwordChange.path("providerName").asText()).isEqualTo(providerName);

        HttpResult refused = realm.account().changePassword(token, currentPassword, NEW_PASSWORD, NEW_PASSWORD, false);
        assertError(refused, 409, "password_managed_externally");
        assertThat(Json.strings(refused.json().path("params"))).containsExactly(providerName, reason);
        return refused;
    }

    /** A user in the directory (not yet known to Keycloak) with password {@value #LDAP_PASSWORD}; returns the uid. */
    private String ldapUser(String prefix) {
        String uid = prefix + "-" + realm.name();
        ldap.addUser(uid, LDAP_PASSWORD, prefix.substring(0, 1).toUpperCase() + prefix.substring(1), "Directory",
                uid + "@ldap.latchkey.test");
        return uid;
    }

    /** Federates the directory in this edit mode; the user's first sign-in imports it. Returns the access token. */
    private String federateAndSignIn(String uid, String editMode) {
        admin.post("/realms/" + realm.name() + "/components", ldap.keycloakComponent(realm.id(), LDAP_NAME, editMode))
                .expectStatus(201);
        return realm.login(uid, LDAP_PASSWORD).accessToken();
    }

    private void addIdentityProvider(String upstreamRealm, String secret) {
        String issuer = server.url("/realms/" + upstreamRealm);
        String oidc = issuer + "/protocol/openid-connect";
        admin.post("/realms/" + realm.name() + "/identity-provider/instances", Json.object()
                .put("alias", IDP_ALIAS)
                .put("displayName", IDP_NAME)
                .put("providerId", "oidc")
                .put("enabled", true)
                .put("trustEmail", true)
                .set("config", Json.object()
                        .put("clientId", "latchkey-broker")
                        .put("clientSecret", secret)
                        .put("clientAuthMethod", "client_secret_post")
                        .put("authorizationUrl", oidc + "/auth")
                        .put("tokenUrl", oidc + "/token")
                        .put("userInfoUrl", oidc + "/userinfo")
                        .put("jwksUrl", oidc + "/certs")
                        .put("logoutUrl", oidc + "/logout")
                        .put("issuer", issuer)
                        .put("validateSignature", "true")
                        .put("useJwksUrl", "true")
                        .put("defaultScope", "openid profile email")
                        .put("syncMode", "IMPORT")))
                .expectStatus(201);
    }

    private String userId(String username) {
        return admin.userId(realm.name(), username);
    }
}
