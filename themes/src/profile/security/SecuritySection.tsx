import { useEnvironment } from "@keycloak/keycloak-account-ui";
import {
  ActionGroup,
  Alert,
  Button,
  Checkbox,
  Form,
  HelperText,
  HelperTextItem,
  Title,
} from "@patternfly/react-core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

import { changePassword } from "../../api/password";
import type { Profile } from "../../api/profile";
import { describeError, type ErrorPlace, type ShownError } from "../errors";
import { PasswordField } from "./PasswordField";
import { policyHints } from "./passwordPolicy";

const EMPTY = { currentPassword: "", newPassword: "", confirmation: "" };
type Fields = typeof EMPTY;

export const SecuritySection = ({ profile }: { profile: Profile }) => {
  const { t } = useTranslation();
  return (
    <div className="pf-v5-u-pt-lg" data-testid="latchkey-security">
      <Title headingLevel="h2" size="lg" className="pf-v5-u-mb-md">
        {t("latchkeyChangePassword")}
      </Title>
      {profile.passwordChange.allowed ? (
        <PasswordForm profile={profile} />
      ) : (
        <ExternalPasswordNotice change={profile.passwordChange} />
      )}
    </div>
  );
};

const ExternalPasswordNotice = ({ change }: { change: Extract<Profile["passwordChange"], { allowed: false }> }) => {
  const { t } = useTranslation();
  if (change.reason === "no_password") {
    return (
      <Alert isInline variant="info" title={t("latchkeyPasswordNotSet")} data-testid="latchkey-password-not-set">
        <Link to="account-security/signing-in" data-testid="latchkey-password-signing-in-link">
          {t("latchkeyPasswordNotSetLink")}
        </Link>
      </Alert>
    );
  }
  const key =
    change.reason === "identity_provider"
      ? change.providerName
        ? "latchkeyPasswordManagedByIdentityProvider"
        : "latchkeyPasswordManagedByIdentityProviderUnnamed"
      : change.providerName
        ? "latchkeyPasswordManagedByFederation"
        : "latchkeyPasswordManagedExternally";
  return (
    <Alert
      isInline
      variant="info"
      title={t(key, { provider: change.providerName })}
      data-testid="latchkey-password-external"
    >
      {t("latchkeyPasswordManagedExternallyHelp")}
    </Alert>
  );
};

const PasswordForm = ({ profile }: { profile: Profile }) => {
  const { t } = useTranslation();
  const context = useEnvironment();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [logoutOtherSessions, setLogoutOtherSessions] = useState(true);
  const [errors, setErrors] = useState<Partial<Record<ErrorPlace, ShownError>>>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const set = (name: keyof Fields) => (value: string) => {
    setFields((previous) => ({ ...previous, [name]: value }));
    // a server error about a field is stale once the field changes
    setErrors((previous) => ({ ...previous, [name]: undefined, form: undefined }));
    setSaved(false);
  };

  const mismatch = fields.confirmation !== "" && fields.confirmation !== fields.newPassword;
  const complete = fields.currentPassword !== "" && fields.newPassword !== "" && fields.confirmation !== "";
  const hints = policyHints(profile.passwordPolicy, fields.newPassword, profile);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!complete || mismatch) return;
    setSaving(true);
    setErrors({});
    try {
      await changePassword(context, { ...fields, logoutOtherSessions });
      setFields(EMPTY);
      setSaved(true);
    } catch (failure) {
      const shown = describeError(t, failure);
      setErrors({ [shown.place === "name" ? "form" : shown.place]: shown });
    } finally {
      setSaving(false);
    }
  };

  const fieldError = (place: ErrorPlace) => errors[place]?.message;

  return (
    <Form onSubmit={submit} isWidthLimited data-testid="latchkey-password-form">
      {profile.passwordChange.providerName && (
        <Alert
          isInline
          isPlain
          variant="info"
          title={t("latchkeyPasswordStoredBy", { provider: profile.passwordChange.providerName })}
          data-testid="latchkey-password-stored-by"
        />
      )}
      {saved && (
        <Alert
          isInline
          variant="success"
          title={t("latchkeyPasswordChanged")}
          data-testid="latchkey-password-success"
        >
          {logoutOtherSessions ? t("latchkeyPasswordChangedOtherSessionsEnded") : undefined}
        </Alert>
      )}
      {errors.form && (
        <Alert isInline variant="danger" title={errors.form.message} data-testid="latchkey-password-error">
          {errors.form.detail}
        </Alert>
      )}
      <PasswordField
        id="latchkey-current-password"
        label={t("latchkeyCurrentPassword")}
        value={fields.currentPassword}
        onChange={set("currentPassword")}
        autoComplete="current-password"
        error={fieldError("currentPassword")}
      />
      <PasswordField
        id="latchkey-new-password"
        label={t("latchkeyNewPassword")}
        value={fields.newPassword}
        onChange={set("newPassword")}
        autoComplete="new-password"
        error={fieldError("newPassword")}
        helper={
          hints.length > 0 && (
            <HelperText component="ul" aria-label={t("latchkeyPasswordRequirements")} data-testid="latchkey-password-hints">
              {hints.map((hint) => (
                <HelperTextItem
                  key={hint.id}
                  component="li"
                  isDynamic={hint.met !== undefined}
                  variant={hint.met === undefined ? "indeterminate" : hint.met ? "success" : "error"}
                  data-testid={`latchkey-password-hint-${hint.id}`}
                >
                  {t(hint.key, { 0: hint.value })}
                </HelperTextItem>
              ))}
            </HelperText>
          )
        }
      />
      <PasswordField
        id="latchkey-confirm-password"
        label={t("latchkeyConfirmPassword")}
        value={fields.confirmation}
        onChange={set("confirmation")}
        autoComplete="new-password"
        error={mismatch ? t("latchkeyErrorPasswordMismatch") : fieldError("confirmation")}
      />
      <Checkbox
        id="latchkey-logout-other-sessions"
        label={t("latchkeyLogoutOtherSessions")}
        isChecked={logoutOtherSessions}
        onChange={(_, checked) => setLogoutOtherSessions(checked)}
        data-testid="latchkey-logout-other-sessions"
      />
      <ActionGroup>
        <Button
          type="submit"
          variant="primary"
          isDisabled={!complete || mismatch || saving}
          isLoading={saving}
          data-testid="latchkey-change-password"
        >
          {t("latchkeyChangePasswordButton")}
        </Button>
      </ActionGroup>
    </Form>
  );
};
