package dev.latchkey.apikey.proxy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * The key a request presents to the proxy auth endpoint, and how: {@code X-Api-Key: lk_...},
 * {@code Authorization: Bearer lk_...}, or {@code Authorization: Basic} with the key as the password.
 *
 * <p>{@code X-Api-Key} wins when both headers are there, so a client can send the key to the proxy and its own
 * {@code Authorization} to the service behind it. Anything that cannot be read as one key (a repeated header, another
 * scheme, broken Base64 or UTF-8, no colon) is presented as an empty key, which validation refuses as
 * {@code malformed}: one refusal path, one reason, the same event as a malformed key.
 *
 * @param text      the key as sent, never logged; null only for {@link Source#NONE}
 * @param basicUser the Basic user name; null unless {@link Source#BASIC}
 */
record PresentedKey(Source source, String text, String basicUser) {

    static final String API_KEY_HEADER = "X-Api-Key";
    static final String AUTHORIZATION = "Authorization";

    enum Source { NONE, X_API_KEY, BEARER, BASIC, OTHER }

    private static final PresentedKey NONE = new PresentedKey(Source.NONE, null, null);

    @Override
    public String toString() {
        return "PresentedKey[" + source + "]"; // never the key
    }

    /** @param headers all values of a request header by name, null or empty when absent */
    static PresentedKey from(Function<String, List<String>> headers) {
        List<String> apiKey = headers.apply(API_KEY_HEADER);
        if (apiKey != null && !apiKey.isEmpty()) {
            return new PresentedKey(Source.X_API_KEY, apiKey.size() == 1 ? apiKey.get(0).strip() : "", null);
        }
        List<String> authorization = headers.apply(AUTHORIZATION);
        if (authorization == null || authorization.isEmpty()) {
            return NONE;
        }
        if (authorization.size() > 1) {
            return new PresentedKey(Source.OTHER, "", null);
        }
        String value = authorization.get(0).strip();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        String credentials = space < 0 ? "" : value.substring(space + 1).stripLeading();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return new PresentedKey(Source.BEARER, credentials, null);
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            return basic(credentials);
        }
        return new PresentedKey(Source.OTHER, "", null);
    }

    /** RFC 7617: Base64 of {@code user-id ":" password}; the user id cannot hold a colon, the password can. */
    private static PresentedKey basic(String credentials) {
        String decoded;
        try {
            byte[] bytes = Base64.getDecoder().decode(credentials);
            // UTF-8, the charset RFC 7617 lets a server ask for and what curl and git send on a UTF-8 system
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException unreadable) {
            return new PresentedKey(Source.BASIC, "", "");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return new PresentedKey(Source.BASIC, "", "");
        }
        return new PresentedKey(Source.BASIC, decoded.substring(colon + 1), decoded.substring(0, colon));
    }

    /**
     * Whether a 401 should also offer Basic: when the request used Basic or another scheme, or sent nothing. Tools
     * such as git and browsers first ask without credentials and send Basic only when a Basic challenge asks for it.
     */
    boolean offerBasic() {
        return source == Source.NONE || source == Source.BASIC || source == Source.OTHER;
    }
}
