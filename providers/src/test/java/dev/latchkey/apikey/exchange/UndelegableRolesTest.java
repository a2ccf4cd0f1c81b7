package dev.latchkey.apikey.exchange;

import static dev.latchkey.apikey.exchange.Models.client;
import static dev.latchkey.apikey.exchange.Models.clientRole;
import static dev.latchkey.apikey.exchange.Models.realm;
import static dev.latchkey.apikey.exchange.Models.realmRole;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

class UndelegableRolesTest {

    private final RealmModel shop = realm("shop");

    @ParameterizedTest(name = "realm {0}, client {1}, role {2} -> undelegable {3}")
    @CsvSource(nullValues = "NULL", value = {
            "shop,   realm-management, view-users,     true",
            "shop,   account,          manage-account, true",
            "shop,   broker,           read-token,     true",
            "shop,   inventory,        reader,         false",
            "shop,   shop-realm,       view-users,     false",  // only the admin realm names admin clients so
            "master, shop-realm,       view-users,     true",
            "master, inventory,        reader,         false",
            "shop,   NULL,             admin,          false",
            "master, NULL,             admin,          true",
            "master, NULL,             create-realm,   true",
            "master, NULL,             ops,            false",
    })
    @DisplayName("Given a role, then Keycloak's administration and self-service roles are undelegable, others are not")
    void undelegable(String realmName, String clientId, String roleName, boolean expected) {
        RoleModel role = clientId == null ? realmRole(roleName) : clientRole(client(clientId), roleName);

        assertThat(UndelegableRoles.isUndelegable(realm(realmName), role)).isEqualTo(expected);
    }

    @Test
    @DisplayName("Given a composite that contains an administration role, then it goes with that role; its other roles stay")
    void compositesThatReachAdministrationGo() {
        ClientModel management = client("realm-management");
        RoleModel viewUsers = clientRole(management, "view-users");
        RoleModel ops = realmRole("ops");
        RoleModel superuser = realmRole("superuser", ops, viewUsers);
        RoleModel operator = realmRole("operator", ops);
        RoleModel reader = clientRole(client("inventory"), "reader");

        Set<RoleModel> kept = UndelegableRoles.without(shop, Set.of(viewUsers, ops, superuser, operator, reader));

        assertThat(kept).containsExactlyInAnyOrder(ops, operator, reader);
    }

    @Test
    @DisplayName("Given composites in a cycle, then the walk ends; a cycle through an administration role goes whole")
    void cyclesEnd() {
        RoleModel a = realmRole("a");
        RoleModel b = realmRole("b", a);
        a.addCompositeRole(b);
        RoleModel manage = clientRole(client("realm-management"), "manage-users");
        RoleModel c = realmRole("c");
        RoleModel d = realmRole("d", c);
        c.addCompositeRole(d); // d is walked before manage-users is found
        c.addCompositeRole(manage);

        assertThat(UndelegableRoles.without(shop, Set.of(a, b))).containsExactlyInAnyOrder(a, b);
        assertThat(UndelegableRoles.without(shop, Set.of(c, d, manage))).isEmpty();
    }
}
