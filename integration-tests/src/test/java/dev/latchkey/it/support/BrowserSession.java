package dev.latchkey.it.support;

import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a browser keeps between the requests of a login: its cookies, per path.
 *
 * <p>Keycloak marks its login cookies {@code Secure} even on http://localhost (browsers treat localhost as a secure
 * context); java.net.CookieManager would not send them over http, so this jar is kept here. Paths matter: every realm
 * sets {@code AUTH_SESSION_ID} and friends under its own {@code /realms/<name>/}, and a login through an identity
 * provider visits two realms. One session talks to one server, so the domain is not tracked.
 */
final class BrowserSession {

    private final Http http;
    /** path -> (name -> value) */
    private final Map<String, Map<String, String>> cookies = new LinkedHashMap<>();

    BrowserSession(Http http) {
        this.http = http;
    }

    HttpResult get(URI uri) {
        return remember(uri, withCookies(uri, http.get(uri.toString())).accept("text/html").send());
    }

    HttpResult postForm(URI uri, Map<String, String> fields) {
        return remember(uri, withCookies(uri, http.post(uri.toString())).form(fields).send());
    }

    /** A POST with a bearer token, e.g. to an admin endpoint that answers with cookies for the browser. */
    HttpResult postWithBearer(URI uri, String accessToken) {
        return remember(uri, withCookies(uri, http.post(uri.toString())).bearer(accessToken).send());
    }

    /** Cookies whose path covers the request's, the most specific path first, as browsers order them. */
    private Http.Call withCookies(URI uri, Http.Call call) {
        String requestPath = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        String header = cookies.entrySet().stream()
                .filter(entry -> pathMatches(requestPath, entry.getKey()))
                .sorted(Comparator.comparingInt((Map.Entry<String, Map<String, String>> e) -> e.getKey().length())
                        .reversed())
                .flatMap(entry -> entry.getValue().entrySet().stream())
                .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
        if (!header.isEmpty()) {
            call.header("Cookie", header);
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
            boolean expired = value.isEmpty();
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].trim().toLowerCase(Locale.ROOT);
                if (attribute.startsWith("path=")) {
                    path = parts[i].trim().substring("path=".length());
                } else if (attribute.equals("max-age=0") || attribute.startsWith("expires=thu, 01 jan 1970")) {
                    expired = true;
                }
            }
            if (expired) {
                Map<String, String> atPath = cookies.get(path);
                if (atPath != null) {
                    atPath.remove(name);
                }
            } else {
                cookies.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(name, value);
            }
        }
        return response;
    }

    /** RFC 6265 5.1.4: equal, or the cookie path is a prefix ending at a "/". */
    private static boolean pathMatches(String requestPath, String cookiePath) {
        return requestPath.equals(cookiePath)
                || requestPath.startsWith(cookiePath)
                && (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/');
    }

    /** RFC 6265 5.1.4: the request path up to its last "/". */
    private static String defaultPath(URI uri) {
        String path = uri.getPath();
        if (path == null || !path.startsWith("/") || path.lastIndexOf('/') == 0) {
            return "/";
        }
        return path.substring(0, path.lastIndexOf('/'));
    }
}
