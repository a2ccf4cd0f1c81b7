package dev.latchkey.apikey.settings;

import dev.latchkey.common.StatelessProviderFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.ui.extend.UiTabProvider;
import org.keycloak.services.ui.extend.UiTabProviderFactory;

/**
 * The "API keys" tab under Realm settings in the admin console (server feature {@code declarative-ui}). Its fields
 * are the {@link ApiKeySetting}s. The console saves the form as a component; saving validates it and stores the
 * values that changed in the realm attributes the settings are read from. The component only mirrors those
 * attributes for the console to show ({@link SettingsTab} keeps it in step however the attributes change).
 */
public final class ApiKeySettingsTabProviderFactory implements UiTabProvider, UiTabProviderFactory<ComponentModel>,
        StatelessProviderFactory<UiTabProvider> {

    /** Shown by the admin console as the tab's title. */
    public static final String PROVIDER_ID = "API keys";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Personal API keys (Latchkey): who may create them and for how long";
    }

    @Override
    public String getPath() {
        return "/:realm/realm-settings/:tab?";
    }

    @Override
    public Map<String, String> getParams() {
        return Map.of("tab", "api-keys");
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return SettingsTab.configProperties();
    }

    /**
     * Refuses invalid values, and makes the form complete and canonical: a field left out, or sent as it is in
     * force, gets the value in force. Keycloak stores the model it validates, so the tab then shows every setting
     * exactly as {@link SettingsTab#mirror} writes it.
     */
    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        Map<ApiKeySetting, String> changes;
        try {
            changes = SettingsUpdate.fromTexts(texts(model), realm);
        } catch (InvalidSettingException e) {
            throw new ComponentValidationException(e.getMessage());
        }
        ApiKeySettings.of(realm).texts().forEach(
                (setting, inForce) -> model.put(setting.field(), changes.getOrDefault(setting, inForce)));
    }

    @Override
    public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
        saved(realm, model);
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        saved(realm, newModel);
    }

    /** Stores what changed; another tab component of the realm (a second console saving at once) is brought in step. */
    private static void saved(RealmModel realm, ComponentModel model) {
        ApiKeySettings.write(realm, SettingsUpdate.fromTexts(texts(model), realm));
        SettingsTab.mirror(realm);
    }

    private static Map<String, String> texts(ComponentModel model) {
        Map<String, String> texts = new HashMap<>();
        model.getConfig().forEach((key, values) -> {
            if (values != null && !values.isEmpty()) {
                texts.put(key, values.get(0));
            }
        });
        return texts;
    }

    /** The factory is its own provider; neither holds anything to release. */
    @Override
    public void close() {
    }
}
