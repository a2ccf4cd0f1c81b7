package dev.latchkey.apikey.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiKeySettingTest {

    @ParameterizedTest(name = "{0} stored as [{1}] is in force as {2}")
    @CsvSource(nullValues = "NULL", value = {
            "ENABLED, NULL, false",
            "ENABLED, true, true",
            "ENABLED, ' TRUE ', true",
            "ENABLED, yes, false",
            "MAX_LIFETIME_DAYS, NULL, 180",
            "MAX_LIFETIME_DAYS, 30, 30",
            "MAX_LIFETIME_DAYS, ' 365 ', 365",
            "MAX_LIFETIME_DAYS, 0, 180",
            "MAX_LIFETIME_DAYS, 366, 180",
            "MAX_LIFETIME_DAYS, many, 180",
            "MAX_LIFETIME_DAYS, 99999999999, 180",
            "ROLE, NULL, api-access",
            "ROLE, '  ', api-access",
            "ROLE, ' ops ', ops",
            "MAX_KEYS_PER_USER, 1, 1",
            "MAX_KEYS_PER_USER, 1001, 100",
    })
    @DisplayName("Given a stored value that is missing, malformed or out of range, then its default is in force")
    void effective(ApiKeySetting setting, String stored, String inForce) {
        assertThat(setting.effective(stored)).isEqualTo(inForce);
    }

    @Test
    @DisplayName("Given realm attributes, then the typed settings read each one through its definition")
    void typedSettings() {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("latchkey.apiKeys.enabled", "true");
        attributes.put("latchkey.apiKeys.maxLifetimeDays", "400");
        attributes.put("latchkey.apiKeys.role", "ops");
        attributes.put("latchkey.apiKeys.requireScopes", "TRUE");

        ApiKeySettings settings = new ApiKeySettings(attributes::get);

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.maxLifetimeDays()).isEqualTo(180);
        assertThat(settings.roleName()).isEqualTo("ops");
        assertThat(settings.maxKeysPerUser()).isEqualTo(100);
        assertThat(settings.requireScopes()).isTrue();
        assertThat(settings.toJson()).containsExactly(Map.entry("enabled", true), Map.entry("maxLifetimeDays", 180),
                Map.entry("role", "ops"), Map.entry("maxKeysPerUser", 100), Map.entry("reauthenticationSeconds", 300),
                Map.entry("requireScopes", true), Map.entry("exchangeTokenSeconds", 300), Map.entry("proxyAuth", false),
                Map.entry("maxRotationGraceSeconds", 604800), Map.entry("reminderDays", "7,1"),
                Map.entry("deleteExpiredAfterDays", 30), Map.entry("revokeUnusedAfterDays", 0));
        assertThat(settings.revokeUnusedAfterDays()).as("off by default").isZero();
    }

    @ParameterizedTest(name = "reminder days stored as [{0}] are in force as [{1}]")
    @CsvSource(nullValues = "NULL", value = {
            "NULL, '7,1'",
            "'', ''",
            "'  ', ''",
            "'1,7', '7,1'",
            "' 30 , 7,7 ,1', '30,7,1'",
            "'0,1', '7,1'",
            "'366', '7,1'",
            "'1,2,3,4,5,6', '7,1'",
            "'1,,2', '7,1'",
            "'weekly', '7,1'"})
    @DisplayName("Given reminder days, then the text in force is the canonical list; empty is off, anything malformed the default")
    void reminderDays(String stored, String inForce) {
        assertThat(ApiKeySetting.REMINDER_DAYS.effective(stored)).isEqualTo(inForce);
    }

    @Test
    @DisplayName("Given reminder days from the admin REST API, then a text or an array of numbers is taken and stored canonically")
    void reminderDaysFromJson() {
        ApiKeySetting days = ApiKeySetting.REMINDER_DAYS;
        assertThat(days.validate(days.fromJson(java.util.List.of(1, 14)), null)).isEqualTo("14,1");
        assertThat(days.validate(days.fromJson("3"), null)).isEqualTo("3");
        assertThat(days.validate(days.fromJson(""), null)).isEmpty();
        assertThat(new ApiKeySettings(Map.of("latchkey.apiKeys.reminderDays", "")::get).reminderDays()).isEmpty();
        assertThat(new ApiKeySettings(Map.of("latchkey.apiKeys.reminderDays", "1,30")::get).reminderDays())
                .containsExactly(30, 1);
        assertThatThrownBy(() -> days.validate("0", null)).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("reminderDays");
        assertThatThrownBy(() -> days.validate("1,2,3,4,5,6", null)).isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> days.fromJson(7)).isInstanceOf(InvalidSettingException.class);
    }

    @ParameterizedTest(name = "{0} = {1} is refused")
    @CsvSource({
            "ENABLED, yes",
            "MAX_LIFETIME_DAYS, 0",
            "MAX_LIFETIME_DAYS, 366",
            "MAX_LIFETIME_DAYS, 1.5",
            "MAX_KEYS_PER_USER, ''",
    })
    @DisplayName("Given an admin's value outside the definition, then it is refused naming the field")
    void refused(ApiKeySetting setting, String requested) {
        assertThatThrownBy(() -> setting.validate(requested, null))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith(setting.field() + " must");
    }

    @ParameterizedTest(name = "{0} = {1} is stored as {2}")
    @CsvSource({
            "ENABLED, True, true",
            "MAX_LIFETIME_DAYS, ' 042 ', 42",
            "MAX_KEYS_PER_USER, 1000, 1000",
    })
    @DisplayName("Given an admin's value inside the definition, then its canonical text is stored")
    void canonical(ApiKeySetting setting, String requested, String stored) {
        assertThat(setting.validate(requested, null)).isEqualTo(stored);
    }

    @Test
    @DisplayName("Given JSON of the wrong type, then it is refused rather than coerced")
    void jsonTypes() {
        assertThat(ApiKeySetting.ENABLED.fromJson(true)).isEqualTo("true");
        assertThat(ApiKeySetting.MAX_LIFETIME_DAYS.fromJson(30)).isEqualTo("30");
        assertThatThrownBy(() -> ApiKeySetting.ENABLED.fromJson("yes")).isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> ApiKeySetting.MAX_LIFETIME_DAYS.fromJson("30")).isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> ApiKeySetting.MAX_LIFETIME_DAYS.fromJson(1.5)).isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> ApiKeySetting.ROLE.fromJson(7)).isInstanceOf(InvalidSettingException.class);
    }
}
