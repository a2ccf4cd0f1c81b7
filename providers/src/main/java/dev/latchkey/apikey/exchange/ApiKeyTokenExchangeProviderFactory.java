package dev.latchkey.apikey.exchange;

import dev.latchkey.apikey.node.ApiKeyNodeProvider;
import dev.latchkey.common.StatelessProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.TokenExchangeProvider;
import org.keycloak.protocol.oidc.TokenExchangeProviderFactory;

/**
 * Registers the exchange of an API key for an access token (RFC 8693) with Keycloak's token-exchange grant. Keycloak
 * asks the providers highest order first; ours answers only for its own subject token type, so Keycloak's standard
 * exchange (order 10) keeps every other request.
 */
public final class ApiKeyTokenExchangeProviderFactory implements TokenExchangeProviderFactory,
        StatelessProviderFactory<TokenExchangeProvider> {

    public static final String PROVIDER_ID = "latchkey-api-key";
    private static final int ORDER = 100;

    @Override
    public TokenExchangeProvider create(KeycloakSession session) {
        // the node's validation state, shared by every entry point that validates keys
        return new ApiKeyTokenExchangeProvider(ApiKeyNodeProvider.of(session));
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
