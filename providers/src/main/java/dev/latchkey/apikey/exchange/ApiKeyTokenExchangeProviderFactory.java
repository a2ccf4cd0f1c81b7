package dev.latchkey.apikey.exchange;

import dev.latchkey.common.StatelessProviderFactory;
import dev.latchkey.rest.LatchkeyResourceProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.TokenExchangeProvider;
import org.keycloak.protocol.oidc.TokenExchangeProviderFactory;
import org.keycloak.services.resource.RealmResourceProvider;

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
        // the node's validation state belongs to the realm resource (one per node, shared by every entry point)
        LatchkeyResourceProviderFactory latchkey = (LatchkeyResourceProviderFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(RealmResourceProvider.class, LatchkeyResourceProviderFactory.PROVIDER_ID);
        return new ApiKeyTokenExchangeProvider(latchkey.nodeState());
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
