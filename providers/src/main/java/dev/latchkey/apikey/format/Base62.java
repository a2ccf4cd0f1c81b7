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

    /** @return the value, or {@code null} when a character is not a base62 digit. */
    static BigInteger decode(CharSequence text, int from, int to) {
        // Accumulate in a long while it cannot overflow (10 digits < 2^63), then fold into the BigInteger.
        BigInteger result = BigInteger.ZERO;
        int i = from;
        while (i < to) {
            int end = Math.min(i + 10, to);
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
            result = result.multiply(BigInteger.valueOf(scale)).add(BigInteger.valueOf(chunk));
            i = end;
        }
        return result;
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
