package dev.latchkey.apikey.credential;

import dev.latchkey.apikey.format.SecretHasher;
import dev.latchkey.apikey.settings.ApiKeySettings;
import dev.latchkey.common.LatchkeyError;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The rules for a key that arrives through Keycloak's generic credential paths rather than Latchkey's create endpoint:
 * a realm import ({@code kc.sh import}, {@code --import-realm}, a realm JSON posted by an admin) or an admin's user
 * representation with a {@code credentials} array. Moving a realm must keep its keys, so such keys are accepted, but
 * only with the properties Latchkey's own create path guarantees: a readable key with a well-formed hash, a valid name
 * and description unique for the user, an expiration within the realm's maximum lifetime from its creation, and room
 * under the per-user limit. Who may add credentials (an admin with manage-users, or whoever runs the import) is
 * Keycloak's own decision and is recorded in Keycloak's admin events.
 */
public final class IncomingKeyRules {

    /** A key created on another server may carry a clock a little ahead of this one. */
    private static final long CLOCK_SKEW_MILLIS = Duration.ofMinutes(5).toMillis();
    /** The maximum lifetime ends with the last allowed day, in the owner's zone: up to a day past the day count. */
    private static final long LAST_DAY_MILLIS = Duration.ofDays(1).toMillis();

    private IncomingKeyRules() {
    }

    /** @throws ModelException naming the broken rule; Keycloak answers an admin with 400 and stops an import */
    public static void check(KeycloakSession session, RealmModel realm, UserModel user, ApiKeyCredentialModel key) {
        List<ApiKeyCredentialModel> existing = new UserKeys(session, user).list();
        if (key.getId() != null && !isUuid(key.getId())) {
            throw refused("its id must be a UUID: the key text carries it");
        }
        if (!SecretHasher.ALGORITHM.equals(key.secret().algorithm()) || !SecretHasher.isWellFormed(key.secret().hash())) {
            throw refused("its secret data must be a " + SecretHasher.ALGORITHM + " hash as Latchkey stores it");
        }
        try {
            String name = KeyTexts.name(key.data().name());
            KeyTexts.description(key.data().description());
            // as on the create path, a replaced key (in or past its grace period) shares its successor's name
            if (!key.data().isReplaced() && UserKeys.nameTaken(existing, name)) {
                throw refused("the user already has an API key named '" + name + "'");
            }
        } catch (LatchkeyError invalid) {
            throw refused(invalid.description());
        }
        long now = Time.currentTimeMillis();
        long created = key.getCreatedDate() == null ? now : key.getCreatedDate();
        ApiKeySettings settings = ApiKeySettings.of(realm);
        if (created > now + CLOCK_SKEW_MILLIS) {
            throw refused("its creation date lies in the future");
        }
        long latest = created + Duration.ofDays(settings.maxLifetimeDays()).toMillis() + LAST_DAY_MILLIS;
        if (key.data().expiresAt() <= created || key.data().expiresAt() > latest) {
            throw refused("it must expire after its creation and within the realm's maximum lifetime of "
                    + settings.maxLifetimeDays() + " days from it");
        }
        if (key.data().isActiveForLimit(now) && UserKeys.activeCount(existing, now) >= settings.maxKeysPerUser()) {
            throw refused("the user already has the realm's limit of " + settings.maxKeysPerUser() + " active API keys");
        }
    }

    private static boolean isUuid(String id) {
        try {
            return UUID.fromString(id).toString().equalsIgnoreCase(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ModelException refused(String reason) {
        return new ModelException("API key credential refused: " + reason);
    }
}
