package dev.latchkey.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * java.net.http without the ceremony: {@code http.get(url).bearer(token).accept(JSON).send()}.
 * Redirects are never followed, so tests see them.
 */
public final class Http {

    public static final String JSON = "application/json";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public Call get(String url) {
        return new Call("GET", url);
    }

    public Call post(String url) {
        return new Call("POST", url);
    }

    public Call put(String url) {
        return new Call("PUT", url);
    }

    public Call delete(String url) {
        return new Call("DELETE", url);
    }

    public Call request(String method, String url) {
        return new Call(method, url);
    }

    static String formEncode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** One request being put together; {@link #send()} performs it. */
    public final class Call {
        private final String method;
        private final URI uri;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        private Call(String method, String url) {
            this.method = method;
            this.uri = URI.create(url);
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call bearer(String accessToken) {
            return header("Authorization", "Bearer " + accessToken);
        }

        public Call accept(String mediaType) {
            return header("Accept", mediaType);
        }

        /** A JSON body: a Jackson node, a Map, a record... or a String that already is JSON. */
        public Call json(Object value) {
            header("Content-Type", JSON);
            body = HttpRequest.BodyPublishers.ofString(value instanceof String text ? text : Json.write(value));
            return this;
        }

        /** A body exactly as given, for requests that must be malformed or unusual. */
        public Call body(String contentType, String text) {
            header("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofString(text);
            return this;
        }

        public Call form(Map<String, String> fields) {
            header("Content-Type", "application/x-www-form-urlencoded");
            body = HttpRequest.BodyPublishers.ofString(formEncode(fields));
            return this;
        }

        public HttpResult send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).method(method, body);
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new HttpResult(method, uri, response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + uri + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted during " + method + " " + uri, e);
            }
        }
    }
}
