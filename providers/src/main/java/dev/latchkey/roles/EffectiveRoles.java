package dev.latchkey.roles;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.ModelToRepresentation;

/**
 * A user's roles as they are now: the same set as Keycloak's {@code RoleUtils.getDeepUserRoleMappings}, walked role
 * by role ({@link RoleWalk}). Each role's composites come from the role cache entry the walk already holds, where
 * Keycloak's batched expansion (built to save database round trips on a cold cache) makes several cache reads per
 * role; validation runs this on every request (bench/ANALYSIS.md has the measurements).
 */
public final class EffectiveRoles {

    /** A role with where it comes from, for the Profile page. */
    public record Routed(RoleModel role, boolean direct, List<String> inheritedFrom) {
    }

    private EffectiveRoles() {
    }

    public static Set<RoleModel> of(UserModel user) {
        Set<RoleModel> roles = new HashSet<>();
        RoleWalk.walk(user.getRoleMappingsStream(), user.getGroupsStream(), GroupModel::getParent,
                GroupModel::getRoleMappingsStream, RoleModel::getCompositesStream, (role, group, composite) -> roles.add(role));
        return roles;
    }

    /**
     * The effective roles a key with this scope may use now: all of them for {@link RoleScope#ALL}, else each role of
     * the scope the user holds, with what it contains now ({@link RoleWalk#scoped}). One walk either way.
     */
    public static Set<RoleModel> within(UserModel user, RoleScope scope) {
        if (scope.isAll()) {
            return of(user);
        }
        return RoleWalk.scoped(user.getRoleMappingsStream(), user.getGroupsStream(), GroupModel::getParent,
                GroupModel::getRoleMappingsStream, RoleModel::getCompositesStream, scope::names);
    }

    /**
     * Every effective role once, with the composite roles ({@link #label}) and, when {@code showGroups}, the group
     * paths it comes from.
     */
    public static List<Routed> withRoutes(UserModel user, boolean showGroups) {
        return RoleWalk.routes(user.getRoleMappingsStream(), user.getGroupsStream(), GroupModel::getParent,
                        GroupModel::getRoleMappingsStream, RoleModel::getCompositesStream,
                        group -> showGroups ? ModelToRepresentation.buildGroupPath(group) : null, EffectiveRoles::label)
                .stream()
                .map(routes -> new Routed(routes.role(), routes.direct(), routes.inheritedFrom()))
                .toList();
    }

    /** How a role is named to users and in requests: a realm role by its name, a client role as clientId/name. */
    public static String label(RoleModel role) {
        return role.isClientRole() ? clientId(role) + "/" + role.getName() : role.getName();
    }

    public static String clientId(RoleModel role) {
        return role.getContainer() instanceof ClientModel client ? client.getClientId() : role.getContainerId();
    }
}
