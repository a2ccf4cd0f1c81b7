package dev.latchkey.apikey.admin;

import dev.latchkey.common.StatelessProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Serves {@code /admin/realms/{realm}/latchkey}. */
public final class LatchkeyAdminResourceProviderFactory implements AdminRealmResourceProviderFactory, AdminRealmResourceProvider,
        StatelessProviderFactory<AdminRealmResourceProvider> {

    public static final String PROVIDER_ID = "latchkey";

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new LatchkeyAdminResource(session, realm, auth, adminEvent);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    /** The factory is its own provider; neither holds anything to release. */
    @Override
    public void close() {
    }
}
