package dev.latchkey.rest;

import dev.latchkey.apikey.node.ApiKeyNodeProviderFactory;
import dev.latchkey.common.StatelessProviderFactory;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Serves {@code /realms/{realm}/latchkey}: a router, holding nothing. The node's key state lives in its own provider
 * ({@link dev.latchkey.apikey.node.ApiKeyNodeProvider}); its server options keep this provider's scope and are listed
 * here ({@code --spi-realm-restapi-extension--latchkey--<option>}).
 */
public final class LatchkeyResourceProviderFactory implements RealmResourceProviderFactory,
        StatelessProviderFactory<RealmResourceProvider> {

    public static final String PROVIDER_ID = "latchkey";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new LatchkeyResourceProvider(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ApiKeyNodeProviderFactory.OPTIONS;
    }
}
