package dev.latchkey.apikey.leak;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.common.LatchkeyError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.util.JsonSerialization;

/**
 * The body of a leak report, {@code {"keys": ["lk_...", ...], "source": "where it was found"}}, checked: 1 to
 * {@value #MAX_KEYS} keys as JSON strings, an optional source of up to {@value #MAX_SOURCE} characters without control
 * characters. Anything else is a 400 that names the rule, never a key.
 */
record LeakReportRequest(List<String> keys, String source) {

    static final int MAX_KEYS = 1000;
    static final int MAX_SOURCE = 500;

    static LeakReportRequest parse(byte[] body) {
        JsonNode json = readJson(body);
        if (!json.isObject()) {
            throw LatchkeyError.badRequest("The body must be a JSON object {\"keys\": [...], \"source\": \"...\"}");
        }
        JsonNode keys = json.get("keys");
        if (keys == null || !keys.isArray() || keys.isEmpty()) {
            throw LatchkeyError.badRequest("'keys' must be a list of 1 to " + MAX_KEYS + " keys");
        }
        if (keys.size() > MAX_KEYS) {
            throw LatchkeyError.badRequest("At most " + MAX_KEYS + " keys per report");
        }
        List<String> texts = new ArrayList<>(keys.size());
        for (JsonNode key : keys) {
            if (!key.isTextual()) {
                throw LatchkeyError.badRequest("Each entry of 'keys' must be a key as a JSON string");
            }
            texts.add(key.asText());
        }
        return new LeakReportRequest(List.copyOf(texts), source(json.get("source")));
    }

    static JsonNode readJson(byte[] body) {
        if (body == null || body.length == 0) {
            throw LatchkeyError.badRequest("The body must be JSON");
        }
        try {
            JsonNode json = JsonSerialization.mapper.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw LatchkeyError.badRequest("The body must be JSON");
            }
            return json;
        } catch (IOException e) {
            throw LatchkeyError.badRequest("The body is not valid JSON");
        }
    }

    /** Where the key was found; null when not given. */
    static String source(JsonNode source) {
        if (source == null || source.isNull()) {
            return null;
        }
        if (!source.isTextual()) {
            throw LatchkeyError.badRequest("'source' must be text");
        }
        String text = source.asText().strip();
        if (text.codePointCount(0, text.length()) > MAX_SOURCE) {
            throw LatchkeyError.badRequest("'source' must be at most " + MAX_SOURCE + " characters");
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            throw LatchkeyError.badRequest("'source' must not contain control characters");
        }
        return text.isEmpty() ? null : text;
    }
}
