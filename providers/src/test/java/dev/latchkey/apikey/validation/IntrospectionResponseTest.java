package dev.latchkey.apikey.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.services.Urls;

class IntrospectionResponseTest {

    @ParameterizedTest
    @CsvSource({
            "http://localhost:8080/, demo",
            "https://id.example.com/auth/, demo",
            "http://127.0.0.1:28080/, bench 100k",
            "http://localhost:8080/, Bücher/ä?x"})
    @DisplayName("Given a base URI and a realm name, then the issuer is Keycloak's, the first time and when remembered")
    void issuerIsKeycloaks(String base, String realm) {
        URI baseUri = URI.create(base);
        String expected = Urls.realmIssuer(baseUri, realm);

        assertThat(IntrospectionResponse.issuer(baseUri, realm)).isEqualTo(expected);
        assertThat(IntrospectionResponse.issuer(URI.create(base), realm)).isEqualTo(expected);
    }

    @Test
    @DisplayName("Given two host names, then each gets its own issuer")
    void issuerFollowsHost() {
        assertThat(IntrospectionResponse.issuer(URI.create("http://a.example/"), "demo")).isEqualTo("http://a.example/realms/demo");
        assertThat(IntrospectionResponse.issuer(URI.create("http://b.example/"), "demo")).isEqualTo("http://b.example/realms/demo");
    }
}
