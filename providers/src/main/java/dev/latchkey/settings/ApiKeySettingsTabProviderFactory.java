package dev.latchkey.settings;

import java.util.List;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiTabProvider;
import org.keycloak.services.ui.extend.UiTabProviderFactory;

/**
 * The "API keys" tab under Realm settings in the admin console (server feature {@code declarative-ui}). The console
 * saves the form as a component; this factory validates it and mirrors it into the realm attributes that
 * {@link ApiKeySettings} reads, so the tab and the admin REST endpoint change the same settings.
 */
public final class ApiKeySettingsTabProviderFactory implements UiTabProvider, UiTabProviderFactory<ComponentModel> {

    /** Shown by the admin console as the tab's title. */
    public static final String PROVIDER_ID = "API keys";

    static final String ENABLED = "enabled";
    static final String MAX_LIFETIME_DAYS = "maxLifetimeDays";
    static final String ROLE = "role";
    static final String MAX_KEYS_PER_USER = "maxKeysPerUser";

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
        ApiKeySettings defaults = ApiKeySettings.DEFAULTS;
        return ProviderConfigurationBuilder.create()
                .property().name(ENABLED).label("API keys enabled").type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue(Boolean.toString(defaults.enabled()))
                .helpText("When off, no key can be created and every existing key is refused; switching back on "
                        + "makes unexpired keys work again").add()
                .property().name(MAX_LIFETIME_DAYS).label("Maximum lifetime (days)").type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(Integer.toString(defaults.maxLifetimeDays()))
                .helpText("Longest expiration a user may choose, " + ApiKeySettings.MIN_LIFETIME_DAYS + "-"
                        + ApiKeySettings.MAX_LIFETIME_DAYS_LIMIT + " days").add()
                .property().name(ROLE).label("API-access role").type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(defaults.roleName())
                .helpText("Realm role a user needs (directly, through a group or a composite role) to create and use keys").add()
                .property().name(MAX_KEYS_PER_USER).label("Maximum active keys per user").type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(Integer.toString(defaults.maxKeysPerUser()))
                .helpText(ApiKeySettings.MIN_KEYS_PER_USER + "-" + ApiKeySettings.MAX_KEYS_PER_USER_LIMIT).add()
                .build();
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        List<String> problems = fromComponent(model).problems(realm);
        if (!problems.isEmpty()) {
            throw new ComponentValidationException(String.join("; ", problems));
        }
    }

    @Override
    public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
        fromComponent(model).writeTo(realm);
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        fromComponent(newModel).writeTo(realm);
    }

    static ApiKeySettings fromComponent(ComponentModel model) {
        return new ApiKeySettings(
                Boolean.parseBoolean(model.get(ENABLED, Boolean.toString(ApiKeySettings.DEFAULT_ENABLED))),
                parseInt(model.get(MAX_LIFETIME_DAYS), ApiKeySettings.DEFAULT_MAX_LIFETIME_DAYS),
                model.get(ROLE, ApiKeySettings.DEFAULT_ROLE),
                parseInt(model.get(MAX_KEYS_PER_USER), ApiKeySettings.DEFAULT_MAX_KEYS_PER_USER));
    }

    /** Keeps a saved tab in step when the settings change through the admin REST API. */
    public static void syncComponents(RealmModel realm, ApiKeySettings settings) {
        realm.getComponentsStream(realm.getId(), UiTabProvider.class.getName())
                .filter(component -> PROVIDER_ID.equals(component.getProviderId()))
                .forEach(component -> {
                    component.put(ENABLED, Boolean.toString(settings.enabled()));
                    component.put(MAX_LIFETIME_DAYS, Integer.toString(settings.maxLifetimeDays()));
                    component.put(ROLE, settings.roleName());
                    component.put(MAX_KEYS_PER_USER, Integer.toString(settings.maxKeysPerUser()));
                    realm.updateComponent(component);
                });
    }

    private static int parseInt(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE; // reported as out of range by validation
        }
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
