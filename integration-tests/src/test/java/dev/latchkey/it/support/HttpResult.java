package dev.latchkey.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Arrays;
import java.util.Optional;

/** A finished HTTP exchange: status, headers and body as text. */
public record HttpResult(String method, URI uri, int status, HttpHeaders headers, String body) {

    public JsonNode json() {
        return Json.parse(body);
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    public boolean isRedirect() {
        return status >= 300 && status < 400 && header("Location").isPresent();
    }

    /** The redirect target, resolved against the request URI. */
    public URI location() {
        return uri.resolve(header("Location").orElseThrow(() -> new AssertionError("No Location header: " + this)));
    }

    /** Fails with the whole exchange in the message unless the status is one of the expected ones. */
    public HttpResult expectStatus(int... expected) {
        if (Arrays.stream(expected).noneMatch(code -> code == status)) {
            throw new AssertionError("Expected HTTP " + Arrays.toString(expected) + " but got " + this);
        }
        return this;
    }

    @Override
    public String toString() {
        return status + " for " + method + " " + uri + " (" + contentType() + "): " + Json.abbreviate(body);
    }
}
