import {
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Label,
  LabelGroup,
  List,
  ListItem,
  Stack,
  StackItem,
  Text,
  TextContent,
  Title,
} from "@patternfly/react-core";
import { useEnvironment } from "@keycloak/keycloak-account-ui";
import type { AccountEnvironment } from "@keycloak/keycloak-account-ui";
import { useTranslation } from "react-i18next";

import type { Preferences, Profile } from "../../api/profile";
import { roleDescription } from "../roleDescription";
import { PreferencesForm } from "./PreferencesForm";

type Props = {
  profile: Profile;
  onChange: (change: Partial<Profile>) => void;
};

export const AccountSection = ({ profile, onChange }: Props) => {
  const { t } = useTranslation();
  const onSaved = (saved: Preferences) => onChange({ locale: saved.locale, timezone: saved.timezone });

  return (
    <Stack hasGutter className="pf-v5-u-pt-lg" data-testid="latchkey-account">
      <StackItem>
        <Identity profile={profile} />
      </StackItem>
      <StackItem>
        <Title headingLevel="h2" size="lg" className="pf-v5-u-mb-md">
          {t("latchkeyPreferences")}
        </Title>
        <PreferencesForm profile={profile} onSaved={onSaved} />
      </StackItem>
      <StackItem>
        <Memberships profile={profile} />
      </StackItem>
      <StackItem>
        <Roles profile={profile} />
      </StackItem>
    </Stack>
  );
};

const Identity = ({ profile }: { profile: Profile }) => {
  const { t } = useTranslation();
  const fullName = [profile.firstName, profile.lastName].filter(Boolean).join(" ");
  return (
    <DescriptionList isHorizontal isCompact data-testid="latchkey-identity">
      <DescriptionListGroup>
        <DescriptionListTerm>{t("latchkeyUsername")}</DescriptionListTerm>
        <DescriptionListDescription data-testid="latchkey-username">{profile.username}</DescriptionListDescription>
      </DescriptionListGroup>
      <DescriptionListGroup>
        <DescriptionListTerm>{t("latchkeyFullName")}</DescriptionListTerm>
        <DescriptionListDescription data-testid="latchkey-full-name">
          {fullName || t("latchkeyNotSet")}
        </DescriptionListDescription>
      </DescriptionListGroup>
      <DescriptionListGroup>
        <DescriptionListTerm>{t("latchkeyEmail")}</DescriptionListTerm>
        <DescriptionListDescription data-testid="latchkey-email">
          {profile.email ?? t("latchkeyNotSet")}{" "}
          {profile.email && (
            <Label isCompact color={profile.emailVerified ? "green" : "orange"}>
              {t(profile.emailVerified ? "latchkeyEmailVerified" : "latchkeyEmailNotVerified")}
            </Label>
          )}
        </DescriptionListDescription>
      </DescriptionListGroup>
    </DescriptionList>
  );
};

const Memberships = ({ profile }: { profile: Profile }) => {
  const { t } = useTranslation();
  const { environment } = useEnvironment<AccountEnvironment>();
  const showOrganizations = profile.organizations.length > 0 || environment.features?.isViewOrganizationsEnabled;

  return (
    <Stack hasGutter>
      {showOrganizations && (
        <StackItem data-testid="latchkey-organizations">
          <Title headingLevel="h2" size="lg" className="pf-v5-u-mb-sm">
            {t("latchkeyOrganizations")}
          </Title>
          {profile.organizations.length === 0 ? (
            <Muted>{t("latchkeyNoOrganizations")}</Muted>
          ) : (
            <List isPlain>
              {profile.organizations.map((organization) => (
                <ListItem key={organization.alias ?? organization.name}>
                  <strong>{organization.name}</strong>
                  {organization.domains.length > 0 && (
                    <LabelGroup className="pf-v5-u-ml-sm" aria-label={t("latchkeyOrganizationDomains")}>
                      {organization.domains.map((domain) => (
                        <Label key={domain} isCompact>
                          {domain}
                        </Label>
                      ))}
                    </LabelGroup>
                  )}
                </ListItem>
              ))}
            </List>
          )}
        </StackItem>
      )}
      <StackItem data-testid="latchkey-groups">
        <Title headingLevel="h2" size="lg" className="pf-v5-u-mb-sm">
          {t("latchkeyGroups")}
        </Title>
        {profile.groups.length === 0 ? (
          <Muted>{t("latchkeyNoGroups")}</Muted>
        ) : (
          <List isPlain>
            {profile.groups.map((group) => (
              <ListItem key={group.path || group.name}>{group.path || group.name}</ListItem>
            ))}
          </List>
        )}
      </StackItem>
    </Stack>
  );
};

const Roles = ({ profile }: { profile: Profile }) => {
  const { t } = useTranslation();
  return (
    <div data-testid="latchkey-roles">
      <Title headingLevel="h2" size="lg" className="pf-v5-u-mb-sm">
        {t("latchkeyRoles")}
      </Title>
      {profile.roles.length === 0 ? (
        <Muted>{t("latchkeyNoRoles")}</Muted>
      ) : (
        // PatternFly table markup rather than @patternfly/react-table: this section is on the first load, and the
        // account-ui library bundles its own PatternFly, so every PatternFly component we import comes a second time.
        <table className="pf-v5-c-table pf-m-compact pf-m-grid-md" role="grid" aria-label={t("latchkeyRoles")}>
          <thead className="pf-v5-c-table__thead">
            <tr className="pf-v5-c-table__tr">
              <th className="pf-v5-c-table__th pf-m-wrap" scope="col">{t("latchkeyRoleName")}</th>
              <th className="pf-v5-c-table__th pf-m-wrap" scope="col">{t("latchkeyRoleScope")}</th>
              <th className="pf-v5-c-table__th pf-m-wrap" scope="col">{t("latchkeyRoleDescription")}</th>
              <th className="pf-v5-c-table__th pf-m-wrap" scope="col">{t("latchkeyRoleAssignment")}</th>
            </tr>
          </thead>
          <tbody className="pf-v5-c-table__tbody">
            {profile.roles.map((role) => (
              <tr className="pf-v5-c-table__tr" key={`${role.clientId ?? ""}/${role.name}`} data-testid={`latchkey-role-${role.clientId ? `${role.clientId}-` : ""}${role.name}`}>
                <td className="pf-v5-c-table__td" data-label={t("latchkeyRoleName")}>{role.name}</td>
                <td className="pf-v5-c-table__td" data-label={t("latchkeyRoleScope")}>{role.clientId ?? t("latchkeyRoleRealm")}</td>
                <td className="pf-v5-c-table__td" data-label={t("latchkeyRoleDescription")}>{roleDescription(t, role.description)}</td>
                <td className="pf-v5-c-table__td" data-label={t("latchkeyRoleAssignment")}>
                  {role.direct ? (
                    <Label isCompact color="blue">
                      {t("latchkeyRoleDirect")}
                    </Label>
                  ) : (
                    <>
                      <Label isCompact data-testid="latchkey-role-inherited">
                        {t("latchkeyRoleInherited")}
                      </Label>
                      {role.inheritedFrom.length > 0 && (
                        <span className="pf-v5-u-ml-sm pf-v5-u-color-200">
                          {t("latchkeyRoleInheritedFrom", { sources: role.inheritedFrom.join(", ") })}
                        </span>
                      )}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
};

const Muted = ({ children }: { children: string }) => (
  <TextContent>
    <Text component="p" className="pf-v5-u-color-200">
      {children}
    </Text>
  </TextContent>
);
