package dev.latchkey.common;

import java.util.stream.Stream;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/** The organizations a user belongs to, where membership counts: the realm has organizations on, and each is enabled. */
public final class OrganizationMembership {

    private OrganizationMembership() {
    }

    /** Empty when the realm has organizations off or the server runs without the organization feature. */
    public static Stream<OrganizationModel> of(KeycloakSession session, RealmModel realm, UserModel user) {
        if (!realm.isOrganizationsEnabled()) {
            return Stream.empty();
        }
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        if (organizations == null) {
            return Stream.empty();
        }
        // a disabled organization grants nothing
        return organizations.getByMember(user).filter(OrganizationModel::isEnabled);
    }
}
