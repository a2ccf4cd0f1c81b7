package dev.latchkey.apikey.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SecretHasherTest {

    @Test
    @DisplayName("Given a secret, then the stored form is its base64 SHA-256, not the secret")
    void storesSha256() throws Exception {
        byte[] secret = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
        String expected = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(secret));

        assertThat(SecretHasher.hash(secret)).isEqualTo(expected).doesNotContain("horse");
    }

    @Test
    @DisplayName("Given the right secret, then it matches; any other secret or a broken hash does not")
    void matchesOnlyTheRightSecret() {
        byte[] secret = new byte[32];
        secret[0] = 7;
        String stored = SecretHasher.hash(secret);

        byte[] other = secret.clone();
        other[31] = 1;
        assertThat(SecretHasher.matches(secret, stored)).isTrue();
        assertThat(SecretHasher.matches(other, stored)).isFalse();
        assertThat(SecretHasher.matches(secret, null)).isFalse();
        assertThat(SecretHasher.matches(secret, "not base64!")).isFalse();
        assertThat(SecretHasher.matches(secret, "")).isFalse();
    }
}
