import { useEnvironment } from "@keycloak/keycloak-account-ui";
import { FormGroup, FormHelperText, HelperText, HelperTextItem, TextArea, TextInput } from "@patternfly/react-core";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { createApiKey, type ApiKeyInfo, type CreatedApiKey } from "../../api/apiKeys";
import type { Organization, Role } from "../../api/profile";
import { LatchkeyApiError } from "../../api/request";
import { todayIn } from "../../format/dates";
import { describeError, type ShownError } from "../errors";
import { useFormat } from "../ProfileSettings";
import { roleDescription } from "../roleDescription";
import type { KeyDraft } from "./keyDraft";
import { refusedScope, roleOptions } from "./keyScope";
import { ExpirationField } from "./ExpirationField";
import { KeyFormDialog } from "./KeyFormDialog";
import { checkNewKey, checkScope, DEFAULT_MAX_ROLES, latestDay } from "./newKeyRules";
import { signInAgain } from "./reauthenticate";
import { ScopeFields, type Scope } from "./ScopeFields";

export type CreateApiKeyProps = {
  info: ApiKeyInfo;
  /** The user's effective roles and organizations, from the profile the page holds: what a key may be given. */
  roles: Role[];
  organizations: Organization[];
  /** What the user typed before a fresh sign-in, to fill the form with again. */
  draft?: KeyDraft;
  onCreated: (created: CreatedApiKey) => void;
  onClose: () => void;
};

export const CreateApiKeyForm = ({ info, roles, organizations, draft, onCreated, onClose }: CreateApiKeyProps) => {
  const { t } = useTranslation();
  const context = useEnvironment();
  const format = useFormat();

  // "today" and the latest day in the zone the page shows dates in, which is also the zone sent with the day
  const today = todayIn(format.timeZone);
  const lastDay = latestDay(info, today);
  const [name, setName] = useState(draft?.name ?? "");
  const [description, setDescription] = useState(draft?.description ?? "");
  const [expiresAt, setExpiresAt] = useState(draft?.expiresAt || lastDay);
  const [scope, setScope] = useState<Scope>({
    roles: draft?.roles ?? (info.requireScopes ? [] : undefined),
    organization: draft?.organization,
  });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ShownError>();
  // what the server refused of the scope, shown at the roles and the organization
  const [refused, setRefused] = useState<{ roles: string[]; organization?: string }>({ roles: [] });

  const options = useMemo(
    () => roleOptions(roles.map((role) => ({ ...role, description: roleDescription(t, role.description) || undefined }))),
    [roles, t],
  );
  const maxRoles = info.maxRoles ?? DEFAULT_MAX_ROLES;

  const trimmedName = name.trim();
  const problems = checkNewKey(info, { name, description, expiresAt }, today, t, format.day);
  const scopeProblem = checkScope(info, scope.roles, t);
  const dayError = problems.expiresAt;
  const valid = trimmedName !== "" && Object.keys(problems).length === 0 && scopeProblem === undefined;

  const refusedRoles = refused.roles.filter((ref) => scope.roles?.includes(ref));
  const rolesError =
    refusedRoles.length > 0 ? t("latchkeyApiKeyRolesRefused", { roles: refusedRoles.join(", ") }) : scopeProblem;
  const organizationError =
    refused.organization !== undefined && refused.organization === scope.organization
      ? t("latchkeyApiKeyOrganizationRefused")
      : undefined;

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!valid || saving) return;
    setSaving(true);
    setError(undefined);
    try {
      onCreated(
        await createApiKey(context, {
          name: trimmedName,
          description: description.trim() || undefined,
          expiresAt,
          timeZone: format.timeZone,
          roles: scope.roles,
          organization: scope.organization,
        }),
      );
    } catch (failure) {
      if (failure instanceof LatchkeyApiError && failure.code === "reauthentication_required") {
        // the form comes back filled after the sign-in; the user checks it and presses Create again
        await signInAgain(context, { name, description, expiresAt, ...scope });
        return;
      }
      const scopeRefusal = refusedScope(failure, scope.roles ?? [], scope.organization);
      setRefused({ roles: scopeRefusal.roles, organization: scopeRefusal.organization ? scope.organization : undefined });
      // a refusal of the scope is shown where it is; anything else above the form
      setError(scopeRefusal.roles.length > 0 || scopeRefusal.organization ? undefined : describeError(t, failure));
      setSaving(false);
    }
  };

  const nameError = problems.name ?? (error?.place === "name" ? error.message : undefined);
  const formError = error && error.place !== "name" ? error : undefined;

  return (
    <KeyFormDialog
      kind="create"
      title={t("latchkeyCreateApiKey")}
      submitLabel={t("latchkeyCreate")}
      canSubmit={valid}
      saving={saving}
      onSubmit={submit}
      onClose={onClose}
      signedInAgain={draft && t("latchkeyApiKeySignedInAgain")}
      error={formError}
    >
        <FormGroup label={t("latchkeyApiKeyName")} fieldId="latchkey-api-key-name" isRequired>
          <TextInput
            id="latchkey-api-key-name"
            value={name}
            onChange={(_, value) => {
              setName(value);
              if (error?.place === "name") setError(undefined);
            }}
            isRequired
            autoFocus
            validated={nameError ? "error" : "default"}
            aria-describedby={nameError ? "latchkey-api-key-name-error" : undefined}
            data-testid="latchkey-api-key-name"
          />
          {nameError && (
            <FormHelperText>
              <HelperText>
                <HelperTextItem variant="error" id="latchkey-api-key-name-error" data-testid="latchkey-api-key-name-error">
                  {nameError}
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          )}
        </FormGroup>
        <FormGroup label={t("latchkeyApiKeyDescription")} fieldId="latchkey-api-key-description">
          <TextArea
            id="latchkey-api-key-description"
            value={description}
            onChange={(_, value) => setDescription(value)}
            resizeOrientation="vertical"
            validated={problems.description ? "error" : "default"}
            aria-describedby={problems.description ? "latchkey-api-key-description-error" : undefined}
            data-testid="latchkey-api-key-description"
          />
          {problems.description && (
            <FormHelperText>
              <HelperText>
                <HelperTextItem
                  variant="error"
                  id="latchkey-api-key-description-error"
                  data-testid="latchkey-api-key-description-error"
                >
                  {problems.description}
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          )}
        </FormGroup>
        <ExpirationField info={info} value={expiresAt} onChange={setExpiresAt} today={today} error={dayError} />
        <ScopeFields
          scope={scope}
          onChange={setScope}
          options={options}
          organizations={organizations}
          requireScopes={info.requireScopes === true}
          maxRoles={maxRoles}
          rolesError={rolesError}
          refusedRoles={refusedRoles}
          organizationError={organizationError}
        />
    </KeyFormDialog>
  );
};
