package dev.latchkey.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A fresh realm for the Profile page's tests: languages en/de/fr, a user-editable {@code timezone} user-profile
 * attribute (as the demo realm declares it), the account events stored, and a direct-grant client ({@value #CLI}) for
 * user tokens without a browser. Closing it deletes the realm with everything in it.
 */
public final class AccountRealm implements AutoCloseable {

    public static final String CLI = "test-cli";
    public static final List<String> EVENT_TYPES = List.of("UPDATE_PASSWORD", "UPDATE_PASSWORD_ERROR",
            "UPDATE_CREDENTIAL", "UPDATE_CREDENTIAL_ERROR", "UPDATE_PROFILE", "LOGIN", "LOGIN_ERROR", "LOGOUT");

    private final AdminClient admin;
    private final TokenClient tokens;
    private final TestRealm realm;
    private final LatchkeyAccount account;

    private AccountRealm(KeycloakServer server, AdminClient admin, TokenClient tokens, TestRealm realm) {
        this.admin = admin;
        this.tokens = tokens;
        this.realm = realm;
        this.account = new LatchkeyAccount(server, realm.name());
    }

    public static AccountRealm create(KeycloakServer server, String prefix) {
        return create(server, prefix, representation -> { });
    }

    /** @param customizer adjusts the realm representation, e.g. brute-force settings or a password policy */
    public static AccountRealm create(KeycloakServer server, String prefix, Consumer<ObjectNode> customizer) {
        AdminClient admin = server.admin();
        TestRealm realm = admin.createRealm(prefix, representation -> {
            representation.put("internationalizationEnabled", true).put("defaultLocale", "en");
            representation.putArray("supportedLocales").add("en").add("de").add("fr");
            customizer.accept(representation);
        });
        try {
            UserProfileConfig.declare(admin, realm.name(), "timezone", List.of("admin", "user"), List.of());
            admin.enableEvents(realm.name(), EVENT_TYPES.toArray(String[]::new));
            admin.createDirectGrantClient(realm.name(), CLI);
            return new AccountRealm(server, admin, server.tokens(), realm);
        } catch (RuntimeException | AssertionError e) {
            realm.close();
            throw e;
        }
    }

    public String name() {
        return realm.name();
    }

    public String id() {
        return admin.realm(name()).path("id").asText();
    }

    public AdminClient admin() {
        return admin;
    }

    public LatchkeyAccount account() {
        return account;
    }

    public TestUser user(NewUser user) {
        return admin.createUser(name(), user);
    }

    public Tokens login(String username, String password) {
        return tokens.password(name(), CLI, username, password);
    }

    public String tokenOf(TestUser user) {
        return login(user.username(), user.password()).accessToken();
    }

    /** The token endpoint's answer to a password grant, for logins that are expected to fail. */
    public HttpResult tryLogin(String username, String password) {
        return tokens.tokenRequest(name(), Map.of("grant_type", "password", "client_id", CLI,
                "username", username, "password", password));
    }

    /** Stored user events of one type for one user, newest first. */
    public JsonNode events(String type, String userId) {
        return admin.events(name(), Map.of("type", type, "user", userId));
    }

    @Override
    public void close() {
        realm.close();
    }
}
