package dev.latchkey.apikey.lifecycle;

import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;

/**
 * The account console's address for the key emails: the Profile page (the console's start page with Latchkey's
 * theme) is where a user sees and deletes keys.
 */
final class AccountLinks {

    private AccountLinks() {
    }

    /** During a request: the console under the address the request came to (Keycloak's hostname rules applied). */
    static String fromRequest(KeycloakSession session, RealmModel realm) {
        return Urls.accountBase(session.getContext().getUri().getBaseUri()).build(realm.getName()).toString() + "/";
    }

    /**
     * Without a request (the scheduled reminders): the realm's Frontend URL, else the server's {@code --hostname};
     * null when neither is set (the email then names the page without a link).
     */
    static String withoutRequest(RealmModel realm) {
        String base = realm.getAttribute("frontendUrl");
        if (base == null || base.isBlank()) {
            String hostname = Config.scope("hostname", "v2").get("hostname");
            if (hostname == null || hostname.isBlank()) {
                return null;
            }
            base = hostname.startsWith("http://") || hostname.startsWith("https://") ? hostname : "https://" + hostname;
        }
        try {
            URI frontend = URI.create(base.endsWith("/") ? base : base + "/");
            // a Frontend URL names the server root (or its context path) the realm is served under
            return UriBuilder.fromUri(frontend).path("realms/{realm}/account/").build(realm.getName()).toString();
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
