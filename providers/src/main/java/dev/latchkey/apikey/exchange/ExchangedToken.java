package dev.latchkey.apikey.exchange;

import dev.latchkey.roles.RoleNames;
import java.util.Map;
import java.util.Set;
import org.keycloak.models.RoleModel;
import org.keycloak.representations.AccessToken;

/** What an exchanged token may say: the key's roles and a short life. Pure functions over the token, unit-tested. */
final class ExchangedToken {

    private ExchangedToken() {
    }

    /**
     * Keeps in the token only the roles the key may use now. Keycloak put the owner's roles in, filtered by the
     * client's scopes; a scoped key may use fewer. A client left without roles leaves {@code resource_access}.
     */
    static void narrow(AccessToken token, Set<RoleModel> allowed) {
        RoleNames names = RoleNames.of(allowed);
        narrow(token, names.realm(), names.clients());
    }

    static void narrow(AccessToken token, Set<String> realmRoles, Map<String, ? extends Set<String>> clientRoles) {
        if (token.getRealmAccess() != null && token.getRealmAccess().getRoles() != null) {
            token.getRealmAccess().getRoles().retainAll(realmRoles);
        }
        if (token.getResourceAccess() != null) {
            token.getResourceAccess().entrySet().removeIf(entry -> {
                Set<String> allowed = clientRoles.get(entry.getKey());
                if (entry.getValue().getRoles() != null) {
                    entry.getValue().getRoles().retainAll(allowed == null ? Set.of() : allowed);
                }
                return entry.getValue().getRoles() == null || entry.getValue().getRoles().isEmpty();
            });
            if (token.getResourceAccess().isEmpty()) {
                token.setResourceAccess(null); // as Keycloak writes a token without client roles
            }
        }
    }

    /**
     * @param issuedExp      the expiry Keycloak gave the token (the realm's access-token lifespan), seconds
     * @param lifetime       the realm's exchanged-token lifetime, seconds
     * @param keyExpiresAtMs the key's expiration, epoch milliseconds
     * @return the earliest of the three: a token never outlives its key
     */
    static long expiry(Long issuedExp, long nowSeconds, int lifetime, long keyExpiresAtMs) {
        long expiry = Math.min(nowSeconds + lifetime, keyExpiresAtMs / 1000);
        return issuedExp == null ? expiry : Math.min(issuedExp, expiry);
    }
}
