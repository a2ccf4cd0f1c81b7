package dev.latchkey.apikey.format;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.CRC32;

/** Key texts as Latchkey minted them before tags (versions 1 and 2), and any payload as key text, for tests. */
final class OldFormatKeyText {

    private OldFormatKeyText() {
    }

    static String v1(UUID credentialId, UUID userId, byte[] secret) {
        return text(ByteBuffer.allocate(65).put((byte) 1)
                .putLong(credentialId.getMostSignificantBits()).putLong(credentialId.getLeastSignificantBits())
                .putLong(userId.getMostSignificantBits()).putLong(userId.getLeastSignificantBits())
                .put(secret).array());
    }

    static String v2(UUID credentialId, String userId, byte[] secret) {
        byte[] user = userId.getBytes(StandardCharsets.UTF_8);
        return text(ByteBuffer.allocate(1 + 16 + 1 + user.length + 32).put((byte) 2)
                .putLong(credentialId.getMostSignificantBits()).putLong(credentialId.getLeastSignificantBits())
                .put((byte) user.length).put(user).put(secret).array());
    }

    /** Any payload with a valid checksum: what anyone can compute without the realm's secret. */
    static String text(byte[] payload) {
        String body = ApiKeyFormat.PREFIX + Base62.encode(new BigInteger(1, payload), Base62.widthForBytes(payload.length));
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return body + Base62.encode(crc.getValue(), ApiKeyFormat.CHECKSUM_WIDTH);
    }
}
