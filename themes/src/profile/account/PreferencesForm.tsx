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
  TextInput,
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

  const { editable } = profile;
  const change: Preferences = {
    ...(editable.locale && locales.length > 0 && locale !== initialLocale ? { locale } : {}),
    ...(editable.timezone && timezone !== "" && timezone !== (profile.timezone ?? "") ? { timezone } : {}),
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
      {error?.place === "form" && (
        <Alert isInline variant="danger" title={error.message} data-testid="latchkey-preferences-error">
          {error.detail}
        </Alert>
      )}
      {locales.length > 0 && (
        <FormGroup label={t("latchkeyLanguage")} fieldId="latchkey-language">
          <FormSelect
            id="latchkey-language"
            value={locale}
            onChange={(_, value) => {
              setLocale(value);
              if (error?.place === "locale") setError(undefined);
            }}
            isDisabled={!editable.locale}
            validated={error?.place === "locale" ? "error" : "default"}
            data-testid="latchkey-language"
          >
            {locales.map(({ tag, displayName, localizedName }) => (
              <FormSelectOption
                key={tag}
                value={tag}
                label={localizedName && localizedName !== displayName ? `${displayName} (${localizedName})` : displayName}
              />
            ))}
          </FormSelect>
          <FieldHelp
            id="latchkey-language-help"
            error={error?.place === "locale" ? error : undefined}
            text={editable.locale ? undefined : t("latchkeySetByAdministrator")}
          />
        </FormGroup>
      )}
      <FormGroup label={t("latchkeyTimeZone")} fieldId="latchkey-timezone">
        {editable.timezone ? (
          <TimeZoneSelect
            id="latchkey-timezone"
            value={timezone}
            onChange={(zone) => {
              setTimezone(zone);
              if (error?.place === "timezone") setError(undefined);
            }}
            placeholder={t("latchkeyTimeZonePlaceholder")}
          />
        ) : (
          <TextInput
            id="latchkey-timezone"
            value={profile.timezone ?? t("latchkeyNotSet")}
            readOnlyVariant="plain"
            data-testid="latchkey-timezone"
          />
        )}
        <FieldHelp
          id="latchkey-timezone-help"
          error={error?.place === "timezone" ? error : undefined}
          text={[
            format.timeZoneIsDefault
              ? t("latchkeyTimeZoneBrowserDefault", { zone: format.timeZone })
              : t("latchkeyTimeZoneHelp"),
            editable.timezone ? "" : t("latchkeySetByAdministrator"),
          ].join(" ").trim()}
        />
      </FormGroup>
      {(editable.locale || editable.timezone) && (
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
      )}
    </Form>
  );
};

/** A field's error, or else its help text. */
const FieldHelp = ({ id, error, text }: { id: string; error?: ShownError; text?: string }) =>
  error || text ? (
    <FormHelperText>
      <HelperText>
        <HelperTextItem id={id} variant={error ? "error" : "default"} data-testid={id}>
          {error ? [error.message, error.detail].filter(Boolean).join(" ") : text}
        </HelperTextItem>
      </HelperText>
    </FormHelperText>
  ) : null;
