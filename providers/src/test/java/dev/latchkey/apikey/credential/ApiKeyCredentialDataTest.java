package dev.latchkey.apikey.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.credential.CredentialModel;

class ApiKeyCredentialDataTest {

    private static final String SECRET = "{\"algorithm\":\"SHA-256\",\"hash\":\"aGFzaA==\"}";

    @Test
    @DisplayName("Given a key stored before scopes existed, then it reads as a key for all roles and no organization")
    void storedBeforeScopes() {
        ApiKeyCredentialModel key = read("{\"name\":\"ci\",\"expiresAt\":1796601600000,\"hint\":\"lk_01b6XZdC\"}");

        assertThat(key.data().roles()).isNull();
        assertThat(key.data().organization()).isNull();
        assertThat(key.scope().isAll()).isTrue();
    }

    @Test
    @DisplayName("Given an unscoped key written, then its stored data has no scope fields: the format stays as it was")
    void unscopedWritesTheOldFormat() {
        ApiKeyCredentialModel key = ApiKeyCredentialModel.create("id", 1L,
                new ApiKeyCredentialData("ci", null, 2L, "lk_0", null, null, null),
                new ApiKeySecretData("SHA-256", "aGFzaA=="));

        assertThat(key.getCredentialData()).isEqualTo("{\"name\":\"ci\",\"expiresAt\":2,\"hint\":\"lk_0\"}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "'[\"ops\"]'                           | acme",
            "'[\"ops\",\"inventory/reader\"]'      | ''",
            "'[\"https://app.example/saml/ops\"]' | globex"})
    @DisplayName("Given a scoped key written and read again, then its roles, organization and last use survive")
    void scopeSurvivesARoundTrip(String rolesJson, String organization) throws Exception {
        List<String> roles = List.of(org.keycloak.util.JsonSerialization.readValue(rolesJson, String[].class));
        String bound = organization.isEmpty() ? null : organization;
        ApiKeyCredentialModel written = ApiKeyCredentialModel.create("id", 1L,
                new ApiKeyCredentialData("ci", null, 2L, "lk_0", null, roles, bound),
                new ApiKeySecretData("SHA-256", "aGFzaA==")).withLastUsedAt(5L);

        ApiKeyCredentialModel key = read(written.getCredentialData());

        assertThat(key.data().roles()).containsExactlyElementsOf(roles);
        assertThat(key.data().organization()).isEqualTo(bound);
        assertThat(key.data().lastUsedAt()).isEqualTo(5L);
        assertThat(key.scope().isAll()).isFalse();
    }

    private static ApiKeyCredentialModel read(String credentialData) {
        CredentialModel stored = new CredentialModel();
        stored.setId("id");
        stored.setType(ApiKeyCredentialModel.TYPE);
        stored.setCredentialData(credentialData);
        stored.setSecretData(SECRET);
        return ApiKeyCredentialModel.from(stored);
    }
}
