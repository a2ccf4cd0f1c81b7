package dev.latchkey.apikey.settings;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.RealmModel;

/**
 * Validates a change an admin asks for, from the admin REST API (JSON) or the admin-console tab (texts), against
 * the definitions in {@link ApiKeySetting}. A setting left out, or sent with the value in force, keeps that value
 * and is not checked again: saving one field (the console always sends them all) never fails or changes because of
 * another, e.g. a role an admin deleted after choosing it.
 */
public final class SettingsUpdate {

    private SettingsUpdate() {
    }

    /**
     * @param json field name to JSON value; {@code null} values are left out
     * @return the canonical texts to store
     * @throws InvalidSettingException listing every problem
     */
    public static Map<ApiKeySetting, String> fromJson(Map<String, Object> json, RealmModel realm) {
        ApiKeySettings current = ApiKeySettings.of(realm);
        Map<ApiKeySetting, String> changes = new EnumMap<>(ApiKeySetting.class);
        List<String> problems = new ArrayList<>();
        json.forEach((field, value) -> {
            if (value == null) {
                return;
            }
            ApiKeySetting setting = ApiKeySetting.byField(field).orElse(null);
            if (setting == null) {
                problems.add("unknown setting '" + field + "'");
                return;
            }
            try {
                String text = setting.fromJson(value);
                if (!text.trim().equals(current.text(setting))) {
                    changes.put(setting, setting.validate(text, realm));
                }
            } catch (InvalidSettingException e) {
                problems.add(e.getMessage());
            }
        });
        return checked(changes, problems);
    }

    /**
     * @param texts field name to text, as the admin console's tab saves them; fields that are no setting (the
     *              console adds its route parameters) are ignored
     */
    public static Map<ApiKeySetting, String> fromTexts(Map<String, String> texts, RealmModel realm) {
        ApiKeySettings current = ApiKeySettings.of(realm);
        Map<ApiKeySetting, String> changes = new EnumMap<>(ApiKeySetting.class);
        List<String> problems = new ArrayList<>();
        for (ApiKeySetting setting : ApiKeySetting.values()) {
            String text = texts.get(setting.field());
            if (text == null || text.trim().equals(current.text(setting))) {
                continue;
            }
            try {
                changes.put(setting, setting.validate(text, realm));
            } catch (InvalidSettingException e) {
                problems.add(e.getMessage());
            }
        }
        return checked(changes, problems);
    }

    private static Map<ApiKeySetting, String> checked(Map<ApiKeySetting, String> changes, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidSettingException(String.join("; ", problems));
        }
        return changes;
    }
}
