package dev.latchkey.apikey.exchange;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.stream.Stream;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.ModelException;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.UserModelDelegate;

/**
 * The owner as a token minted from a key sees them: holding exactly the roles the key may use, so that every protocol
 * mapper (roles, audience, microprofile-jwt's {@code groups}, a realm's own role mappers) and every scope check
 * derives the token from the key's permissions, not from the owner's. Everything else (name, email, attributes) is
 * the owner's.
 *
 * <p>Group membership: a scoped key carries none (a group is an authorization input the key's roles cannot narrow);
 * an unscoped key carries the owner's groups, stripped of their role mappings, because the roles the groups give are
 * already in the key's set and Keycloak's role expansion would otherwise bring back roles the key may not carry.
 */
final class KeyBoundUser extends UserModelDelegate {

    private final Set<RoleModel> roles;
    private final boolean groups;

    /**
     * @param roles  closed under composites: a composite's roles are in the set whenever it is
     * @param groups whether the owner's group memberships show (unscoped keys)
     */
    KeyBoundUser(UserModel owner, Set<RoleModel> roles, boolean groups) {
        super(owner);
        this.roles = Set.copyOf(roles);
        this.groups = groups;
    }

    @Override
    public Stream<RoleModel> getRoleMappingsStream() {
        return roles.stream();
    }

    @Override
    public Stream<RoleModel> getRealmRoleMappingsStream() {
        return roles.stream().filter(role -> !role.isClientRole());
    }

    @Override
    public Stream<RoleModel> getClientRoleMappingsStream(ClientModel client) {
        return roles.stream().filter(role -> role.isClientRole() && client.getId().equals(role.getContainerId()));
    }

    @Override
    public boolean hasRole(RoleModel role) {
        return roles.contains(role);
    }

    @Override
    public boolean hasDirectRole(RoleModel role) {
        return roles.contains(role);
    }

    @Override
    public Stream<GroupModel> getGroupsStream() {
        return groups ? super.getGroupsStream().map(KeyBoundUser::withoutRoles) : Stream.empty();
    }

    @Override
    public boolean isMemberOf(GroupModel group) {
        return groups && super.isMemberOf(group);
    }

    @Override
    public void grantRole(RoleModel role) {
        throw new ModelException("A token minted from an API key cannot change role mappings");
    }

    @Override
    public void deleteRoleMapping(RoleModel role) {
        throw new ModelException("A token minted from an API key cannot change role mappings");
    }

    @Override
    public void joinGroup(GroupModel group) {
        throw new ModelException("A token minted from an API key cannot change group memberships");
    }

    @Override
    public void leaveGroup(GroupModel group) {
        throw new ModelException("A token minted from an API key cannot change group memberships");
    }

    /**
     * The group as it is, but mapping no roles, and so its parents. A proxy rather than a delegate class: GroupModel
     * has some forty methods, of which only the role mappings and the parent differ.
     */
    static GroupModel withoutRoles(GroupModel group) {
        if (group == null) {
            return null;
        }
        return (GroupModel) Proxy.newProxyInstance(GroupModel.class.getClassLoader(), new Class<?>[] {GroupModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRoleMappingsStream", "getRealmRoleMappingsStream", "getClientRoleMappingsStream" ->
                            Stream.empty();
                    case "hasRole", "hasDirectRole" -> false;
                    case "grantRole", "deleteRoleMapping" ->
                            throw new ModelException("A token minted from an API key cannot change role mappings");
                    case "getParent" -> withoutRoles(group.getParent());
                    default -> invoke(group, method, args);
                });
    }

    private static Object invoke(GroupModel group, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(group, args);
        } catch (InvocationTargetException failed) {
            throw failed.getCause();
        }
    }
}
