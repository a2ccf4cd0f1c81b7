package dev.latchkey.it.support;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A login through an identity provider, as a browser does it: the client's realm is asked to send the user to the
 * provider ({@code kc_idp_hint}), the user signs in on the provider's login form, and the provider's answer comes back
 * through the broker endpoint, where Keycloak's first-login flow creates and links the local user. Ends at the
 * client's redirect URI with a code, which {@link TokenClient#exchange} turns into tokens.
 *
 * <p>Both realms live on the same host and set cookies of the same names ({@code AUTH_SESSION_ID}...) under their own
 * paths ({@code /realms/<name>/}), so unlike {@link BrowserSession} this keeps cookies per path, as a browser does.
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

        CookieJar browser = new CookieJar(server.http());
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

    /** Cookies by name and path; a request sends those whose path covers its own, the most specific first. */
    private static final class CookieJar {
        private final Http http;
        private final Map<String, Map<String, String>> byPath = new TreeMap<>(
                Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));

        CookieJar(Http http) {
            this.http = http;
        }

        HttpResult get(URI uri) {
            return remember(uri, withCookies(uri, http.get(uri.toString())).accept("text/html").send());
        }

        HttpResult postForm(URI uri, Map<String, String> fields) {
            return remember(uri, withCookies(uri, http.post(uri.toString())).form(fields).send());
        }

        private Http.Call withCookies(URI uri, Http.Call call) {
            Map<String, String> sent = new LinkedHashMap<>();
            byPath.forEach((path, cookies) -> {
                if (uri.getPath().startsWith(path)) {
                    cookies.forEach(sent::putIfAbsent);
                }
            });
            if (!sent.isEmpty()) {
                call.header("Cookie", sent.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            return call;
        }

        private HttpResult remember(URI uri, HttpResult response) {
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String[] parts = setCookie.split(";");
                int equals = parts[0].indexOf('=');
                if (equals <= 0) {
                    continue;
                }
                String name = parts[0].substring(0, equals).trim();
                String value = parts[0].substring(equals + 1).trim();
                String path = defaultPath(uri);
                boolean expired = false;
                for (int i = 1; i < parts.length; i++) {
                    String attribute = parts[i].trim();
                    String lower = attribute.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("path=")) {
                        path = attribute.substring(5);
                    } else if (lower.equals("max-age=0") || lower.startsWith("expires=thu, 01 jan 1970")) {
                        expired = true;
                    }
                }
                if (expired || value.isEmpty()) {
                    Map<String, String> cookies = byPath.get(path);
                    if (cookies != null) {
                        cookies.remove(name);
                    }
                } else {
                    byPath.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(name, value);
                }
            }
            return response;
        }

        private static String defaultPath(URI uri) {
            String path = uri.getPath();
            int slash = path == null ? -1 : path.lastIndexOf('/');
            return slash <= 0 ? "/" : path.substring(0, slash);
        }
    }
}
