import { describe, expect, it } from "vitest";

import { toProfile } from "./profile";

// The document as the README (The profile document) describes it.
const document = {
  username: "alice",
  firstName: "Alice",
  lastName: null,
  email: "alice@example.com",
  emailVerified: false,
  locale: null,
  supportedLocales: [{ tag: "de", displayName: "Deutsch", localizedName: "German" }],
  timezone: "Europe/Berlin",
  organizations: [{ name: "Acme", alias: "acme", domains: ["acme.example"] }],
  groups: [{ name: "platform", path: "/engineering/platform" }],
  realmRoles: [{ name: "api-access", description: null, direct: true, inheritedFrom: ["/engineering"] }],
  clientRoles: [
    { clientId: "account", name: "manage-account", description: "Manage account", direct: false, inheritedFrom: ["default-roles-acme"] },
  ],
  passwordChange: { allowed: false, reason: "identity_provider", providerName: "GitHub" },
  apiKeys: { enabled: true, allowed: false },
  passwordPolicy: [{ id: "length", value: "12" }, { id: "notUsername", value: null }],
  editable: { locale: true, timezone: false },
};

describe("toProfile", () => {
  it("adapts the contract's document, nulls becoming absent", () => {
    expect(toProfile(document)).toEqual({
      username: "alice",
      firstName: "Alice",
      lastName: undefined,
      email: "alice@example.com",
      emailVerified: false,
      locale: undefined,
      supportedLocales: [{ tag: "de", displayName: "Deutsch", localizedName: "German" }],
      timezone: "Europe/Berlin",
      organizations: [{ name: "Acme", alias: "acme", domains: ["acme.example"] }],
      groups: [{ name: "platform", path: "/engineering/platform" }],
      roles: [
        { name: "api-access", description: undefined, clientId: undefined, direct: true, inheritedFrom: ["/engineering"] },
        {
          name: "manage-account",
          description: "Manage account",
          clientId: "account",
          direct: false,
          inheritedFrom: ["default-roles-acme"],
        },
      ],
      passwordChange: { allowed: false, reason: "identity_provider", providerName: "GitHub" },
      apiKeys: { enabled: true, allowed: false },
      passwordPolicy: [{ id: "length", value: "12" }, { id: "notUsername", value: undefined }],
      editable: { locale: true, timezone: false },
    });
  });

  it("survives a sparse document: nothing shown rather than a crash", () => {
    const profile = toProfile({ username: "bob" });
    expect(profile.roles).toEqual([]);
    expect(profile.passwordChange).toEqual({ allowed: true, providerName: undefined });
    expect(profile.apiKeys).toEqual({ enabled: false, allowed: false });
    expect(profile.editable).toEqual({ locale: true, timezone: true });
  });

  it("ignores a refusal reason it does not know, but still refuses", () => {
    expect(toProfile({ passwordChange: { allowed: false, reason: "later" } }).passwordChange).toEqual({
      allowed: false,
      reason: undefined,
      providerName: undefined,
    });
  });
});
