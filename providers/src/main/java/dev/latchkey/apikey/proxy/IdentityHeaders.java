package dev.latchkey.apikey.proxy;

import dev.latchkey.apikey.validation.ValidationOutcome;
import dev.latchkey.roles.RoleNames;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.keycloak.models.UserModel;

/**
 * The headers an active key's check answers with, for the proxy to pass on to the service behind it.
 *
 * <p>Every value is UTF-8, percent-encoded: each byte other than {@code A-Z a-z 0-9 - . _ ~ @} is sent as
 * {@code %XX}. Usernames, emails and role names may hold any character, and a header value may not hold CR or LF,
 * and proxies treat other bytes differently (some drop, some pass, some refuse them). With this rule nothing unsafe
 * reaches a header, a plain value (a UUID, {@code alice}, {@code alice@example.com}) arrives unchanged, and every
 * percent-decoder (JavaScript's decodeURIComponent, Python's unquote, Java's URLDecoder) gives back the original
 * text: {@code +} is encoded too, so decoders that read {@code +} as a space agree. Roles are encoded one by one and
 * joined with commas, so a comma in the list always separates two roles.
 */
final class IdentityHeaders {

    static final String USER_ID = "X-Latchkey-User-Id";
    static final String USERNAME = "X-Latchkey-Username";
    static final String EMAIL = "X-Latchkey-Email";
    static final String EMAIL_VERIFIED = "X-Latchkey-Email-Verified";
    static final String ROLES = "X-Latchkey-Roles";
    static final String KEY_ID = "X-Latchkey-Key-Id";
    static final String ORGANIZATION = "X-Latchkey-Organization";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private IdentityHeaders() {
    }

    /** The headers for an active key, in a fixed order. */
    static Map<String, String> of(ValidationOutcome active) {
        UserModel owner = active.owner();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(USER_ID, encode(owner.getId()));
        headers.put(USERNAME, encode(owner.getUsername()));
        if (owner.getEmail() != null) {
            headers.put(EMAIL, encode(owner.getEmail()));
            // as email_verified in the validation answer: a service that maps callers by email can tell an
            // address nobody proved
            headers.put(EMAIL_VERIFIED, Boolean.toString(owner.isEmailVerified()));
        }
        headers.put(ROLES, RoleNames.of(active.permissions().roles()).realm().stream()
                .map(IdentityHeaders::encode)
                .collect(Collectors.joining(",")));
        headers.put(KEY_ID, encode(active.credential().getId()));
        String organization = active.credential().data().organization();
        if (organization != null) {
            headers.put(ORGANIZATION, encode(organization));
        }
        return headers;
    }

    static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder encoded = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '@') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return encoded.toString();
    }
}
