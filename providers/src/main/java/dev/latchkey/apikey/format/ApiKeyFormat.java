package dev.latchkey.apikey.format;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * The text form of an API key.
 *
 * <pre>
 * lk_ BODY CHECKSUM
 *   BODY     = base62 of PAYLOAD, fixed width for the payload's length
 *   PAYLOAD  = 0x03 | credential id (16 bytes, UUID) | user id (16 bytes, UUID) | secret (32 bytes) | tag (16 bytes)
 *            | 0x04 | credential id (16) | length (1) | user id (UTF-8, 1..255 bytes) | secret (32) | tag (16)
 *            | 0x01 | ... as 0x03 without the tag     (minted before the tag existed; still read)
 *            | 0x02 | ... as 0x04 without the tag
 *   TAG      = the realm's MAC of everything before it ({@link KeyMac})
 *   CHECKSUM = CRC32 of "lk_" + BODY as 6 base62 digits
 * </pre>
 *
 * The ids let validation go straight to the stored credential (no table scan); the checksum lets typos and truncated
 * keys be refused before any lookup, and lets a secret scanner recognise a key offline. Anyone can compute a
 * checksum, so the tag is what proves that the realm minted the key: a key whose tag does not verify is refused
 * before its ids are looked up. The credential id comes first so that the start of a key (its hint) differs
 * between the keys of one user. Versions 2 and 4 exist for users whose id is not a UUID (e.g. user storage providers
 * without import).
 */
public final class ApiKeyFormat {

    public static final String PREFIX = "lk_";
    /** Longest key text we even look at; anything longer is refused before decoding. */
    public static final int MAX_LENGTH = 512;
    public static final int SECRET_BYTES = 32;
    public static final int HINT_LENGTH = PREFIX.length() + 8;

    static final int CHECKSUM_WIDTH = 6;
    private static final byte VERSION_UUID = 1;
    private static final byte VERSION_TEXT_USER_ID = 2;
    private static final byte VERSION_SIGNED_UUID = 3;
    private static final byte VERSION_SIGNED_TEXT_USER_ID = 4;
    private static final int UUID_BYTES = 16;
    private static final int V1_PAYLOAD = 1 + UUID_BYTES + UUID_BYTES + SECRET_BYTES;
    private static final int V1_WIDTH = Base62.widthForBytes(V1_PAYLOAD);

    private final SecureRandom random;

    public ApiKeyFormat(SecureRandom random) {
        this.random = random;
    }

    /** Mints a new key for the given owner and credential id, with a fresh secret, tagged with the realm's MAC. */
    public ApiKey generate(String userId, UUID credentialId, KeyMac mac) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        byte[] signed = signedPart(credentialId, userId, secret);
        byte[] tag = mac.tag(signed);
        byte[] payload = ByteBuffer.allocate(signed.length + tag.length).put(signed).put(tag).array();
        return new ApiKey(credentialId.toString(), userId, secret, encode(payload), signed, tag);
    }

    private static byte[] signedPart(UUID credentialId, String userId, byte[] secret) {
        UUID userUuid = parseCanonicalUuid(userId);
        ByteBuffer payload;
        if (userUuid != null) {
            payload = ByteBuffer.allocate(V1_PAYLOAD).put(VERSION_SIGNED_UUID);
            putUuid(payload, credentialId);
            putUuid(payload, userUuid);
        } else {
            byte[] userBytes = userId.getBytes(StandardCharsets.UTF_8);
            if (userBytes.length == 0 || userBytes.length > 255) {
                throw new IllegalArgumentException("user id must be 1-255 bytes");
            }
            payload = ByteBuffer.allocate(1 + UUID_BYTES + 1 + userBytes.length + SECRET_BYTES)
                    .put(VERSION_SIGNED_TEXT_USER_ID);
            putUuid(payload, credentialId);
            payload.put((byte) userBytes.length).put(userBytes);
        }
        return payload.put(secret).array();
    }

    private static String encode(byte[] payload) {
        String body = PREFIX + Base62.encode(new BigInteger(1, payload), Base62.widthForBytes(payload.length));
        return body + Base62.encode(crc32(body, body.length()), CHECKSUM_WIDTH);
    }

    /**
     * Parses key text without touching storage.
     *
     * @return the parsed key, or {@code null} with the reason in {@code failure} when it is not a well-formed key.
     */
    public static ParseResult parse(String text) {
        if (text == null || text.isEmpty()) {
            return ParseResult.failed(ParseFailure.MALFORMED);
        }
        int length = text.length();
        if (length > MAX_LENGTH || length < PREFIX.length() + V1_WIDTH + CHECKSUM_WIDTH || !text.startsWith(PREFIX)) {
            return ParseResult.failed(ParseFailure.MALFORMED);
        }
        int checksumStart = length - CHECKSUM_WIDTH;
        for (int i = PREFIX.length(); i < length; i++) {
            if (!Base62.isDigit(text.charAt(i))) {
                return ParseResult.failed(ParseFailure.MALFORMED);
            }
        }
        if (Base62.decodeLong(text, checksumStart, length) != crc32(text, checksumStart)) {
            return ParseResult.failed(ParseFailure.BAD_CHECKSUM);
        }
        byte[] payload = Base62.decodeBytes(text, PREFIX.length(), checksumStart);
        if (payload == null) {
            return ParseResult.failed(ParseFailure.MALFORMED);
        }
        return decodePayload(payload, checksumStart - PREFIX.length(), text);
    }

    private static ParseResult decodePayload(byte[] bytes, int bodyWidth, String text) {
        if (bytes.length < 1 + UUID_BYTES + 1 + SECRET_BYTES || Base62.widthForBytes(bytes.length) != bodyWidth) {
            return ParseResult.failed(ParseFailure.MALFORMED);
        }
        ByteBuffer payload = ByteBuffer.wrap(bytes);
        byte version = payload.get();
        if (version < VERSION_UUID || version > VERSION_SIGNED_TEXT_USER_ID) {
            return ParseResult.failed(ParseFailure.MALFORMED);
        }
        boolean signed = version == VERSION_SIGNED_UUID || version == VERSION_SIGNED_TEXT_USER_ID;
        int tagBytes = signed ? KeyMac.TAG_BYTES : 0;
        UUID credentialId = new UUID(payload.getLong(), payload.getLong());
        String userId;
        if (version == VERSION_UUID || version == VERSION_SIGNED_UUID) {
            if (bytes.length != V1_PAYLOAD + tagBytes) {
                return ParseResult.failed(ParseFailure.MALFORMED);
            }
            userId = new UUID(payload.getLong(), payload.getLong()).toString();
        } else {
            int userLength = payload.get() & 0xff;
            if (userLength == 0 || payload.remaining() != userLength + SECRET_BYTES + tagBytes) {
                return ParseResult.failed(ParseFailure.MALFORMED);
            }
            byte[] userBytes = new byte[userLength];
            payload.get(userBytes);
            userId = new String(userBytes, StandardCharsets.UTF_8);
        }
        byte[] secret = new byte[SECRET_BYTES];
        payload.get(secret);
        if (!signed) {
            return ParseResult.parsed(new ApiKey(credentialId.toString(), userId, secret, text, null, null));
        }
        byte[] tag = new byte[KeyMac.TAG_BYTES];
        payload.get(tag);
        return ParseResult.parsed(new ApiKey(credentialId.toString(), userId, secret, text,
                Arrays.copyOf(bytes, bytes.length - KeyMac.TAG_BYTES), tag));
    }

    /** A short, non-secret prefix shown to the owner to recognise a key: derived from the version and credential id. */
    public static String hint(String keyText) {
        return keyText.substring(0, HINT_LENGTH);
    }

    private static long crc32(String text, int end) {
        CRC32 crc = new CRC32();
        // Key text is ASCII (checked before), so its Latin-1 bytes are its characters; one update call, not one per char.
        crc.update(text.getBytes(StandardCharsets.ISO_8859_1), 0, end);
        return crc.getValue();
    }

    private static void putUuid(ByteBuffer buffer, UUID uuid) {
        buffer.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    }

    private static UUID parseCanonicalUuid(String id) {
        if (id == null || id.length() != 36) {
            return null;
        }
        try {
            UUID uuid = UUID.fromString(id);
            return uuid.toString().equals(id) ? uuid : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
