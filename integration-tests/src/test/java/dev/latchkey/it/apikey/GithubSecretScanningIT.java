package dev.latchkey.it.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.ServerOptions;
import dev.latchkey.it.support.TestUser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code POST .../latchkey/api-keys/github-secret-scanning} with GitHub's partner payload, signed with a P-256 key pair
 * the test generates and publishes to the server in GitHub's public-keys format (the server reads that file, see
 * {@link ServerOptions#githubPublicKeysFile()}).
 */
@LatchkeyIT
class GithubSecretScanningIT {

    private static final String URL = "https://github.com/acme/app/blob/abc123/.env";

    @AutoClose
    private ApiKeyRealm realm;
    private KeycloakServer server;
    private String token;
    private KeyPair github;
    private String keyId;

    @BeforeEach
    void setUp(KeycloakServer server) throws Exception {
        this.server = server;
        realm = new ApiKeyRealm(server);
        TestUser owner = realm.userWithRole();
        token = realm.tokenOf(owner);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        github = generator.generateKeyPair();
        keyId = UUID.randomUUID().toString().replace("-", "");
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(github.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        var entry = Json.object().put("key_identifier", keyId).put("key", pem).put("is_current", true);
        var published = Json.object();
        published.putArray("public_keys").add(entry);
        Files.writeString(ServerOptions.githubPublicKeysFile(), Json.write(published), StandardCharsets.UTF_8);
    }

    private HttpResult send(String body, String identifier, String signature) {
        var call = server.http().post(server.url("/realms/" + realm.name() + "/latchkey/api-keys/github-secret-scanning"))
                .body("application/json", body);
        if (identifier != null) {
            call.header("Github-Public-Key-Identifier", identifier);
        }
        if (signature != null) {
            call.header("Github-Public-Key-Signature", signature);
        }
        return call.send();
    }

    private String sign(String body) throws Exception {
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(github.getPrivate());
        signer.update(body.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    private static String payload(String... tokens) {
        var findings = Json.array();
        for (String t : tokens) {
            findings.add(Json.object().put("token", t).put("type", "latchkey_api_key").put("url", URL).put("source", "content"));
        }
        return Json.write(findings);
    }

    @Test
    @DisplayName("Given a report signed by GitHub's key, then the real key is revoked (source: the report's url) and the answer "
            + "labels it true_positive, junk false_positive")
    void signedReportRevokes() throws Exception {
        JsonNode leaked = realm.createKey(token, "leaked");
        String key = leaked.path("key").asText();
        String junk = "lk_" + "1".repeat(94);
        String body = payload(key, junk);

        HttpResult answer = send(body, keyId, sign(body));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode feedback = answer.json();
        assertThat(feedback).hasSize(2);
        assertThat(feedback.get(0).path("token_raw").asText()).isEqualTo(key);
        assertThat(feedback.get(0).path("token_type").asText()).isEqualTo("latchkey_api_key");
        assertThat(feedback.get(0).path("label").asText()).isEqualTo("true_positive");
        assertThat(feedback.get(1).path("label").asText()).isEqualTo("false_positive");
        assertThat(realm.isActive(key)).isFalse();
        JsonNode events = realm.admin().events(realm.name(), Map.of("type", "REMOVE_CREDENTIAL"));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("details").path("reason").asText()).isEqualTo("reported_leaked");
        assertThat(events.get(0).path("details").path("source").asText()).isEqualTo(URL);
    }

    @Test
    @DisplayName("Given a report without a signature, with a bad one, or signed by an unknown key id, then 401 and nothing revoked")
    void unverifiedReportsAreRefused() throws Exception {
        String key = realm.createKey(token, "safe").path("key").asText();
        String body = payload(key);
        String otherBody = payload("lk_" + "2".repeat(94));
        List<HttpResult> refused = List.of(
                send(body, null, null),
                send(body, keyId, null),
                send(body, keyId, sign(otherBody)),
                send(body, keyId, "not base64 !!"),
                send(body, "unknown-" + keyId, sign(body)));
        for (HttpResult answer : refused) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
            assertThat(answer.json().path("error").asText()).isEqualTo("invalid_signature");
        }
        assertThat(realm.isActive(key)).isTrue();
        assertThat(realm.admin().events(realm.name(), Map.of("type", "REMOVE_CREDENTIAL"))).isEmpty();

        String notAList = "{\"token\": \"x\"}";
        assertThat(send(notAList, keyId, sign(notAList)).status()).as("signed but malformed").isEqualTo(400);
    }
}
