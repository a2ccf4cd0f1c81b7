package dev.latchkey.apikey.format;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tag a realm puts in the keys it mints: HMAC-SHA256 with the realm's own 256-bit secret over the key's payload
 * (version, ids and secret), cut to {@value #TAG_BYTES} bytes. Validation checks it before any lookup, so a key the
 * realm did not mint costs no database or user-storage access whatever ids it names.
 *
 * <p>The tag only decides whether a key is worth looking up; the stored hash of the secret still decides whether it
 * is valid. Someone who knows the MAC secret (it is kept in the realm, so a copy of the database holds it) can make
 * keys that are looked up, as anyone could before tags existed, but still cannot make one that validates.
 */
public final class KeyMac {

    public static final int TAG_BYTES = 16;
    /** Length of a MAC secret; as long as HMAC-SHA256's output, so the secret is never the weak part. */
    public static final int SECRET_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec secret;

    private KeyMac(byte[] secret) {
        this.secret = new SecretKeySpec(secret, ALGORITHM);
    }

    /** A fresh secret in its stored form (Base64). */
    public static String newSecret(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }

    /** @return the MAC for a stored secret, or null when the text is not a secret of the right length */
    public static KeyMac fromStored(String stored) {
        if (stored == null) {
            return null;
        }
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(stored);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return secret.length == SECRET_BYTES ? new KeyMac(secret) : null;
    }

    /** Whether the key carries this realm's tag; a key without a tag never does. Constant-time comparison. */
    public boolean verifies(ApiKey key) {
        return key.isSigned() && MessageDigest.isEqual(tag(key.signedPart()), key.tag());
    }

    byte[] tag(byte[] signedPart) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return Arrays.copyOf(mac.doFinal(signedPart), TAG_BYTES);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "KeyMac[secret hidden]";
    }
}
