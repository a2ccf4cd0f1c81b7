package dev.latchkey.it.apikey;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Key texts anyone can compute without the realm's secret: valid prefix and checksum, any ids; and, given a realm's
 * tag secret, keys as that realm mints them. Written here from the README's description of the format (not with
 * Latchkey's classes), as an attacker or an old Latchkey would.
 */
final class KeyTextForger {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyTextForger() {
    }

    /** A key of the current format (version 3) with a made-up tag. */
    static String tagged(UUID credentialId, UUID userId) {
        return text(payload(3, credentialId, userId, random(32 + 16)));
    }

    /** A key of the current format as the realm holding {@code macSecret} mints it: tag = HMAC-SHA256, 16 bytes. */
    static String tagged(UUID credentialId, UUID userId, byte[] secret, byte[] macSecret)
            throws GeneralSecurityException {
        byte[] signed = payload(3, credentialId, userId, secret);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(macSecret, "HmacSHA256"));
        byte[] tag = Arrays.copyOf(mac.doFinal(signed), 16);
        return text(ByteBuffer.allocate(signed.length + tag.length).put(signed).put(tag).array());
    }

    /** A key of the format before tags (version 1), as Latchkey minted them until then. */
    static String oldFormat(UUID credentialId, UUID userId, byte[] secret) {
        return text(payload(1, credentialId, userId, secret));
    }

    static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }

    private static byte[] payload(int version, UUID credentialId, UUID userId, byte[] rest) {
        return ByteBuffer.allocate(1 + 16 + 16 + rest.length).put((byte) version)
                .putLong(credentialId.getMostSignificantBits()).putLong(credentialId.getLeastSignificantBits())
                .putLong(userId.getMostSignificantBits()).putLong(userId.getLeastSignificantBits())
                .put(rest).array();
    }

    private static String text(byte[] payload) {
        int width = (int) Math.ceil(payload.length * 8 / (Math.log(62) / Math.log(2)));
        String body = "lk_" + base62(new BigInteger(1, payload), width);
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return body + base62(BigInteger.valueOf(crc.getValue()), 6);
    }

    private static String base62(BigInteger value, int width) {
        char[] digits = new char[width];
        BigInteger rest = value;
        for (int i = width - 1; i >= 0; i--) {
            BigInteger[] qr = rest.divideAndRemainder(BigInteger.valueOf(62));
            digits[i] = ALPHABET.charAt(qr[1].intValue());
            rest = qr[0];
        }
        return new String(digits);
    }
}
