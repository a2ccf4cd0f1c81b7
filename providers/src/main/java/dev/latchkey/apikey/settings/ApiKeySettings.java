package dev.latchkey.apikey.settings;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.keycloak.models.RealmModel;

/**
 * The realm's API-key settings in force, read from realm attributes. Realm attributes are held by the realm cache,
 * so reading one is a map lookup; each getter reads only its own attribute because validation, on every request,
 * needs just two of them.
 */
public final class ApiKeySettings {

    private final UnaryOperator<String> attributes;

    ApiKeySettings(UnaryOperator<String> attributes) {
        this.attributes = attributes;
    }

    public static ApiKeySettings of(RealmModel realm) {
        return new ApiKeySettings(realm::getAttribute);
    }

    public boolean enabled() {
        return Boolean.parseBoolean(text(ApiKeySetting.ENABLED));
    }

    public int maxLifetimeDays() {
        return Integer.parseInt(text(ApiKeySetting.MAX_LIFETIME_DAYS));
    }

    public String roleName() {
        return text(ApiKeySetting.ROLE);
    }

    public int maxKeysPerUser() {
        return Integer.parseInt(text(ApiKeySetting.MAX_KEYS_PER_USER));
    }

    public int reauthenticationSeconds() {
        return Integer.parseInt(text(ApiKeySetting.REAUTHENTICATION_SECONDS));
    }

    public int exchangeTokenSeconds() {
        return Integer.parseInt(text(ApiKeySetting.EXCHANGE_TOKEN_SECONDS));
    }

    public boolean requireScopes() {
        return Boolean.parseBoolean(text(ApiKeySetting.REQUIRE_SCOPES));
    }

    public boolean proxyAuth() {
        return Boolean.parseBoolean(text(ApiKeySetting.PROXY_AUTH));
    }

    public int maxRotationGraceSeconds() {
        return Integer.parseInt(text(ApiKeySetting.MAX_ROTATION_GRACE_SECONDS));
    }

    /** Days before expiry to remind a key's owner on, largest first; empty: no reminders. */
    public List<Integer> reminderDays() {
        return ApiKeySetting.REMINDER_DAYS.days(text(ApiKeySetting.REMINDER_DAYS));
    }

    /** Days after a key stopped working that it is deleted; 0: never. */
    public int deleteExpiredAfterDays() {
        return Integer.parseInt(text(ApiKeySetting.DELETE_EXPIRED_AFTER_DAYS));
    }

    /** Days without use after which the lifecycle task revokes a key; 0: never. */
    public int revokeUnusedAfterDays() {
        return Integer.parseInt(text(ApiKeySetting.REVOKE_UNUSED_AFTER_DAYS));
    }

    /** The canonical text of a setting in force. */
    public String text(ApiKeySetting setting) {
        return setting.effective(attributes.apply(setting.attribute()));
    }

    /** Every setting's text in force, in definition order. */
    public Map<ApiKeySetting, String> texts() {
        Map<ApiKeySetting, String> texts = new EnumMap<>(ApiKeySetting.class);
        for (ApiKeySetting setting : ApiKeySetting.values()) {
            texts.put(setting, text(setting));
        }
        return texts;
    }

    /** Every setting as JSON, by field name, in definition order: the admin REST API's representation. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        texts().forEach((setting, text) -> json.put(setting.field(), setting.toJson(text)));
        return json;
    }

    /**
     * Stores the given values, each already validated; a value equal to the one in force is not written again, so
     * changing one setting never touches another.
     */
    public static void write(RealmModel realm, Map<ApiKeySetting, String> changes) {
        ApiKeySettings current = of(realm);
        changes.forEach((setting, text) -> {
            if (!text.equals(current.text(setting))) {
                realm.setAttribute(setting.attribute(), text);
            }
        });
    }
}
