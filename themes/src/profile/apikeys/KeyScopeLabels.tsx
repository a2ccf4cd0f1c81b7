import { Label, LabelGroup, Tooltip } from "@patternfly/react-core";
import { BuildingIcon } from "@patternfly/react-icons";
import { useTranslation } from "react-i18next";

import type { ApiKey } from "../../api/apiKeys";
import { scopeSummary } from "./keyScope";

/** Role chips shown per key before "+N": the table stays one line high for most keys. */
const SHOWN_ROLES = 3;

/** A key's scope, compactly: "All permissions" or its roles (the first few, then "+N"), and its organization. */
export const KeyScopeLabels = ({ apiKey }: { apiKey: Pick<ApiKey, "roles" | "organization"> }) => {
  const { t } = useTranslation();
  const summary = scopeSummary(apiKey.roles, SHOWN_ROLES);
  return (
    // room for the summary's labels and the organization, so that the group never folds them itself
    <LabelGroup numLabels={SHOWN_ROLES + 3} aria-label={t("latchkeyApiKeyScope")} data-testid="latchkey-api-key-scope">
      {summary.all ? (
        <Label isCompact color="orange" data-testid="latchkey-api-key-scope-all-permissions">
          {t("latchkeyApiKeyAllPermissions")}
        </Label>
      ) : (
        summary.shown.map((role) => (
          <Label isCompact color="blue" key={role} data-testid={`latchkey-api-key-scope-role-${role}`}>
            {role}
          </Label>
        ))
      )}
      {!summary.all && summary.hidden > 0 && (
        <Tooltip content={(apiKey.roles ?? []).slice(summary.shown.length).join(", ")}>
          <Label isCompact tabIndex={0} data-testid="latchkey-api-key-scope-more">
            {t("latchkeyApiKeyMoreRoles", { count: summary.hidden })}
          </Label>
        </Tooltip>
      )}
      {apiKey.organization && (
        <Label isCompact icon={<BuildingIcon />} data-testid="latchkey-api-key-scope-organization">
          {apiKey.organization}
        </Label>
      )}
    </LabelGroup>
  );
};
