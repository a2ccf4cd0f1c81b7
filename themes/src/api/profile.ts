import { request, type ApiContext, type CallOptions } from "./request";

// The profile document (GET /me/profile, README: The profile document) is adapted to the UI's types here and only here, so
// that a change of the server's shape is a change of this file. Unset values arrive as null.

/** `displayName` in the language itself, `localizedName` in the user's current language. */
export type SupportedLocale = { tag: string; displayName: string; localizedName?: string };
export type Organization = { name: string; alias?: string; domains: string[] };
export type Group = { name: string; path: string };
export type Role = {
  name: string;
  description?: string;
  /** Set for client roles. */
  clientId?: string;
  /** Mapped to the user directly (not only through a group or a composite role). */
  direct: boolean;
  /** Groups or composite roles that grant the role. */
  inheritedFrom: string[];
};
export type PasswordRefusal = "federated" | "identity_provider" | "no_password";
export type PasswordChangeAbility =
  /** `providerName`: a writable directory that stores the password. */
  | { allowed: true; providerName?: string }
  | { allowed: false; reason?: PasswordRefusal; providerName?: string };
export type PasswordPolicyRule = { id: string; value?: string };

export type Profile = {
  username: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  emailVerified: boolean;
  /** The user's chosen language tag, if any. */
  locale?: string;
  supportedLocales: SupportedLocale[];
  /** The user's IANA time zone, if set. */
  timezone?: string;
  organizations: Organization[];
  groups: Group[];
  roles: Role[];
  passwordChange: PasswordChangeAbility;
  apiKeys: { enabled: boolean; allowed: boolean };
  /** The realm's password policy, where it applies to this user's password. */
  passwordPolicy: PasswordPolicyRule[];
  /** Whether the realm's user profile lets the user edit these. */
  editable: { locale: boolean; timezone: boolean };
};

/** A field left out stays as it is. */
export type Preferences = { locale?: string; timezone?: string };

type Raw = Record<string, unknown>;

const asRecord = (value: unknown): Raw =>
  value !== null && typeof value === "object" ? (value as Raw) : {};
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asString = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;
const asStrings = (value: unknown): string[] =>
  asArray(value).filter((item): item is string => typeof item === "string");

function toRole(raw: unknown, clientRole: boolean): Role {
  const role = asRecord(raw);
  const inheritedFrom = asStrings(role.inheritedFrom);
  return {
    name: asString(role.name) ?? "",
    description: asString(role.description),
    clientId: clientRole ? asString(role.clientId) : undefined,
    direct: typeof role.direct === "boolean" ? role.direct : inheritedFrom.length === 0,
    inheritedFrom,
  };
}

const REFUSALS: readonly string[] = ["federated", "identity_provider", "no_password"];

function toPasswordChange(raw: unknown): PasswordChangeAbility {
  const change = asRecord(raw);
  const providerName = asString(change.providerName);
  if (change.allowed !== false) {
    return { allowed: true, providerName };
  }
  const reason = REFUSALS.includes(change.reason as string) ? (change.reason as PasswordRefusal) : undefined;
  return { allowed: false, reason, providerName };
}

export function toProfile(raw: unknown): Profile {
  const profile = asRecord(raw);
  const apiKeys = asRecord(profile.apiKeys);
  return {
    username: asString(profile.username) ?? "",
    firstName: asString(profile.firstName),
    lastName: asString(profile.lastName),
    email: asString(profile.email),
    emailVerified: profile.emailVerified === true,
    locale: asString(profile.locale),
    supportedLocales: asArray(profile.supportedLocales).map((item) => {
      const locale = asRecord(item);
      const tag = asString(locale.tag) ?? "";
      return { tag, displayName: asString(locale.displayName) ?? tag, localizedName: asString(locale.localizedName) };
    }).filter((locale) => locale.tag !== ""),
    timezone: asString(profile.timezone),
    organizations: asArray(profile.organizations).map((item) => {
      const organization = asRecord(item);
      return {
        name: asString(organization.name) ?? asString(organization.alias) ?? "",
        alias: asString(organization.alias),
        domains: asArray(organization.domains)
          .map((domain) => (typeof domain === "string" ? domain : asString(asRecord(domain).name)))
          .filter((domain): domain is string => !!domain),
      };
    }),
    groups: asArray(profile.groups).map((item) => {
      const group = asRecord(item);
      const path = asString(group.path) ?? "";
      return { name: asString(group.name) ?? path.split("/").pop() ?? "", path };
    }),
    roles: [
      ...asArray(profile.realmRoles).map((role) => toRole(role, false)),
      ...asArray(profile.clientRoles).map((role) => toRole(role, true)),
    ],
    passwordChange: toPasswordChange(profile.passwordChange),
    apiKeys: { enabled: apiKeys.enabled === true, allowed: apiKeys.allowed === true },
    passwordPolicy: asArray(profile.passwordPolicy).map((item) => {
      const rule = asRecord(item);
      return { id: asString(rule.id) ?? "", value: rule.value == null ? undefined : String(rule.value) };
    }).filter((rule) => rule.id !== ""),
    editable: {
      locale: asRecord(profile.editable).locale !== false,
      timezone: asRecord(profile.editable).timezone !== false,
    },
  };
}

export async function getProfile(options: CallOptions): Promise<Profile> {
  return toProfile(await request<unknown>("/me/profile", options));
}

/** Saves language and/or time zone; answers what the server now stores. */
export async function savePreferences(context: ApiContext, preferences: Preferences): Promise<Preferences> {
  const saved = asRecord(await request<unknown>("/me/preferences", { context, method: "PUT", body: preferences }));
  return {
    locale: "locale" in saved ? asString(saved.locale) : preferences.locale,
    timezone: "timezone" in saved ? asString(saved.timezone) : preferences.timezone,
  };
}
