package dev.latchkey.apikey.signing;

import dev.latchkey.common.StatelessProviderFactory;
import java.util.List;
import org.keycloak.component.ComponentFactory;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The one kind of {@link RealmKeyMacSecret} component. Internal: Keycloak's component endpoint neither lists, shows,
 * changes nor deletes it (an admin's mistake there would refuse every key of the realm), the admin console shows it
 * nowhere, and the realm update ({@code PUT /admin/realms/{realm}}) does not touch components. {@code kc.sh export}
 * writes it with the realm and an import restores it, so moved keys keep validating.
 */
public final class RealmKeyMacSecretFactory implements ComponentFactory<RealmKeyMacSecret, RealmKeyMacSecret>,
        StatelessProviderFactory<RealmKeyMacSecret> {

    public static final String PROVIDER_ID = "latchkey-key-mac";
    /** The component's config entry: Base64 of the 32-byte secret. */
    static final String SECRET = "secret";

    private static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(SECRET).type(ProviderConfigProperty.PASSWORD).secret(true)
            .label("API-key tag secret")
            .helpText("Base64 of the realm's 32-byte secret that tags its API keys; made by the realm's first key")
            .add()
            .build();

    @Override
    public RealmKeyMacSecret create(KeycloakSession session, ComponentModel model) {
        return new RealmKeyMacSecret() {
        };
    }

    @Override
    public boolean isInternal() {
        return true;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "The secret of the tag in a realm's API keys (Latchkey); managed by Latchkey only";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
    }
}
