package dev.latchkey.apikey.mail;

import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import org.keycloak.Config;
import org.keycloak.models.RealmModel;

/**
 * The account console's address for the key emails: the Profile page (the console's start page with Latchkey's
 * theme) is where a user sees and deletes keys.
 *
 * <p>Only from what an admin configured, never from the request: a server without {@code --hostname} takes its
 * address from the request's {@code Host} header, and anyone may send any {@code Host} with a create, which would put
 * a link of their choosing into a security notice ("not you? click here").
 */
public final class AccountLinks {

    private AccountLinks() {
    }

    /**
     * The realm's Frontend URL, else the server's {@code --hostname}; null when neither is set (the email then names
     * the page without a link).
     */
    public static String of(RealmModel realm) {
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
