import { useAccountAlerts, useEnvironment } from "@keycloak/keycloak-account-ui";
import {
  Alert,
  AlertActionLink,
  Button,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
  EmptyStateHeader,
  EmptyStateIcon,
  Spinner,
  Text,
  TextContent,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { KeyIcon } from "@patternfly/react-icons";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import { getApiKeyInfo, getApiKeys, type ApiKey, type ApiKeyInfo } from "../../api/apiKeys";
import type { Organization, Role } from "../../api/profile";
import { LatchkeyApiError } from "../../api/request";
import { ProfileSettingsProvider } from "../ProfileSettings";
import { useLoader } from "../useLoader";
import { ApiKeysTable } from "./ApiKeysTable";
import { CreateApiKeyModal } from "./CreateApiKeyModal";
import { DeleteApiKeyModal } from "./DeleteApiKeyModal";
import type { KeyDraft } from "./keyDraft";
import { forgetDraft, pendingDraft } from "./reauthenticate";
import { RotateApiKeyForm } from "./RotateApiKeyForm";
import { afterRotation, canRotate } from "./rotation";
import { ShowKeyOnce } from "./ShowKeyOnce";

type State = { info: ApiKeyInfo; keys: ApiKey[] };

type Props = {
  /** The user's effective roles and organizations, from the profile the page already loaded. */
  roles: Role[];
  organizations: Organization[];
};

/** The user's personal API keys. Renders nothing when the realm has API keys switched off. */
export const ApiKeysSection = ({ roles, organizations }: Props) => {
  const { t } = useTranslation();
  const context = useEnvironment();
  const { addAlert } = useAccountAlerts();
  // the dialog is open; with a draft when it comes back after a fresh sign-in
  const [creating, setCreating] = useState<{ draft?: KeyDraft }>();
  const [deleting, setDeleting] = useState<ApiKey>();
  const [rotating, setRotating] = useState<{ key: ApiKey; draft?: KeyDraft }>();
  const [draft] = useState(() => pendingDraft(context));

  const state = useLoader<State>(async (signal) => {
    const info = await getApiKeyInfo({ signal, context });
    if (!info.enabled) return { info, keys: [] };
    try {
      return { info, keys: await getApiKeys({ signal, context }) };
    } catch (error) {
      // without the role the list may be refused; the explanation below is what the user needs
      if (!info.allowed && error instanceof LatchkeyApiError && error.status === 403) return { info, keys: [] };
      throw error;
    }
  }, [context]);

  // back from the sign-in the server asked for: the dialog again, as the user left it; the draft is used once
  const allowed = state.data?.info.enabled === true && state.data.info.allowed;
  useEffect(() => {
    if (!draft || !state.data) return;
    forgetDraft(context);
    if (!allowed) return;
    if (!draft.rotate) {
      setCreating({ draft });
      return;
    }
    // a rotation comes back only for a key that can still be rotated (not deleted or rotated elsewhere meanwhile)
    const key = state.data.keys.find((listed) => listed.id === draft.rotate?.id);
    if (key && canRotate(key)) setRotating({ key, draft });
  }, [draft, state.data !== undefined, allowed]);

  if (state.error !== undefined && !state.data) {
    return (
      <Alert
        isInline
        variant="danger"
        className="pf-v5-u-mt-lg"
        title={t("latchkeyApiKeysLoadFailed")}
        data-testid="latchkey-api-keys-error"
        actionLinks={<AlertActionLink onClick={state.reload}>{t("latchkeyRetry")}</AlertActionLink>}
      />
    );
  }
  if (!state.data) {
    return <Spinner className="pf-v5-u-mt-lg" aria-label={t("latchkeyLoading")} />;
  }

  const { info, keys } = state.data;
  if (!info.enabled) {
    return null;
  }

  const createButton = info.allowed && (
    <Button variant="primary" icon={<KeyIcon />} onClick={() => setCreating({})} data-testid="latchkey-create-api-key">
      {t("latchkeyCreateApiKey")}
    </Button>
  );

  return (
    // the zone of the /info answer, the one the server reads a picked day in (the browser's when the user has none)
    <ProfileSettingsProvider timezone={info.timeZone ?? undefined}>
      <div className="pf-v5-u-pt-lg" data-testid="latchkey-api-keys">
        <TextContent className="pf-v5-u-mb-md">
          <Text component="p">{t("latchkeyApiKeysIntro")}</Text>
        </TextContent>
        {!info.allowed && (
          <Alert
            isInline
            variant="info"
            title={t("latchkeyApiKeysRoleRequired", { role: info.roleName })}
            data-testid="latchkey-api-keys-not-allowed"
          >
            {t("latchkeyApiKeysRoleRequiredHelp")}
          </Alert>
        )}
        {keys.length === 0 ? (
          info.allowed && (
            <EmptyState variant="sm" data-testid="latchkey-api-keys-empty">
              <EmptyStateHeader
                titleText={t("latchkeyNoApiKeys")}
                headingLevel="h2"
                icon={<EmptyStateIcon icon={KeyIcon} />}
              />
              <EmptyStateBody>{t("latchkeyNoApiKeysHelp", { days: info.maxLifetimeDays })}</EmptyStateBody>
              <EmptyStateFooter>
                <EmptyStateActions>{createButton}</EmptyStateActions>
              </EmptyStateFooter>
            </EmptyState>
          )
        ) : (
          <>
            <Toolbar>
              <ToolbarContent>
                {createButton && <ToolbarItem>{createButton}</ToolbarItem>}
                <ToolbarItem align={{ default: "alignRight" }}>
                  <span className="pf-v5-u-color-200" data-testid="latchkey-api-keys-count">
                    {t("latchkeyApiKeysCount", { active: info.activeCount, max: info.maxKeysPerUser })}
                  </span>
                </ToolbarItem>
              </ToolbarContent>
            </Toolbar>
            <ApiKeysTable
              keys={keys}
              onDelete={setDeleting}
              onRotate={info.allowed ? (key) => setRotating({ key }) : undefined}
            />
          </>
        )}
        {creating && (
          <CreateApiKeyModal
            info={info}
            roles={roles}
            organizations={organizations}
            draft={creating.draft}
            onCreated={(created) => {
              const { key: _secret, ...listed } = created;
              state.setData({
                info: { ...info, activeCount: info.activeCount + 1 },
                keys: [listed, ...keys.filter((key) => key.id !== created.id)],
              });
            }}
            onClose={() => setCreating(undefined)}
          />
        )}
        {rotating && (
          <ShowKeyOnce
            form={(minted) => (
              <RotateApiKeyForm
                info={info}
                apiKey={rotating.key}
                draft={rotating.draft}
                onRotated={(created, graceSeconds) => {
                  minted(created);
                  // the old key's grace end is the server's: list the keys as it has them now; should that fail,
                  // the browser's own reckoning until the next load
                  getApiKeys({ context }).then(
                    (listed) => state.setData({ info, keys: listed }),
                    () => state.setData({ info, keys: afterRotation(keys, rotating.key.id, created, graceSeconds) }),
                  );
                }}
                onClose={() => setRotating(undefined)}
              />
            )}
            onClose={() => setRotating(undefined)}
          />
        )}
        {deleting && (
          <DeleteApiKeyModal
            apiKey={deleting}
            onDeleted={() => {
              state.setData({
                info: { ...info, activeCount: Math.max(0, info.activeCount - (deleting.status === "active" ? 1 : 0)) },
                keys: keys.filter((key) => key.id !== deleting.id),
              });
              addAlert(t("latchkeyApiKeyDeleted", { name: deleting.name }));
              setDeleting(undefined);
            }}
            onClose={() => setDeleting(undefined)}
          />
        )}
      </div>
    </ProfileSettingsProvider>
  );
};
