package dev.latchkey.apikey.format;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Hashes the secret part of a key. A plain SHA-256 is enough: the secret is 256 random bits, so there is nothing to
 * guess and no need for a slow, salted password hash (which would put milliseconds on every validation).
 */
public final class SecretHasher {

    public static final String ALGORITHM = "SHA-256";

    private SecretHasher() {
    }

    public static String hash(byte[] secret) {
        return Base64.getEncoder().encodeToString(digest(secret));
    }

    /** Whether a stored hash has the shape this hasher writes (Base64 of a SHA-256 digest). */
    public static boolean isWellFormed(String storedHash) {
        if (storedHash == null) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(storedHash).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Constant-time comparison of a presented secret against a stored hash. */
    public static boolean matches(byte[] secret, String storedHash) {
        if (storedHash == null) {
            return false;
        }
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(digest(secret), expected);
    }

    private static byte[] digest(byte[] secret) {
        try {
            return MessageDigest.getInstance(ALGORITHM).digest(secret);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
