import { describe, expect, it } from "vitest";

import type { ApiKeyInfo } from "../../api/apiKeys";
import { characters, checkNewKey, checkScope, latestDay } from "./newKeyRules";

const info: ApiKeyInfo = {
  enabled: true,
  allowed: true,
  maxLifetimeDays: 90,
  maxKeysPerUser: 3,
  roleName: "api-access",
  activeCount: 0,
  nameMaxLength: 64,
  descriptionMaxLength: 255,
  timeZone: null,
};
const t = (key: string, options?: Record<string, unknown>) => `${key}${options ? JSON.stringify(options) : ""}`;
const check = (fields: Partial<{ name: string; description: string; expiresAt: string }>, limits = info) =>
  checkNewKey(limits, { name: "ci", description: "", expiresAt: "2027-01-01", ...fields }, "2026-12-01", t, (d) => d);

describe("new key rules", () => {
  it("given the server's limits, then names and descriptions up to them pass and longer ones name the limit", () => {
    expect(check({ name: "n".repeat(64), description: "d".repeat(255) })).toEqual({});
    expect(check({ name: "n".repeat(65) }).name).toBe('latchkeyApiKeyNameTooLong{"max":64}');
    expect(check({ description: "d".repeat(256) }).description).toBe('latchkeyApiKeyDescriptionTooLong{"max":255}');
    expect(check({ name: "n".repeat(65) }, { ...info, nameMaxLength: 80 })).toEqual({});
  });

  it("given spaces around a name and characters beyond one UTF-16 unit, then counts as the server does", () => {
    expect(check({ name: `  ${"n".repeat(64)}  ` })).toEqual({});
    expect(characters("🔑🔑")).toBe(2);
    expect(check({ name: "🔑".repeat(64) })).toEqual({});
  });

  it("given days around the allowed range, then only today through today + the lifetime pass", () => {
    expect(latestDay(info, "2026-12-01")).toBe("2027-03-01");
    expect(check({ expiresAt: "2026-12-01" })).toEqual({});
    expect(check({ expiresAt: "2027-03-01" })).toEqual({});
    expect(check({ expiresAt: "2027-03-02" }).expiresAt).toBe('latchkeyExpirationTooLate{"date":"2027-03-01","days":90}');
    expect(check({ expiresAt: "2026-11-30" }).expiresAt).toBe("latchkeyExpirationInPast");
    expect(check({ expiresAt: "2027-02-30" }).expiresAt).toBe("latchkeyExpirationInvalid");
  });
});

describe("scope rules", () => {
  it("given all permissions, then fine unless the realm requires scoped keys", () => {
    expect(checkScope(info, undefined, t)).toBeUndefined();
    expect(checkScope({ ...info, requireScopes: true }, undefined, t)).toBe("latchkeyApiKeyScopeRequired");
  });

  it("given some roles, then one up to the server's maximum (100 when it does not say)", () => {
    expect(checkScope(info, [], t)).toBe("latchkeyApiKeyRolesNone");
    expect(checkScope({ ...info, requireScopes: true }, ["ops"], t)).toBeUndefined();
    expect(checkScope(info, Array.from({ length: 100 }, (_, i) => `r${i}`), t)).toBeUndefined();
    expect(checkScope(info, Array.from({ length: 101 }, (_, i) => `r${i}`), t)).toBe('latchkeyApiKeyRolesTooMany{"max":100}');
    expect(checkScope({ ...info, maxRoles: 2 }, ["a", "b", "c"], t)).toBe('latchkeyApiKeyRolesTooMany{"max":2}');
  });
});
