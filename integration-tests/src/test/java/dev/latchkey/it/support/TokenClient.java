package dev.latchkey.it.support;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Gets user and client tokens the ways real clients do. */
public final class TokenClient {

    public static final String ACCOUNT_CONSOLE = "account-console";
    /** A login through an identity provider redirects about ten times; a plain one about three. */
    private static final int MAX_HOPS = 20;
    /** Username and password on one page, or (organizations enabled) one after the other. */
    private static final int MAX_FORM_STEPS = 2;

    private final KeycloakServer server;
    private final Http http;

    public TokenClient(KeycloakServer server) {
        this.server = server;
        this.http = server.http();
    }

    public String tokenEndpoint(String realm) {
        return server.url("/realms/" + realm + "/protocol/openid-connect/token");
    }

    /** A raw token request, for tests that expect it to be refused. */
    public HttpResult tokenRequest(String realm, Map<String, String> form) {
        return http.post(tokenEndpoint(realm)).form(form).send();
    }

    /** Resource-owner password grant with a public client that allows it, see {@link AdminClient#createDirectGrantClient}. */
    public Tokens password(String realm, String clientId, String username, String password) {
        return Tokens.from(tokenRequest(realm, Map.of("grant_type", "password", "client_id", clientId,
                "username", username, "password", password, "scope", "openid")));
    }

    public Tokens clientCredentials(String realm, String clientId, String clientSecret) {
        return Tokens.from(tokenRequest(realm, Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", clientSecret)));
    }

    /** Logs into the account console as its own front end does: authorization code flow with PKCE. */
    public Tokens loginToAccountConsole(String realm, String username, String password) {
        return loginWithBrowser(realm, ACCOUNT_CONSOLE, accountConsoleUrl(realm), username, password);
    }

    public String accountConsoleUrl(String realm) {
        return server.url("/realms/" + realm + "/account/");
    }

    /** {@link #authorize} that must succeed, then the code exchanged for tokens. */
    public Tokens loginWithBrowser(String realm, String clientId, String redirectUri, String username,
                                   String password) {
        BrowserLogin login = authorize(realm, clientId, redirectUri, username, password);
        if (!login.succeeded()) {
            throw new AssertionError("Login of " + username + " to " + clientId + " in " + realm + " failed: "
                    + login.pageError().orElse("no code") + "; last response " + login.lastResponse());
        }
        return exchange(login);
    }

    /**
     * Opens the authorization endpoint without cookies, submits the Keycloak login form over HTTP, follows the
     * redirects and stops at the client's redirect URI, where the code is.
     */
    public BrowserLogin authorize(String realm, String clientId, String redirectUri, String username,
                                  String password) {
        return authorize(realm, clientId, redirectUri, username, password, Map.of());
    }

    /**
     * A login through an identity provider, as a browser does it: the client's realm is asked to send the user to the
     * provider ({@code kc_idp_hint}), the user signs in on the provider's login form, and the provider's answer comes
     * back through the broker endpoint, where Keycloak's first-login flow creates and links the local user. Both
     * realms set cookies of the same names under their own paths; {@link BrowserSession} keeps them apart.
     */
    public BrowserLogin authorizeThroughProvider(String realm, String clientId, String redirectUri,
                                                 String identityProviderAlias, String username, String password) {
        return authorize(realm, clientId, redirectUri, username, password, Map.of("kc_idp_hint", identityProviderAlias));
    }

    /**
     * Signs in to the account console as an admin acting as the user, the way the admin console's "Impersonate" does:
     * Keycloak's {@code POST /admin/realms/{realm}/users/{id}/impersonation} starts a user session marked with the
     * admin's id and answers with that realm's session cookies; with them the authorization endpoint issues a code
     * without a login form.
     */
    public Tokens impersonateIntoAccountConsole(AdminClient admin, String realm, String userId) {
        BrowserSession browser = new BrowserSession(http);
        browser.postWithBearer(URI.create(server.url("/admin/realms/" + realm + "/users/" + userId + "/impersonation")),
                admin.accessToken()).expectStatus(200);
        BrowserLogin login = authorize(browser, realm, ACCOUNT_CONSOLE, accountConsoleUrl(realm), null, null, Map.of());
        if (!login.succeeded()) {
            throw new AssertionError("The impersonation session gave no code; last response " + login.lastResponse());
        }
        return exchange(login);
    }

    private BrowserLogin authorize(String realm, String clientId, String redirectUri, String username,
                                   String password, Map<String, String> extraQuery) {
        return authorize(new BrowserSession(http), realm, clientId, redirectUri, username, password, extraQuery);
    }

    /** @param username null when the browser's cookies must be enough: a login form then ends the attempt */
    private BrowserLogin authorize(BrowserSession browser, String realm, String clientId, String redirectUri,
                                   String username, String password, Map<String, String> extraQuery) {
        Pkce pkce = Pkce.create();
        String state = Pkce.random();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
        query.put("response_type", "code");
        query.put("response_mode", "query");
        query.put("scope", "openid");
        query.put("state", state);
        query.put("nonce", Pkce.random());
        query.put("code_challenge", pkce.challenge());
        query.put("code_challenge_method", "S256");
        query.putAll(extraQuery);
        URI authorization = URI.create(server.url("/realms/" + realm + "/protocol/openid-connect/auth")
                + AdminClient.queryString(query));

        HttpResult response = browser.get(authorization);
        int submitted = 0;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            if (response.isRedirect()) {
                URI location = response.location();
                if (location.toString().startsWith(redirectUri)) {
                    Map<String, String> parameters = queryParameters(location);
                    if (!state.equals(parameters.get("state"))) {
                        throw new AssertionError("Redirect with a wrong state: " + location);
                    }
                    return new BrowserLogin(realm, clientId, redirectUri, pkce.verifier(),
                            Optional.ofNullable(parameters.get("code")), response);
                }
                response = browser.get(location);
                continue;
            }
            Optional<LoginPage> form = LoginPage.parse(response.body());
            boolean refused = LoginPage.errorMessage(response.body()).isPresent();
            if (response.status() != 200 || form.isEmpty() || refused || submitted == MAX_FORM_STEPS
                    || username == null) {
                break;
            }
            response = browser.postForm(form.get().action(), form.get().fill(username, password));
            submitted++;
        }
        return new BrowserLogin(realm, clientId, redirectUri, pkce.verifier(), Optional.empty(), response);
    }

    public Tokens exchange(BrowserLogin login) {
        return Tokens.from(tokenRequest(login.realm(), Map.of(
                "grant_type", "authorization_code",
                "client_id", login.clientId(),
                "code", login.code().orElseThrow(() -> new AssertionError("The login produced no code")),
                "redirect_uri", login.redirectUri(),
                "code_verifier", login.codeVerifier())));
    }

    private static Map<String, String> queryParameters(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] nameValue = pair.split("=", 2);
                parameters.put(decode(nameValue[0]), nameValue.length > 1 ? decode(nameValue[1]) : "");
            }
        }
        return parameters;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
