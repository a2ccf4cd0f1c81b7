package dev.latchkey.apikey.minting;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The answer to a create: the key's description plus, this one time, the key itself. */
public record CreatedApiKeyRepresentation(@JsonUnwrapped ApiKeyRepresentation apiKey, String key) {

    @Override
    public String toString() {
        return "CreatedApiKeyRepresentation[id=" + apiKey.id() + "]";
    }
}
