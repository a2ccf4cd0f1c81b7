import { useAccountAlerts, useEnvironment } from "@keycloak/keycloak-account-ui";
import {
  ActionGroup,
  Alert,
  Button,
  Form,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
} from "@patternfly/react-core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { savePreferences, type Preferences, type Profile } from "../../api/profile";
import { describeError, type ShownError } from "../errors";
import { useFormat } from "../ProfileSettings";
import { TimeZoneSelect } from "./TimeZoneSelect";

type Props = {
  profile: Profile;
  onSaved: (preferences: Preferences) => void;
};

/** Language and time zone, the two settings the user edits here. */
export const PreferencesForm = ({ profile, onSaved }: Props) => {
  const { t, i18n } = useTranslation();
  const context = useEnvironment();
  const { addAlert } = useAccountAlerts();
  const format = useFormat();

  const locales = profile.supportedLocales;
  const initialLocale =
    profile.locale ?? locales.find((locale) => locale.tag === i18n.language)?.tag ?? locales[0]?.tag ?? "";
  const [locale, setLocale] = useState(initialLocale);
  const [timezone, setTimezone] = useState(profile.timezone ?? "");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ShownError>();

  const change: Preferences = {
    ...(locales.length > 0 && locale !== initialLocale ? { locale } : {}),
    ...(timezone !== "" && timezone !== (profile.timezone ?? "") ? { timezone } : {}),
  };
  const changed = Object.keys(change).length > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!changed) return;
    setSaving(true);
    setError(undefined);
    try {
      const saved = await savePreferences(context, change);
      onSaved(saved);
      if (saved.locale && saved.locale !== i18n.language) {
        await i18n.changeLanguage(saved.locale);
        document.documentElement.lang = saved.locale;
      }
      addAlert(t("latchkeyPreferencesSaved"));
    } catch (failure) {
      setError(describeError(t, failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form onSubmit={submit} data-testid="latchkey-preferences-form" isWidthLimited>
      {error && (
        <Alert isInline variant="danger" title={error.message} data-testid="latchkey-preferences-error">
          {error.detail}
        </Alert>
      )}
      {locales.length > 0 && (
        <FormGroup label={t("latchkeyLanguage")} fieldId="latchkey-language">
          <FormSelect
            id="latchkey-language"
            value={locale}
            onChange={(_, value) => setLocale(value)}
            data-testid="latchkey-language"
          >
            {locales.map(({ tag, displayName }) => (
              <FormSelectOption key={tag} value={tag} label={displayName} />
            ))}
          </FormSelect>
        </FormGroup>
      )}
      <FormGroup label={t("latchkeyTimeZone")} fieldId="latchkey-timezone">
        <TimeZoneSelect
          id="latchkey-timezone"
          value={timezone}
          onChange={setTimezone}
          placeholder={t("latchkeyTimeZonePlaceholder")}
        />
        <FormHelperText>
          <HelperText>
            <HelperTextItem data-testid="latchkey-timezone-help">
              {format.timeZoneIsDefault
                ? t("latchkeyTimeZoneBrowserDefault", { zone: format.timeZone })
                : t("latchkeyTimeZoneHelp")}
            </HelperTextItem>
          </HelperText>
        </FormHelperText>
      </FormGroup>
      <ActionGroup>
        <Button
          type="submit"
          variant="primary"
          isDisabled={!changed || saving}
          isLoading={saving}
          data-testid="latchkey-save-preferences"
        >
          {t("latchkeySave")}
        </Button>
      </ActionGroup>
    </Form>
  );
};
