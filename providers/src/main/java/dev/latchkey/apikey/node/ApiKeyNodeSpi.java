package dev.latchkey.apikey.node;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * What one Keycloak node keeps for API keys, as a provider of its own: every entry point that validates keys (the
 * REST resources, the token exchange) reaches it with {@code session.getProvider(ApiKeyNodeProvider.class)}, as
 * Keycloak reaches its own node-wide services, instead of through another provider's factory.
 */
public final class ApiKeyNodeSpi implements Spi {

    public static final String NAME = "latchkey-api-key-node";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return ApiKeyNodeProvider.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return ApiKeyNodeProviderFactory.class;
    }
}
