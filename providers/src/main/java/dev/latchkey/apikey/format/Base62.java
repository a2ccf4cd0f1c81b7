package dev.latchkey.apikey.format;

import java.math.BigInteger;

/**
 * Base62 ({@code 0-9A-Za-z}) so that a key is one "word": a double click selects all of it and no URL or shell
 * escaping is ever needed.
 */
final class Base62 {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(62);
    private static final int[] DIGIT_VALUES = new int[128];

    static {
        java.util.Arrays.fill(DIGIT_VALUES, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            DIGIT_VALUES[ALPHABET.charAt(i)] = i;
        }
    }

    private Base62() {
    }

    /** Encodes a non-negative number as exactly {@code width} digits, left-padded with '0'. */
    static String encode(BigInteger value, int width) {
        char[] digits = new char[width];
        BigInteger rest = value;
        for (int i = width - 1; i >= 0; i--) {
            BigInteger[] qr = rest.divideAndRemainder(BASE);
            digits[i] = ALPHABET.charAt(qr[1].intValue());
            rest = qr[0];
        }
        if (rest.signum() != 0) {
            throw new IllegalArgumentException("value does not fit in " + width + " base62 digits");
        }
        return new String(digits);
    }

    static String encode(long value, int width) {
        return encode(BigInteger.valueOf(value), width);
    }

    /**
     * Decodes digits {@code [from, to)} into the value's minimal unsigned big-endian bytes (one zero byte for zero),
     * as {@code BigInteger.toByteArray()} without its sign byte would give. This runs on every validation, so it works
     * on 32-bit limbs, five digits at a time (62^5 < 2^30), instead of building a BigInteger per step.
     *
     * @return the bytes, or {@code null} when a character is not a base62 digit.
     */
    static byte[] decodeBytes(CharSequence text, int from, int to) {
        int[] limbs = new int[maxBytesForWidth(to - from) / 4 + 1]; // least significant first
        int i = from;
        while (i < to) {
            int end = Math.min(i + 5, to);
            long chunk = 0;
            long scale = 1;
            for (int j = i; j < end; j++) {
                int v = digit(text.charAt(j));
                if (v < 0) {
                    return null;
                }
                chunk = chunk * 62 + v;
                scale *= 62;
            }
            long carry = chunk;
            for (int k = 0; k < limbs.length; k++) {
                long t = (limbs[k] & 0xffffffffL) * scale + carry;
                limbs[k] = (int) t;
                carry = t >>> 32;
            }
            i = end;
        }
        return toMinimalBytes(limbs);
    }

    /** Decodes at most 10 digits (62^10 < 2^63). @return the value, or -1 when a character is not a base62 digit. */
    static long decodeLong(CharSequence text, int from, int to) {
        if (to - from > 10) {
            throw new IllegalArgumentException("at most 10 digits fit in a long");
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int v = digit(text.charAt(i));
            if (v < 0) {
                return -1;
            }
            value = value * 62 + v;
        }
        return value;
    }

    private static byte[] toMinimalBytes(int[] limbs) {
        byte[] bytes = new byte[limbs.length * 4];
        for (int k = 0; k < limbs.length; k++) {
            int limb = limbs[k];
            int at = bytes.length - 4 * (k + 1);
            bytes[at] = (byte) (limb >>> 24);
            bytes[at + 1] = (byte) (limb >>> 16);
            bytes[at + 2] = (byte) (limb >>> 8);
            bytes[at + 3] = (byte) limb;
        }
        int first = 0;
        while (first < bytes.length - 1 && bytes[first] == 0) {
            first++;
        }
        return java.util.Arrays.copyOfRange(bytes, first, bytes.length);
    }

    /** Number of bytes that can hold any value of {@code width} base62 digits. */
    static int maxBytesForWidth(int width) {
        return (int) Math.ceil(width * (Math.log(62) / Math.log(2)) / 8);
    }

    static boolean isDigit(char c) {
        return digit(c) >= 0;
    }

    private static int digit(char c) {
        return c < 128 ? DIGIT_VALUES[c] : -1;
    }

    /** Number of base62 digits that can hold any value of {@code bytes} bytes. */
    static int widthForBytes(int bytes) {
        return (int) Math.ceil(bytes * 8 / (Math.log(62) / Math.log(2)));
    }
}
