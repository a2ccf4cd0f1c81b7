package dev.latchkey.apikey.minting;

import dev.latchkey.apikey.credential.ApiKeyCredentialModel;

/** A freshly created key: the stored model plus the key text, which exists only in this one response. */
public record CreatedApiKey(ApiKeyCredentialModel model, String keyText) {

    @Override
    public String toString() {
        return "CreatedApiKey[id=" + model.getId() + "]";
    }
}
