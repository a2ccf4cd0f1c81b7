package dev.latchkey.apikey.settings;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiTabProvider;

/**
 * The admin-console tab's side of the settings. The console shows the tab from a component of the realm (or the
 * fields' defaults when there is none), not from the realm attributes the settings live in; so whenever the
 * attributes may have changed (realm import, realm JSON update, Latchkey's REST API, server start), {@link #mirror}
 * writes the settings in force into that component.
 */
public final class SettingsTab {

    private static final String COMPONENT_TYPE = UiTabProvider.class.getName();

    private SettingsTab() {
    }

    static List<ProviderConfigProperty> configProperties() {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        for (ApiKeySetting setting : ApiKeySetting.values()) {
            builder.property().name(setting.field()).label(setting.label())
                    .type(switch (setting.type()) {
                        case BOOLEAN -> ProviderConfigProperty.BOOLEAN_TYPE;
                        case INTEGER -> ProviderConfigProperty.INTEGER_TYPE;
                        case REALM_ROLE, DAY_LIST -> ProviderConfigProperty.STRING_TYPE;
                    })
                    .defaultValue(setting.defaultValue())
                    .helpText(setting.type() == ApiKeySetting.Type.INTEGER || setting.type() == ApiKeySetting.Type.DAY_LIST
                            ? setting.help() + " Allowed: " + setting.range() + "." : setting.help())
                    .add();
        }
        return builder.build();
    }

    /**
     * Puts the settings in force into the realm's tab components. Writes nothing when they already agree. A realm
     * without a component gets one only when its settings differ from the defaults (the console shows the defaults
     * when there is none).
     */
    public static void mirror(RealmModel realm) {
        Map<String, String> inForce = ApiKeySettings.of(realm).texts().entrySet().stream()
                .collect(Collectors.toMap(entry -> entry.getKey().field(), Map.Entry::getValue));
        List<ComponentModel> tabs = realm.getComponentsStream(realm.getId(), COMPONENT_TYPE)
                .filter(component -> ApiKeySettingsTabProviderFactory.PROVIDER_ID.equals(component.getProviderId()))
                .toList();
        for (ComponentModel tab : tabs) {
            if (!agrees(tab, inForce)) {
                inForce.forEach(tab::put);
                realm.updateComponent(tab);
            }
        }
        if (tabs.isEmpty() && !inForce.equals(defaults())) {
            ComponentModel tab = new ComponentModel();
            tab.setName(ApiKeySettingsTabProviderFactory.PROVIDER_ID);
            tab.setProviderId(ApiKeySettingsTabProviderFactory.PROVIDER_ID);
            tab.setProviderType(COMPONENT_TYPE);
            tab.setParentId(realm.getId());
            inForce.forEach(tab::put);
            // imported, not added: the values come from the attributes, there is nothing to validate or write back
            realm.importComponentModel(tab);
        }
    }

    private static boolean agrees(ComponentModel tab, Map<String, String> inForce) {
        return inForce.entrySet().stream().allMatch(entry -> Objects.equals(tab.get(entry.getKey()), entry.getValue()));
    }

    private static Map<String, String> defaults() {
        return java.util.Arrays.stream(ApiKeySetting.values())
                .collect(Collectors.toMap(ApiKeySetting::field, ApiKeySetting::defaultValue));
    }
}
