package dev.latchkey.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.keycloak.models.GroupModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

class EffectiveRolesTest {

    @Test
    void collectsDirectGroupParentGroupAndCompositeRolesOnce() {
        Role manageAccountLinks = new Role("manage-account-links");
        Role manageAccount = new Role("manage-account", manageAccountLinks);
        Role defaults = new Role("default-roles", manageAccount, new Role("offline_access"));
        Role apiAccess = new Role("api-access");
        Role developer = new Role("developer", apiAccess);
        Role auditor = new Role("auditor");
        // a cycle: Keycloak refuses to create one, but a walk must not loop if the data holds one
        Role cycleA = new Role("cycle-a");
        Role cycleB = new Role("cycle-b", cycleA);
        cycleA.composites.add(cycleB);

        GroupModel parent = group(null, auditor);
        GroupModel child = group(parent, developer, cycleA);
        UserModel user = user(List.of(defaults, apiAccess), List.of(child));

        assertThat(names(EffectiveRoles.of(user))).containsExactlyInAnyOrder("default-roles", "manage-account",
                "manage-account-links", "offline_access", "api-access", "developer", "auditor", "cycle-a", "cycle-b");
    }

    @Test
    void aUserWithoutRolesOrGroupsHoldsNone() {
        assertThat(EffectiveRoles.of(user(List.of(), List.of()))).isEmpty();
    }

    private static List<String> names(java.util.Set<RoleModel> roles) {
        return roles.stream().map(RoleModel::getName).collect(Collectors.toList());
    }

    /** A role as the cache gives it: equal by id, its composites one step down. */
    private static final class Role {
        final String name;
        final List<Role> composites = new ArrayList<>();
        final RoleModel model;

        Role(String name, Role... composites) {
            this.name = name;
            this.composites.addAll(List.of(composites));
            this.model = (RoleModel) Proxy.newProxyInstance(RoleModel.class.getClassLoader(), new Class<?>[]{RoleModel.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getId", "getName" -> name;
                        case "getCompositesStream" -> this.composites.stream().map(role -> role.model);
                        case "equals" -> args[0] instanceof RoleModel other && other.getId().equals(name);
                        case "hashCode" -> name.hashCode();
                        case "toString" -> name;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    private static GroupModel group(GroupModel parent, Role... roles) {
        return (GroupModel) Proxy.newProxyInstance(GroupModel.class.getClassLoader(), new Class<?>[]{GroupModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getParent" -> parent;
                    case "getRoleMappingsStream" -> List.of(roles).stream().map(role -> role.model);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static UserModel user(List<Role> roles, List<GroupModel> groups) {
        return (UserModel) Proxy.newProxyInstance(UserModel.class.getClassLoader(), new Class<?>[]{UserModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRoleMappingsStream" -> roles.stream().map(role -> role.model);
                    case "getGroupsStream" -> groups.stream();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
