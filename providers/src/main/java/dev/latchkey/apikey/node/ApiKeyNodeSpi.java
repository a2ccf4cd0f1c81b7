package dev.latchkey.apikey.node;

import dev.latchkey.common.LatchkeySpi;

/**
 * What one Keycloak node keeps for API keys, as a provider of its own: every entry point that validates keys (the
 * REST resources, the token exchange) reaches it with {@code session.getProvider(ApiKeyNodeProvider.class)}, as
 * Keycloak reaches its own node-wide services, instead of through another provider's factory.
 */
public final class ApiKeyNodeSpi extends LatchkeySpi {

    public static final String NAME = "latchkey-api-key-node";

    public ApiKeyNodeSpi() {
        super(NAME, ApiKeyNodeProvider.class, ApiKeyNodeProviderFactory.class);
    }
}
