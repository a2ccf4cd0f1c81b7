import {
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Radio,
} from "@patternfly/react-core";
import { useTranslation } from "react-i18next";

import type { Organization } from "../../api/profile";
import type { RoleOption } from "./keyScope";
import { RolePicker } from "./RolePicker";

export type Scope = {
  /** Undefined: all of the owner's permissions. */
  roles?: string[];
  /** Alias; undefined: not bound to an organization. */
  organization?: string;
};

type Props = {
  scope: Scope;
  onChange: (scope: Scope) => void;
  options: RoleOption[];
  organizations: Organization[];
  /** The realm refuses keys for all permissions. */
  requireScopes: boolean;
  maxRoles: number;
  /** Why the roles cannot be sent, or the server's refusal of some of them. */
  rolesError?: string;
  /** Selected roles the server refused. */
  refusedRoles: string[];
  organizationError?: string;
};

/** What the new key may do: all of the user's permissions or some of their roles, and optionally one organization. */
export const ScopeFields = ({
  scope,
  onChange,
  options,
  organizations,
  requireScopes,
  maxRoles,
  rolesError,
  refusedRoles,
  organizationError,
}: Props) => {
  const { t } = useTranslation();
  const some = scope.roles !== undefined;
  // keep the roles picked when the user looks at "all" and comes back
  const chooseSome = () => onChange({ ...scope, roles: scope.roles ?? [] });
  const withOrganizations = organizations.some((organization) => organization.alias);

  return (
    <>
      <FormGroup role="radiogroup" label={t("latchkeyApiKeyScope")} fieldId="latchkey-api-key-scope" isStack isRequired>
        <Radio
          id="latchkey-api-key-scope-all"
          name="latchkey-api-key-scope"
          label={t("latchkeyApiKeyScopeAll")}
          description={requireScopes ? t("latchkeyApiKeyScopeAllDisabled") : t("latchkeyApiKeyScopeAllHelp")}
          isChecked={!some}
          isDisabled={requireScopes}
          onChange={() => onChange({ ...scope, roles: undefined })}
          data-testid="latchkey-api-key-scope-all"
        />
        <Radio
          id="latchkey-api-key-scope-roles"
          name="latchkey-api-key-scope"
          label={t("latchkeyApiKeyScopeRoles")}
          description={t("latchkeyApiKeyScopeRolesHelp", { max: maxRoles })}
          isChecked={some}
          onChange={chooseSome}
          data-testid="latchkey-api-key-scope-roles"
        />
      </FormGroup>
      {some && (
        <FormGroup label={t("latchkeyApiKeyRoles")} fieldId="latchkey-api-key-roles" isRequired>
          <RolePicker
            id="latchkey-api-key-roles"
            options={options}
            selected={scope.roles ?? []}
            onChange={(roles) => onChange({ ...scope, roles })}
            refused={refusedRoles}
            invalid={rolesError !== undefined && (refusedRoles.length > 0 || (scope.roles ?? []).length > 0)}
            describedBy={rolesError ? "latchkey-api-key-roles-error" : undefined}
          />
          {rolesError && (
            <FormHelperText>
              <HelperText>
                <HelperTextItem
                  // "choose at least one" is a hint until the user picked something; a refusal is an error
                  variant={refusedRoles.length > 0 || (scope.roles ?? []).length > 0 ? "error" : "default"}
                  id="latchkey-api-key-roles-error"
                  data-testid="latchkey-api-key-roles-error"
                >
                  {rolesError}
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          )}
        </FormGroup>
      )}
      {withOrganizations && (
        <FormGroup label={t("latchkeyApiKeyOrganization")} fieldId="latchkey-api-key-organization">
          <FormSelect
            id="latchkey-api-key-organization"
            value={scope.organization ?? ""}
            onChange={(_, value) => onChange({ ...scope, organization: value || undefined })}
            validated={organizationError ? "error" : "default"}
            aria-describedby="latchkey-api-key-organization-help"
            data-testid="latchkey-api-key-organization"
          >
            <FormSelectOption value="" label={t("latchkeyApiKeyNoOrganization")} />
            {organizations
              .filter((organization) => organization.alias)
              .map((organization) => (
                <FormSelectOption key={organization.alias} value={organization.alias} label={organization.name} />
              ))}
          </FormSelect>
          <FormHelperText>
            <HelperText>
              <HelperTextItem
                variant={organizationError ? "error" : "default"}
                id="latchkey-api-key-organization-help"
                data-testid="latchkey-api-key-organization-help"
              >
                {organizationError ?? t("latchkeyApiKeyOrganizationHelp")}
              </HelperTextItem>
            </HelperText>
          </FormHelperText>
        </FormGroup>
      )}
    </>
  );
};
