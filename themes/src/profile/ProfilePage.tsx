import { Page, useEnvironment } from "@keycloak/keycloak-account-ui";
import { Alert, AlertActionLink, Spinner, Tab, Tabs, TabTitleText } from "@patternfly/react-core";
import { lazy, Suspense, useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router-dom";

import { getProfile, type Profile } from "../api/profile";
import { AccountSection } from "./account/AccountSection";
import { pendingDraft } from "./apikeys/reauthenticate";
import { ProfileSettingsProvider } from "./ProfileSettings";
import { useLoader } from "./useLoader";

// Security and API keys load when their tab is first opened: the page opens on Account, and every PatternFly
// component they use comes as a second copy next to the one inside the account-ui library.
const SecuritySection = lazy(() => import("./security/SecuritySection").then((m) => ({ default: m.SecuritySection })));
const ApiKeysSection = lazy(() => import("./apikeys/ApiKeysSection").then((m) => ({ default: m.ApiKeysSection })));

const TABS = ["account", "security", "api-keys"] as const;
type TabKey = (typeof TABS)[number];

/** The Profile page: Account, Security and (when the realm has them) API keys, one tab each; `#security` etc. */
export const ProfilePage = () => {
  const { t } = useTranslation();
  const context = useEnvironment();
  const location = useLocation();
  const navigate = useNavigate();
  const profile = useLoader((signal) => getProfile({ signal, context }), [context]);

  // back from a sign-in the API-keys dialog asked for: to that tab, wherever keycloak-js left the URL's fragment
  useEffect(() => {
    if (location.hash !== "#api-keys" && pendingDraft(context)) navigate({ hash: "#api-keys" }, { replace: true });
  }, []);

  const updateProfile = (change: Partial<Profile>) => profile.data && profile.setData({ ...profile.data, ...change });

  const apiKeysShown = profile.data?.apiKeys.enabled === true;
  const requested = location.hash.slice(1) as TabKey;
  const active: TabKey = TABS.includes(requested) && (requested !== "api-keys" || apiKeysShown) ? requested : "account";

  return (
    <Page title={t("latchkeyProfileTitle")} description={t("latchkeyProfileDescription")}>
      {profile.error !== undefined && !profile.data ? (
        <Alert
          isInline
          variant="danger"
          title={t("latchkeyProfileLoadFailed")}
          data-testid="latchkey-profile-error"
          actionLinks={<AlertActionLink onClick={profile.reload}>{t("latchkeyRetry")}</AlertActionLink>}
        />
      ) : !profile.data ? (
        <Spinner aria-label={t("latchkeyLoading")} />
      ) : (
        <ProfileSettingsProvider timezone={profile.data.timezone}>
          <Tabs
            activeKey={active}
            onSelect={(_, key) => navigate({ hash: key === "account" ? "" : `#${key}` }, { replace: true })}
            aria-label={t("latchkeyProfileTitle")}
            mountOnEnter
            data-testid="latchkey-profile"
          >
            <Tab
              eventKey="account"
              title={<TabTitleText>{t("latchkeyTabAccount")}</TabTitleText>}
              data-testid="latchkey-tab-account"
            >
              <AccountSection profile={profile.data} onChange={updateProfile} />
            </Tab>
            <Tab
              eventKey="security"
              title={<TabTitleText>{t("latchkeyTabSecurity")}</TabTitleText>}
              data-testid="latchkey-tab-security"
            >
              <Lazy>
                <SecuritySection profile={profile.data} />
              </Lazy>
            </Tab>
            {apiKeysShown && (
              <Tab
                eventKey="api-keys"
                title={<TabTitleText>{t("latchkeyTabApiKeys")}</TabTitleText>}
                data-testid="latchkey-tab-api-keys"
              >
                <Lazy>
                  {/* a new zone chosen on the Account tab: ask /info again, for the zone and "today" in it */}
                  <ApiKeysSection
                    key={profile.data.timezone ?? ""}
                    roles={profile.data.roles}
                    organizations={profile.data.organizations}
                  />
                </Lazy>
              </Tab>
            )}
          </Tabs>
        </ProfileSettingsProvider>
      )}
    </Page>
  );
};

const Lazy = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation();
  return <Suspense fallback={<Spinner aria-label={t("latchkeyLoading")} />}>{children}</Suspense>;
};
