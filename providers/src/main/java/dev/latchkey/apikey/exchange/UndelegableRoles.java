package dev.latchkey.apikey.exchange;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.Config;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

/**
 * The roles a token minted from a key never carries: Keycloak's own administration and self-service roles (the
 * {@code realm-management}, {@code account} and {@code broker} clients' roles; in the admin realm also the realm
 * admin clients' roles and {@code admin}/{@code create-realm}), and every composite that contains one of them.
 *
 * <p>Why: some of Keycloak's endpoints authorize by the roles written in a token rather than by the user's role
 * mappings (client registration reads {@code resource_access.realm-management}), and an exchanged token carrying
 * {@code account} roles would claim a right to manage the account that no key has. Administration is delegated to
 * service accounts, not to personal keys. A composite holding one of these roles is left out whole, because
 * Keycloak's mappers expand composites and would bring the role back.
 */
final class UndelegableRoles {

    private static final Set<String> SELF_SERVICE_CLIENTS = Set.of(Constants.REALM_MANAGEMENT_CLIENT_ID,
            Constants.ACCOUNT_MANAGEMENT_CLIENT_ID, Constants.BROKER_SERVICE_CLIENT_ID);
    /** In the admin realm, each realm's admin client is named {@code <realm>-realm}. */
    private static final String MASTER_ADMIN_CLIENT_SUFFIX = "-realm";
    private static final Set<String> MASTER_ADMIN_ROLES = Set.of(AdminRoles.ADMIN, AdminRoles.CREATE_REALM);

    private UndelegableRoles() {
    }

    /**
     * @return the roles of the set that neither are nor (through composites, transitively) contain an undelegable
     *         role; a set closed under composites stays closed
     */
    static Set<RoleModel> without(RealmModel realm, Set<RoleModel> roles) {
        Map<RoleModel, List<RoleModel>> holders = new HashMap<>();
        Set<RoleModel> seen = new HashSet<>(roles);
        Deque<RoleModel> toExpand = new ArrayDeque<>(roles);
        Deque<RoleModel> tainted = new ArrayDeque<>();
        while (!toExpand.isEmpty()) {
            RoleModel role = toExpand.poll();
            if (isUndelegable(realm, role)) {
                tainted.add(role);
            }
            role.getCompositesStream().forEach(inner -> {
                holders.computeIfAbsent(inner, key -> new ArrayList<>()).add(role);
                if (seen.add(inner)) {
                    toExpand.add(inner);
                }
            });
        }
        // every role that holds a tainted role is tainted; composite cycles end because each is added once
        Set<RoleModel> out = new HashSet<>(tainted);
        while (!tainted.isEmpty()) {
            for (RoleModel holder : holders.getOrDefault(tainted.poll(), List.of())) {
                if (out.add(holder)) {
                    tainted.add(holder);
                }
            }
        }
        Set<RoleModel> kept = new HashSet<>(roles);
        kept.removeAll(out);
        return kept;
    }

    static boolean isUndelegable(RealmModel realm, RoleModel role) {
        boolean adminRealm = Config.getAdminRealm().equals(realm.getName());
        if (role.isClientRole()) {
            if (!(role.getContainer() instanceof ClientModel client)) {
                return true;
            }
            String clientId = client.getClientId();
            return SELF_SERVICE_CLIENTS.contains(clientId) || adminRealm && clientId.endsWith(MASTER_ADMIN_CLIENT_SUFFIX);
        }
        return adminRealm && MASTER_ADMIN_ROLES.contains(role.getName());
    }
}
