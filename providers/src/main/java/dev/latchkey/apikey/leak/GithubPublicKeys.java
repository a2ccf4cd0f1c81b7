package dev.latchkey.apikey.leak;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.util.JsonSerialization;

/**
 * GitHub's secret-scanning public keys, by identifier, and the check of a report's signature with them (ECDSA P-256,
 * SHA-256, over the raw body). They come from a server option: GitHub's published list (fetched through Keycloak's
 * HTTP client, so its proxy and truststore settings apply, and kept for a day), or a local file in the same JSON
 * format for servers without internet ({@code file:/path}, read again whenever an identifier is not known). An unknown
 * identifier makes the URL be fetched again, at most once a minute, so GitHub's key rotation is picked up while a
 * flood of made-up identifiers costs GitHub nothing.
 */
public final class GithubPublicKeys {

    /** GitHub's published keys for secret-scanning partners. */
    public static final String GITHUB_URL = "https://api.github.com/meta/public_keys/secret_scanning";
    private static final Logger LOG = Logger.getLogger(GithubPublicKeys.class);
    private static final long KEEP_MILLIS = Duration.ofDays(1).toMillis();
    private static final long REFETCH_MILLIS = Duration.ofMinutes(1).toMillis();

    private final String source;
    private Map<String, PublicKey> keys = Map.of();
    private long fetchedAt = Long.MIN_VALUE / 2;

    public GithubPublicKeys(String source) {
        this.source = source == null || source.isBlank() ? GITHUB_URL : source.trim();
    }

    /** Whether the signature (Base64 of a DER ECDSA signature) over the body is valid for the identified key. */
    boolean verify(KeycloakSession session, String keyIdentifier, String signature, byte[] body) {
        if (keyIdentifier == null || keyIdentifier.isBlank() || signature == null || signature.isBlank()) {
            return false;
        }
        Optional<PublicKey> key = find(session, keyIdentifier.trim());
        if (key.isEmpty()) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key.get());
            verifier.update(body);
            return verifier.verify(Base64.getDecoder().decode(signature.trim()));
        } catch (GeneralSecurityException | IllegalArgumentException badSignature) {
            return false;
        }
    }

    private synchronized Optional<PublicKey> find(KeycloakSession session, String identifier) {
        long now = System.currentTimeMillis();
        PublicKey known = keys.get(identifier);
        boolean local = source.startsWith("file:");
        if (known != null && now - fetchedAt < KEEP_MILLIS) {
            return Optional.of(known);
        }
        if (local || now - fetchedAt >= REFETCH_MILLIS) {
            try {
                keys = parse(read(session));
                fetchedAt = now;
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Could not read GitHub's secret-scanning public keys from %s: %s", source, e.getMessage());
                fetchedAt = now; // no retry storm while the source is down; the keys known so far stay
            }
        }
        return Optional.ofNullable(keys.get(identifier));
    }

    private String read(KeycloakSession session) throws IOException {
        if (source.startsWith("file:")) {
            return Files.readString(Path.of(URI.create(source)), StandardCharsets.UTF_8);
        }
        return session.getProvider(HttpClientProvider.class).getString(source);
    }

    /** {@code {"public_keys": [{"key_identifier": "...", "key": "-----BEGIN PUBLIC KEY-----...", ...}]}}. */
    static Map<String, PublicKey> parse(String json) throws IOException {
        JsonNode list = JsonSerialization.mapper.readTree(json).path("public_keys");
        Map<String, PublicKey> parsed = new HashMap<>();
        for (JsonNode entry : list) {
            String id = entry.path("key_identifier").asText("");
            String pem = entry.path("key").asText("");
            if (id.isEmpty() || pem.isEmpty()) {
                continue;
            }
            try {
                String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
                parsed.put(id, KeyFactory.getInstance("EC")
                        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64))));
            } catch (GeneralSecurityException | IllegalArgumentException unreadable) {
                LOG.warnf("Ignoring GitHub public key %s: not an EC public key", id);
            }
        }
        return Map.copyOf(parsed);
    }
}
