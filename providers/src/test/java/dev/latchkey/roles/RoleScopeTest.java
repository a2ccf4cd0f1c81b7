package dev.latchkey.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RoleModel;

class RoleScopeTest {

    @ParameterizedTest(name = "scope [{0}], role {1}/{2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            // scope labels           | client id            | role name | named
            "ops                      | ''                   | ops       | true",
            "ops                      | ''                   | dev       | false",
            "inventory/reader         | inventory            | reader    | true",
            "inventory/reader         | ''                   | reader    | false",
            "reader                   | inventory            | reader    | false",
            "inventory/reader         | billing              | reader    | false",
            "ops inventory/reader     | inventory            | writer    | false",
            "https://sp.example/x/ops | https://sp.example/x | ops       | true",
            "a/b/c                    | a                    | b/c       | true",
            "a/b/c                    | a/b                  | c         | true",
            "a/b/c                    | ''                   | a/b/c     | true"})
    void namesByLabel(String labels, String clientId, String roleName, boolean named) {
        RoleScope scope = RoleScope.of(List.of(labels.split(" ")));

        assertThat(scope.names(role(clientId, roleName))).isEqualTo(named);
    }

    @Test
    @DisplayName("Given no stored roles, then the scope is all roles and names every role")
    void absentIsAll() {
        assertThat(RoleScope.of(null).isAll()).isTrue();
        assertThat(RoleScope.of(null).names(role("inventory", "reader"))).isTrue();
        assertThat(RoleScope.of(List.of("ops")).isAll()).isFalse();
    }

    /** A realm role when {@code clientId} is empty, else a role of that client. */
    private static RoleModel role(String clientId, String name) {
        ClientModel client = (ClientModel) Proxy.newProxyInstance(ClientModel.class.getClassLoader(),
                new Class<?>[]{ClientModel.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getClientId" -> clientId;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (RoleModel) Proxy.newProxyInstance(RoleModel.class.getClassLoader(), new Class<?>[]{RoleModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> name;
                    case "isClientRole" -> !clientId.isEmpty();
                    case "getContainer" -> client;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
