package dev.latchkey.apikey.exchange;

import static dev.latchkey.apikey.exchange.Models.client;
import static dev.latchkey.apikey.exchange.Models.clientRole;
import static dev.latchkey.apikey.exchange.Models.realmRole;
import static dev.latchkey.apikey.exchange.Models.stub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.ModelException;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.RoleUtils;

class KeyBoundUserTest {

    private final RoleModel ops = realmRole("ops");
    private final RoleModel finance = realmRole("finance");
    private final RoleModel realmAdmin = clientRole(client("realm-management"), "realm-admin");
    private final ClientModel inventory = client("inventory");
    private final RoleModel reader = clientRole(inventory, "reader");
    private final GroupModel admins = group("admins", null, realmAdmin);
    private final GroupModel accounting = group("accounting", admins, finance);
    private final UserModel owner = stub(UserModel.class, Map.of(
            "getId", args -> "owner-id",
            "getUsername", args -> "alice",
            "getRoleMappingsStream", args -> Stream.of(ops, finance, reader),
            "getGroupsStream", args -> Stream.of(accounting),
            "isMemberOf", args -> args[0] == accounting || args[0] == admins));

    @Test
    @DisplayName("Given a key's roles, then Keycloak's own role expansion of the user yields exactly those, whatever the owner's groups hold")
    void keycloakSeesTheKeysRolesOnly() {
        UserModel unscoped = new KeyBoundUser(owner, Set.of(ops, reader), true);
        UserModel scoped = new KeyBoundUser(owner, Set.of(ops), false);

        assertThat(RoleUtils.getDeepUserRoleMappings(unscoped)).containsExactlyInAnyOrder(ops, reader);
        assertThat(RoleUtils.getDeepUserRoleMappings(scoped)).containsExactly(ops);
        assertThat(unscoped.hasRole(finance)).isFalse();
        assertThat(unscoped.getRealmRoleMappingsStream()).containsExactly(ops);
        assertThat(unscoped.getClientRoleMappingsStream(inventory)).containsExactly(reader);
        assertThat(unscoped.getUsername()).isEqualTo("alice");
    }

    @Test
    @DisplayName("Given an unscoped key, then the owner's groups show with their paths but map no roles; a scoped key shows none")
    void groups() {
        UserModel unscoped = new KeyBoundUser(owner, Set.of(ops), true);
        UserModel scoped = new KeyBoundUser(owner, Set.of(ops), false);

        GroupModel shown = unscoped.getGroupsStream().findFirst().orElseThrow();
        assertThat(shown.getName()).isEqualTo("accounting");
        assertThat(shown.getRoleMappingsStream()).isEmpty();
        assertThat(shown.hasRole(finance)).isFalse();
        assertThat(shown.getParent().getName()).isEqualTo("admins");
        assertThat(shown.getParent().getRoleMappingsStream()).isEmpty();
        assertThat(shown.getParent().getParent()).isNull();
        assertThat(unscoped.isMemberOf(accounting)).isTrue();
        assertThat(scoped.getGroupsStream()).isEmpty();
        assertThat(scoped.isMemberOf(accounting)).isFalse();
    }

    @Test
    @DisplayName("Given anything that would change the owner's roles or groups through it, then it is refused")
    void readOnly() {
        UserModel user = new KeyBoundUser(owner, Set.of(ops), true);

        assertThatThrownBy(() -> user.grantRole(finance)).isInstanceOf(ModelException.class);
        assertThatThrownBy(() -> user.deleteRoleMapping(ops)).isInstanceOf(ModelException.class);
        assertThatThrownBy(() -> user.joinGroup(admins)).isInstanceOf(ModelException.class);
        assertThatThrownBy(() -> user.leaveGroup(accounting)).isInstanceOf(ModelException.class);
        GroupModel shown = user.getGroupsStream().findFirst().orElseThrow();
        assertThatThrownBy(() -> shown.grantRole(realmAdmin)).isInstanceOf(ModelException.class);
    }

    private static GroupModel group(String name, GroupModel parent, RoleModel role) {
        return stub(GroupModel.class, Map.of(
                "getName", args -> name,
                "getId", args -> "id-" + name,
                "getParent", args -> parent,
                "getParentId", args -> parent == null ? null : parent.getId(),
                "getRoleMappingsStream", args -> Stream.of(role),
                "hasRole", args -> args[0] == role));
    }
}
