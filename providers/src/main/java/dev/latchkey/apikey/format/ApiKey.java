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
    private final byte[] signedPart;
    private final byte[] tag;

    /** @param signedPart the payload the tag covers, and the tag; both null for a key of the format without a tag */
    ApiKey(String credentialId, String userId, byte[] secret, String text, byte[] signedPart, byte[] tag) {
        this.credentialId = credentialId;
        this.userId = userId;
        this.secret = secret;
        this.text = text;
        this.signedPart = signedPart;
        this.tag = tag;
    }

    /** Whether the key carries a tag (versions 3 and 4); keys minted before tags existed (1 and 2) do not. */
    public boolean isSigned() {
        return tag != null;
    }

    byte[] signedPart() {
        return signedPart;
    }

    byte[] tag() {
        return tag;
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
