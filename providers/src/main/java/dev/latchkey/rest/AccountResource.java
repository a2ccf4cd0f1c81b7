package dev.latchkey.rest;

import dev.latchkey.apikey.minting.ApiKeysAccountResource;
import dev.latchkey.password.PasswordResource;
import dev.latchkey.profile.PreferencesResource;
import dev.latchkey.profile.ProfileResource;
import jakarta.ws.rs.Path;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.managers.Auth;

/** {@code /realms/{realm}/latchkey/me}: everything the signed-in user manages about themselves. */
public final class AccountResource {

    private final KeycloakSession session;
    private final Auth auth;

    AccountResource(KeycloakSession session, Auth auth) {
        this.session = session;
        this.auth = auth;
    }

    @Path("api-keys")
    public ApiKeysAccountResource apiKeys() {
        return new ApiKeysAccountResource(session, auth);
    }

    @Path("profile")
    public ProfileResource profile() {
        return new ProfileResource(session, auth);
    }

    @Path("preferences")
    public PreferencesResource preferences() {
        return new PreferencesResource(session, auth);
    }

    @Path("password")
    public PasswordResource password() {
        return new PasswordResource(session, auth);
    }
}
