package dev.latchkey.apikey.validation;

import dev.latchkey.apikey.credential.ApiKeyCredentialModel;
import dev.latchkey.common.OrganizationMembership;
import dev.latchkey.roles.EffectiveRoles;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * What a key may do now: the one computation the validation answer, and any other entry point that acts for a key,
 * take the key's roles and organizations from. A key acts with its owner's roles as they are now, narrowed to the
 * roles it was made with ({@link EffectiveRoles#within}); an organization-bound key speaks for that organization only.
 *
 * <p>On the validation path: one walk over the owner's roles and one organization lookup, as for a key without a
 * scope, all from the user, role and organization caches.
 *
 * @param roles         the effective roles the key may use
 * @param organizations the aliases of the organizations the key speaks for: the one it is bound to, else every
 *                      enabled organization the owner belongs to
 */
public record KeyPermissions(Set<RoleModel> roles, List<String> organizations) {

    /**
     * @return empty when the key is bound to an organization the owner is no longer a member of, or that is disabled
     *         (or the realm has organizations off): such a key is inactive until that changes
     */
    public static Optional<KeyPermissions> now(KeycloakSession session, RealmModel realm, UserModel owner,
                                               ApiKeyCredentialModel key) {
        String bound = key.data().organization();
        List<String> organizations;
        if (bound == null) {
            organizations = OrganizationMembership.of(session, realm, owner).map(OrganizationModel::getAlias).sorted()
                    .toList();
        } else if (OrganizationMembership.of(session, realm, owner).anyMatch(org -> bound.equals(org.getAlias()))) {
            organizations = List.of(bound);
        } else {
            return Optional.empty();
        }
        return Optional.of(new KeyPermissions(EffectiveRoles.within(owner, key.scope()), organizations));
    }
}
