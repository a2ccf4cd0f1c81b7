package dev.latchkey.it.support;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a browser keeps between the requests of a login: its cookies.
 *
 * <p>Keycloak marks its login cookies {@code Secure} even on http://localhost (browsers treat localhost as a secure
 * context); java.net.CookieManager would not send them over http, so this jar keeps name=value pairs itself.
 * One session talks to one server, so domain and path are not tracked.
 */
final class BrowserSession {

    private final Http http;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    BrowserSession(Http http) {
        this.http = http;
    }

    HttpResult get(URI uri) {
        return remember(withCookies(http.get(uri.toString())).accept("text/html").send());
    }

    HttpResult postForm(URI uri, Map<String, String> fields) {
        return remember(withCookies(http.post(uri.toString())).form(fields).send());
    }

    private Http.Call withCookies(Http.Call call) {
        if (!cookies.isEmpty()) {
            call.header("Cookie", cookies.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return call;
    }

    private HttpResult remember(HttpResult response) {
        List<String> setCookies = response.headers().allValues("Set-Cookie");
        for (String setCookie : setCookies) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals > 0) {
                String name = pair.substring(0, equals).trim();
                String value = pair.substring(equals + 1).trim();
                if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
        }
        return response;
    }
}
