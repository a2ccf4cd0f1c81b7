package dev.latchkey.apikey.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.representations.AccessToken;

class ExchangedTokenTest {

    @Test
    @DisplayName("Given a token with more roles than the key may use, then only the key's roles stay, and clients left without roles go")
    void narrowsToTheKeysRoles() {
        AccessToken token = new AccessToken();
        token.setRealmAccess(new AccessToken.Access().addRole("ops").addRole("finance").addRole("api-access"));
        token.addAccess("inventory").addRole("reader").addRole("writer");
        token.addAccess("billing").addRole("approver");

        ExchangedToken.narrow(token, Set.of("ops", "api-access"), Map.of("inventory", Set.of("reader")));

        assertThat(token.getRealmAccess().getRoles()).containsExactlyInAnyOrder("ops", "api-access");
        assertThat(token.getResourceAccess()).containsOnlyKeys("inventory");
        assertThat(token.getResourceAccess("inventory").getRoles()).containsExactly("reader");
    }

    @ParameterizedTest(name = "issued {0}, now {1}, lifetime {2}, key until {3} ms -> {4}")
    @CsvSource(nullValues = "NULL", value = {
            "1300, 1000, 300, 9999000, 1300",   // the realm's own lifespan is the shortest
            "1900, 1000, 300, 9999000, 1300",   // the exchanged-token lifetime is
            "1900, 1000, 300, 1120000, 1120",   // the key expires first
            "NULL, 1000, 60, 9999000, 1060",    // no lifespan from Keycloak: the setting still holds
    })
    @DisplayName("Given the three limits, then a token expires at the earliest")
    void expiry(Long issued, long now, int lifetime, long keyExpiresAt, long expected) {
        assertThat(ExchangedToken.expiry(issued, now, lifetime, keyExpiresAt)).isEqualTo(expected);
    }

    @Test
    @DisplayName("Given no client role the key may use, then the token has no resource_access, as Keycloak writes it")
    void noClientRolesLeft() {
        AccessToken token = new AccessToken();
        token.addAccess("billing").addRole("approver");

        ExchangedToken.narrow(token, Set.of(), Map.of());

        assertThat(token.getResourceAccess()).isEmpty(); // the getter answers an empty map for the absent claim
    }
}
