package dev.latchkey.it.support;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A login through an identity provider, as a browser does it: the client's realm is asked to send the user to the
 * provider ({@code kc_idp_hint}), the user signs in on the provider's login form, and the provider's answer comes back
 * through the broker endpoint, where Keycloak's first-login flow creates and links the local user. Ends at the
 * client's redirect URI with a code, which {@link TokenClient#exchange} turns into tokens.
 */
public final class BrokerLogin {

    private static final int MAX_HOPS = 20;
    private static final int MAX_FORMS = 2;

    private final KeycloakServer server;

    public BrokerLogin(KeycloakServer server) {
        this.server = server;
    }

    public BrowserLogin login(String realm, String clientId, String redirectUri, String identityProviderAlias,
                              String username, String password) {
        Pkce pkce = Pkce.create();
        String state = Pkce.random();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
        query.put("response_type", "code");
        query.put("scope", "openid");
        query.put("state", state);
        query.put("code_challenge", pkce.challenge());
        query.put("code_challenge_method", "S256");
        query.put("kc_idp_hint", identityProviderAlias);
        URI authorization = URI.create(server.url("/realms/" + realm + "/protocol/openid-connect/auth")
                + AdminClient.queryString(query));

        BrowserSession browser = new BrowserSession(server.http());
        HttpResult response = browser.get(authorization);
        int forms = 0;
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
            if (response.status() != 200 || form.isEmpty() || forms == MAX_FORMS
                    || LoginPage.errorMessage(response.body()).isPresent()) {
                break;
            }
            response = browser.postForm(form.get().action(), form.get().fill(username, password));
            forms++;
        }
        return new BrowserLogin(realm, clientId, redirectUri, pkce.verifier(), Optional.empty(), response);
    }

    private static Map<String, String> queryParameters(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] nameValue = pair.split("=", 2);
                parameters.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                        nameValue.length > 1 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
            }
        }
        return parameters;
    }
}
