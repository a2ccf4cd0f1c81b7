package dev.latchkey.apikey.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base62Test {

    @Test
    void decodeBytesGivesTheSameBytesAsBigInteger() {
        Random random = new Random(62);
        for (int round = 0; round < 2_000; round++) {
            int length = 1 + random.nextInt(300);
            byte[] value = new byte[length];
            random.nextBytes(value);
            if (random.nextInt(4) == 0) {
                Arrays.fill(value, 0, random.nextInt(length), (byte) 0); // leading zeros, down to the value zero
            }
            BigInteger number = new BigInteger(1, value);
            int width = Base62.widthForBytes(length);
            String text = "xx" + Base62.encode(number, width) + "yy";

            byte[] decoded = Base62.decodeBytes(text, 2, 2 + width);

            assertThat(decoded).as("length %d: %s", length, text).isEqualTo(minimal(number));
        }
    }

    @Test
    void decodeBytesRefusesNonDigits() {
        assertThat(Base62.decodeBytes("abc-def", 0, 7)).isNull();
        assertThat(Base62.decodeBytes("abcdefgh\u00e9", 0, 9)).isNull();
    }

    @Test
    void decodeLongReadsTheChecksumWidth() {
        assertThat(Base62.decodeLong("000000", 0, 6)).isEqualTo(0L);
        assertThat(Base62.decodeLong(Base62.encode(4_294_967_295L, 6), 0, 6)).isEqualTo(4_294_967_295L);
        assertThat(Base62.decodeLong("zz", 0, 2)).isEqualTo(61L * 62 + 61);
        assertThat(Base62.decodeLong("00_000", 0, 6)).isEqualTo(-1L);
    }

    private static byte[] minimal(BigInteger number) {
        byte[] bytes = number.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
