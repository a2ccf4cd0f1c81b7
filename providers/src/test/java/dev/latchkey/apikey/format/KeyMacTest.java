package dev.latchkey.apikey.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyMacTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final ApiKeyFormat format = new ApiKeyFormat(RANDOM);
    private final KeyMac realm = KeyMac.fromStored(KeyMac.newSecret(RANDOM));

    @Test
    @DisplayName("Given a key minted with the realm's secret, then it verifies with that secret and no other")
    void verifiesOnlyWithItsSecret() {
        ApiKey key = parsed(format.generate(UUID.randomUUID().toString(), UUID.randomUUID(), realm).text());
        KeyMac otherRealm = KeyMac.fromStored(KeyMac.newSecret(RANDOM));

        assertThat(realm.verifies(key)).isTrue();
        assertThat(otherRealm.verifies(key)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            // which part of a forged payload is chosen by the forger, e.g. a real user's and credential's ids
            "random ids and a random tag, false",
            "a real user's ids with a random tag, true",
    })
    @DisplayName("Given a key with a valid checksum but a tag made without the secret, then it parses and does not verify")
    void forgedTagDoesNotVerify(String what, boolean realIds) {
        ApiKey real = format.generate(UUID.randomUUID().toString(), UUID.randomUUID(), realm);
        UUID user = realIds ? UUID.fromString(real.userId()) : UUID.randomUUID();
        UUID credential = realIds ? UUID.fromString(real.credentialId()) : UUID.randomUUID();
        byte[] secretAndTag = new byte[ApiKeyFormat.SECRET_BYTES + KeyMac.TAG_BYTES];
        RANDOM.nextBytes(secretAndTag);
        byte[] payload = ByteBuffer.allocate(1 + 16 + 16 + secretAndTag.length).put((byte) 3)
                .putLong(credential.getMostSignificantBits()).putLong(credential.getLeastSignificantBits())
                .putLong(user.getMostSignificantBits()).putLong(user.getLeastSignificantBits())
                .put(secretAndTag).array();

        ApiKey forged = parsed(OldFormatKeyText.text(payload));

        assertThat(forged.isSigned()).as(what).isTrue();
        assertThat(forged.userId()).isEqualTo(user.toString());
        assertThat(realm.verifies(forged)).as(what).isFalse();
    }

    @Test
    @DisplayName("Given a key's secret part swapped for another while its ids and tag stay, then the tag does not verify")
    void tagCoversTheSecret() {
        UUID user = UUID.randomUUID();
        ApiKey a = format.generate(user.toString(), UUID.randomUUID(), realm);
        byte[] payload = ByteBuffer.allocate(a.signedPart().length + KeyMac.TAG_BYTES).put(a.signedPart()).put(a.tag()).array();
        payload[40] ^= 1; // a byte of the secret

        assertThat(realm.verifies(parsed(OldFormatKeyText.text(payload)))).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"not base64 !", "c2hvcnQ=", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    @DisplayName("Given a stored secret that is missing, not Base64 or not 32 bytes, then there is no MAC (every tagged key is refused)")
    void unusableStoredSecret(String stored) {
        assertThat(KeyMac.fromStored(stored)).isNull();
    }

    @Test
    @DisplayName("Given a new secret, then it is 32 random bytes in Base64, distinct each time, and toString hides it")
    void newSecrets() {
        String one = KeyMac.newSecret(RANDOM);
        String two = KeyMac.newSecret(RANDOM);

        assertThat(Base64.getDecoder().decode(one)).hasSize(KeyMac.SECRET_BYTES);
        assertThat(one).isNotEqualTo(two);
        assertThat(KeyMac.fromStored(one).toString()).doesNotContain(one);
    }

    private static ApiKey parsed(String text) {
        ParseResult result = ApiKeyFormat.parse(text);
        assertThat(result.isValid()).as(text).isTrue();
        return result.key();
    }
}
