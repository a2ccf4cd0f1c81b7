import { useEnvironment, type AccountEnvironment } from "@keycloak/keycloak-account-ui";
import { KeycloakMasthead, label } from "@keycloak/keycloak-ui-shared";
import { Button } from "@patternfly/react-core";
import { ExternalLinkSquareAltIcon } from "@patternfly/react-icons";
import { useTranslation } from "react-i18next";
import { useHref } from "react-router-dom";

import "./frame.css";

// The stock console's masthead (same brand, user menu and "Back to" link as the library's Header), but built on
// this bundle's PatternFly: its menu button must reach the Page of Root.tsx, and PatternFly's page context only
// connects components of one copy (see Root.tsx). KeycloakMasthead and label are the parts of keycloak-ui-shared
// imported here: they use no React context of keycloak-ui-shared (the console's environment context lives in the
// account-ui library's own copy).

const resource = (resourceUrl: string, file: string) => `${resourceUrl.replace(/\/$/, "")}/${file.replace(/^\//, "")}`;

export const Header = () => {
  const { environment, keycloak } = useEnvironment<AccountEnvironment>();
  const { t } = useTranslation();
  const logoUrl = environment.logoUrl || "/";
  const internalLogoHref = useHref(logoUrl);

  return (
    <KeycloakMasthead
      data-testid="page-header"
      keycloak={keycloak}
      features={{ hasManageAccount: false }}
      brand={{
        // a logo URL starting with "/" is a page of the console itself
        href: logoUrl.startsWith("/") ? internalLogoHref : logoUrl,
        src: resource(environment.resourceUrl, environment.logo || "logo.svg"),
        alt: t("logo"),
        className: "latchkey-brand",
      }}
      toolbarItems={[<ReferrerLink key="referrer" />]}
    />
  );
};

/** "Back to <application>" when the console was opened from an application. */
const ReferrerLink = () => {
  const { environment } = useEnvironment<AccountEnvironment>();
  const { t } = useTranslation();
  if (!environment.referrerUrl) return null;
  return (
    <Button
      data-testid="referrer-link"
      component="a"
      href={environment.referrerUrl.replace("_hash_", "#")}
      variant="link"
      icon={<ExternalLinkSquareAltIcon />}
      iconPosition="right"
      isInline
    >
      {t("backTo", { app: label(t, environment.referrerName, environment.referrerUrl) })}
    </Button>
  );
};
