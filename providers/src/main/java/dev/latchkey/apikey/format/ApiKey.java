package dev.latchkey.apikey.format;

/**
 * A key in its parts. {@link #toString()} never reveals the secret, so a key that ends up in a log line by mistake
 * does not leak.
 */
public final class ApiKey {

    private final String credentialId;
    private final String userId;
    private final byte[] secret;
    private final String text;

    ApiKey(String credentialId, String userId, byte[] secret, String text) {
        this.credentialId = credentialId;
        this.userId = userId;
        this.secret = secret;
        this.text = text;
    }

    public String credentialId() {
        return credentialId;
    }

    public String userId() {
        return userId;
    }

    /** The random part; only its hash is ever stored. */
    public byte[] secret() {
        return secret.clone();
    }

    /** The full key as the user copies it: shown once at creation, never stored. */
    public String text() {
        return text;
    }

    public String hint() {
        return ApiKeyFormat.hint(text);
    }

    @Override
    public String toString() {
        return "ApiKey[credentialId=" + credentialId + ", userId=" + userId + "]";
    }
}
