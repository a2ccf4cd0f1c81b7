package dev.latchkey.apikey.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyFormatTest {

    private static final KeyMac MAC = KeyMac.fromStored(KeyMac.newSecret(new SecureRandom()));
    private final ApiKeyFormat format = new ApiKeyFormat(new SecureRandom());
    private final String userId = UUID.randomUUID().toString();

    @Test
    @DisplayName("Given a UUID user id, then the key is lk_ plus 115 base62 characters, tagged, and parses back to its parts")
    void roundTripsUuidUser() {
        UUID credentialId = UUID.randomUUID();
        ApiKey key = format.generate(userId, credentialId, MAC);

        assertThat(key.text()).matches("lk_[0-9A-Za-z]{115}");
        ParseResult parsed = ApiKeyFormat.parse(key.text());
        assertThat(parsed.isValid()).isTrue();
        assertThat(parsed.key().isSigned()).isTrue();
        assertThat(MAC.verifies(parsed.key())).isTrue();
        assertThat(parsed.key().credentialId()).isEqualTo(credentialId.toString());
        assertThat(parsed.key().userId()).isEqualTo(userId);
        assertThat(parsed.key().secret()).isEqualTo(key.secret());
    }

    @Test
    @DisplayName("Given a user id that is not a UUID (user storage without import), then it round-trips too")
    void roundTripsTextUserId() {
        String federatedId = "f:1f4c8a2e-6b7d-4e0a-9c3b-2d5e8f1a7b6c:jdoe";
        ApiKey key = format.generate(federatedId, UUID.randomUUID(), MAC);

        ParseResult parsed = ApiKeyFormat.parse(key.text());
        assertThat(parsed.isValid()).isTrue();
        assertThat(parsed.key().userId()).isEqualTo(federatedId);
        assertThat(MAC.verifies(parsed.key())).isTrue();
    }

    @Test
    @DisplayName("Given leading zero bytes in ids and secret, then nothing is lost")
    void keepsLeadingZeros() {
        String zeroUser = new UUID(0, 1).toString();
        ApiKey key = new ApiKeyFormat(new ZeroRandom()).generate(zeroUser, new UUID(0, 0), MAC);

        ParseResult parsed = ApiKeyFormat.parse(key.text());
        assertThat(parsed.isValid()).isTrue();
        assertThat(parsed.key().userId()).isEqualTo(zeroUser);
        assertThat(parsed.key().secret()).containsOnly((byte) 0);
    }

    @Test
    @DisplayName("Given many keys, then every secret is distinct (secure random, 256 bits)")
    void secretsAreUnique() {
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            texts.add(format.generate(userId, UUID.randomUUID(), MAC).text());
        }
        assertThat(texts).hasSize(1000);
    }

    @Test
    @DisplayName("Given any single character changed, then the checksum refuses the key")
    void everySingleCharacterChangeIsRefused() {
        String text = format.generate(userId, UUID.randomUUID(), MAC).text();
        for (int i = ApiKeyFormat.PREFIX.length(); i < text.length(); i++) {
            char original = text.charAt(i);
            char replacement = original == 'a' ? 'b' : 'a';
            String tampered = text.substring(0, i) + replacement + text.substring(i + 1);
            ParseResult parsed = ApiKeyFormat.parse(tampered);
            assertThat(parsed.isValid()).as("changed position %d", i).isFalse();
        }
    }

    @Test
    @DisplayName("Given a truncated key, then it is refused")
    void truncatedIsRefused() {
        String text = format.generate(userId, UUID.randomUUID(), MAC).text();
        assertThat(ApiKeyFormat.parse(text.substring(0, text.length() - 1)).isValid()).isFalse();
        assertThat(ApiKeyFormat.parse(text.substring(0, 50)).failure()).isEqualTo(ParseFailure.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "lk_", "gh_abc", "Bearer lk_abc", "lk_ü", "lk_\u0000\u0000"})
    @DisplayName("Given text that is not a key, then it is malformed")
    void garbageIsMalformed(String text) {
        assertThat(ApiKeyFormat.parse(text).failure()).isEqualTo(ParseFailure.MALFORMED);
    }

    @Test
    @DisplayName("Given null, whitespace around a key, a wrong prefix or 10 KB, then the key is refused")
    void edgeCasesAreRefused() {
        String text = format.generate(userId, UUID.randomUUID(), MAC).text();
        assertThat(ApiKeyFormat.parse(null).isValid()).isFalse();
        assertThat(ApiKeyFormat.parse(" " + text).isValid()).isFalse();
        assertThat(ApiKeyFormat.parse(text + "\n").isValid()).isFalse();
        assertThat(ApiKeyFormat.parse("LK_" + text.substring(3)).isValid()).isFalse();
        assertThat(ApiKeyFormat.parse("lk_" + "a".repeat(10_000)).failure()).isEqualTo(ParseFailure.MALFORMED);
    }

    @Test
    @DisplayName("Given a key, then its hint is its first characters and contains no secret material")
    void hintIsPrefixOfCredentialPart() {
        UUID credentialId = UUID.randomUUID();
        ApiKey a = new ApiKeyFormat(new ZeroRandom()).generate(userId, credentialId, MAC);
        ApiKey b = format.generate(userId, credentialId, MAC);

        assertThat(a.hint()).hasSize(ApiKeyFormat.HINT_LENGTH).startsWith("lk_");
        assertThat(a.text()).startsWith(a.hint());
        assertThat(a.hint()).as("same credential id, different secret -> same hint").isEqualTo(b.hint());
    }

    @Test
    @DisplayName("Given a key, then toString does not contain the key text")
    void toStringHidesSecret() {
        ApiKey key = format.generate(userId, UUID.randomUUID(), MAC);
        assertThat(key.toString()).doesNotContain(key.text()).doesNotContain(key.text().substring(20));
    }

    @Test
    @DisplayName("Given a user id longer than 255 bytes, then no key is minted")
    void refusesOverlongUserId() {
        assertThatThrownBy(() -> format.generate("x".repeat(256), UUID.randomUUID(), MAC))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("Given keys of the format before tags (versions 1 and 2), then they still parse, untagged")
    void oldFormatStillParses() {
        UUID credentialId = UUID.randomUUID();
        byte[] secret = new byte[ApiKeyFormat.SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        String v1 = OldFormatKeyText.v1(credentialId, UUID.fromString(userId), secret);
        String v2 = OldFormatKeyText.v2(credentialId, "f:ldap:jdoe-with-a-long-enough-user-id-for-the-minimum", secret);

        assertThat(v1).matches("lk_[0-9A-Za-z]{94}");
        for (String text : new String[] {v1, v2}) {
            ParseResult parsed = ApiKeyFormat.parse(text);
            assertThat(parsed.isValid()).as(text).isTrue();
            assertThat(parsed.key().isSigned()).isFalse();
            assertThat(parsed.key().credentialId()).isEqualTo(credentialId.toString());
            assertThat(parsed.key().secret()).isEqualTo(secret);
            assertThat(MAC.verifies(parsed.key())).as("an untagged key never verifies").isFalse();
        }
    }

    @ParameterizedTest
    @CsvSource({
            // version, payload bytes (after the version byte), why it is malformed
            "0, 96, unknown version 0",
            "5, 96, unknown version 5",
            "3, 79, a UUID key with a tag one byte short",
            "3, 64, a UUID key without its tag",
            "1, 80, a version-1 key with 16 bytes too many",
    })
    @DisplayName("Given a payload whose version and length do not fit together, then it is malformed")
    void versionAndLengthMustFit(int version, int rest, String why) {
        byte[] payload = new byte[1 + rest];
        payload[0] = (byte) version;
        payload[1] = 7; // no leading zero bytes in the ids: the width stays that of the length
        assertThat(ApiKeyFormat.parse(OldFormatKeyText.text(payload)).failure()).as(why).isEqualTo(ParseFailure.MALFORMED);
    }

    /** Deterministic all-zero "random" to test padding. */
    private static final class ZeroRandom extends SecureRandom {
        @Override
        public void nextBytes(byte[] bytes) {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
    }
}
