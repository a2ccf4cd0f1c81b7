import { Button, Label } from "@patternfly/react-core";
import { ExclamationTriangleIcon, SyncAltIcon, TrashIcon } from "@patternfly/react-icons";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useTranslation } from "react-i18next";

import type { ApiKey } from "../../api/apiKeys";
import { expiresSoon, lastValidDay } from "../../format/dates";
import { useFormat } from "../ProfileSettings";
import { KeyScopeLabels } from "./KeyScopeLabels";
import { canRotate, keyState, type KeyState } from "./rotation";

type Props = {
  keys: ApiKey[];
  onDelete: (key: ApiKey) => void;
  /** Absent: no Rotate action (the user may not mint keys). */
  onRotate?: (key: ApiKey) => void;
};

const STATUS: Record<KeyState, { color: "green" | "blue" | "grey" | "red"; label: string }> = {
  active: { color: "green", label: "latchkeyApiKeyStatusActive" },
  replaced: { color: "blue", label: "latchkeyApiKeyStatusReplaced" },
  expired: { color: "grey", label: "latchkeyApiKeyStatusExpired" },
  revoked: { color: "red", label: "latchkeyApiKeyStatusRevoked" },
};

/** Why a revoked key stopped, as the owner reads it; a reason this page does not know yet gets the plain label. */
const REVOKED_REASON: Record<string, string> = {
  reported_leaked: "latchkeyApiKeyRevokedReported",
  unused: "latchkeyApiKeyRevokedUnused",
};

export const ApiKeysTable = ({ keys, onDelete, onRotate }: Props) => {
  const { t } = useTranslation();
  const format = useFormat();
  const columns = {
    name: t("latchkeyApiKeyName"),
    description: t("latchkeyApiKeyDescription"),
    scope: t("latchkeyApiKeyScope"),
    created: t("latchkeyApiKeyCreated"),
    expires: t("latchkeyApiKeyExpires"),
    lastUsed: t("latchkeyApiKeyLastUsed"),
    status: t("latchkeyApiKeyStatus"),
  };

  return (
    <Table aria-label={t("latchkeyTabApiKeys")} variant="compact" data-testid="latchkey-api-keys-table">
      <Thead>
        <Tr>
          <Th modifier="wrap">{columns.name}</Th>
          <Th modifier="wrap">{columns.description}</Th>
          <Th modifier="wrap">{columns.scope}</Th>
          <Th modifier="wrap">{columns.created}</Th>
          <Th modifier="wrap">{columns.expires}</Th>
          <Th modifier="wrap">{columns.lastUsed}</Th>
          <Th modifier="wrap">{columns.status}</Th>
          <Th screenReaderText={t("latchkeyActions")} />
        </Tr>
      </Thead>
      <Tbody>
        {keys.map((key) => {
          const state = keyState(key);
          // a replaced key's expiration is the end of its grace: said as such, not as "expires soon"
          const soon = state === "active" && expiresSoon(key.expiresAt);
          return (
            <Tr key={key.id} data-testid={`latchkey-api-key-${key.name}`}>
              <Td dataLabel={columns.name}>
                <strong>{key.name}</strong>
                {key.hint && (
                  <div className="pf-v5-u-color-200 pf-v5-u-font-family-monospace pf-v5-u-font-size-sm">{key.hint}</div>
                )}
              </Td>
              <Td dataLabel={columns.description}>{key.description ?? ""}</Td>
              <Td dataLabel={columns.scope}>
                <KeyScopeLabels apiKey={key} />
              </Td>
              <Td dataLabel={columns.created}>{format.dateTime(key.createdAt)}</Td>
              <Td dataLabel={columns.expires} data-testid="latchkey-api-key-expires">
                {state === "replaced" ? (
                  <span data-testid="latchkey-api-key-replaced">
                    {t("latchkeyApiKeyReplacedUntil", { date: format.dateTime(key.expiresAt) })}
                  </span>
                ) : (
                  <Expiration expiresAt={key.expiresAt} />
                )}
                {soon && (
                  <div className="pf-v5-u-warning-color-200" data-testid="latchkey-api-key-expires-soon">
                    <ExclamationTriangleIcon aria-hidden className="pf-v5-u-mr-xs" />
                    {t("latchkeyApiKeyExpiresSoon", { relative: format.relative(key.expiresAt) })}
                  </div>
                )}
              </Td>
              <Td dataLabel={columns.lastUsed}>
                {key.lastUsedAt ? format.dateTime(key.lastUsedAt) : t("latchkeyApiKeyNeverUsed")}
              </Td>
              <Td dataLabel={columns.status}>
                <Label isCompact color={STATUS[state].color} data-testid="latchkey-api-key-status">
                  {t(STATUS[state].label)}
                </Label>
                {state === "revoked" && key.revokedReason && REVOKED_REASON[key.revokedReason] && (
                  <div className="pf-v5-u-font-size-sm" data-testid="latchkey-api-key-revoked-reason">
                    {t(REVOKED_REASON[key.revokedReason], {
                      date: key.revokedAt ? format.dateTime(key.revokedAt) : "",
                    })}
                  </div>
                )}
              </Td>
              <Td isActionCell>
                {/* side by side: the cell would stack them */}
                <div className="pf-v5-u-display-flex">
                  {onRotate && canRotate(key) && (
                    <Button
                      variant="plain"
                      onClick={() => onRotate(key)}
                      aria-label={t("latchkeyRotateApiKeyNamed", { name: key.name })}
                      data-testid="latchkey-rotate-api-key"
                    >
                      <SyncAltIcon aria-hidden />
                    </Button>
                  )}
                  <Button
                    variant="plain"
                    onClick={() => onDelete(key)}
                    aria-label={t("latchkeyDeleteApiKeyNamed", { name: key.name })}
                    data-testid="latchkey-delete-api-key"
                  >
                    <TrashIcon aria-hidden />
                  </Button>
                </div>
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};

/**
 * A key created for a day expires at the first instant of the next day: "March 1, 2027, end of day" says what the
 * user picked, where "Mar 2, 2027, 12:00 AM" would look like one day more. Other instants are shown as they are.
 */
const Expiration = ({ expiresAt }: { expiresAt: string }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const day = lastValidDay(expiresAt, format.timeZone);
  return <>{day ? t("latchkeyApiKeyExpiresEndOfDay", { date: format.day(day) }) : format.dateTime(expiresAt)}</>;
};
