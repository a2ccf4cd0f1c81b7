import { describe, expect, it } from "vitest";

import type { ApiKey } from "../../api/apiKeys";
import { afterRotation, canRotate, DEFAULT_GRACE_SECONDS, defaultGrace, GRACE_CHOICES, graceChoices, keyState } from "./rotation";

describe("rotation", () => {
  it.each([
    ["active", null, "active", true],
    ["active", undefined, "active", true],
    ["active", "new-id", "replaced", false],
    ["expired", "new-id", "expired", false],
    ["expired", null, "expired", false],
    ["revoked", null, "revoked", false],
    ["revoked", "new-id", "revoked", false],
  ] as const)("given status %s and replacedBy %s, then it is %s, rotatable: %s", (status, replacedBy, state, rotatable) => {
    expect(keyState({ status, replacedBy })).toBe(state);
    expect(canRotate({ status, replacedBy })).toBe(rotatable);
  });

  it("given the choices, then they run from at once to 7 days, the server's default maximum, and include the default", () => {
    expect(GRACE_CHOICES.map((choice) => choice.seconds)).toEqual([0, 3600, 86400, 7 * 86400]);
    expect(GRACE_CHOICES.map((choice) => choice.seconds)).toContain(DEFAULT_GRACE_SECONDS);
  });

  it.each([
    [undefined, [0, 3600, 86400, 604800], 3600],
    [604800, [0, 3600, 86400, 604800], 3600],
    [86400, [0, 3600, 86400], 3600],
    [7200, [0, 3600], 3600],
    [600, [0], 0],
    [0, [0], 0],
  ] as const)("given the realm's maximum grace %s, then the dialog offers %j and starts at %i", (max, offered, first) => {
    expect(graceChoices(max).map((choice) => choice.seconds)).toEqual(offered);
    expect(defaultGrace(max)).toBe(first);
  });

  const listed = (id: string, expiresAt: string): ApiKey => ({
    id,
    name: "ci",
    createdAt: "2026-12-01T00:00:00.000Z",
    expiresAt,
    status: "active",
  });
  const now = Date.parse("2026-12-02T10:00:00.000Z");
  const created = { ...listed("new", "2027-03-01T00:00:00.000Z"), replaces: "old", key: "lk_secret" };

  it("given a rotation with an hour's grace, then the new key comes first without its secret and the old one is replaced until now + 1 h", () => {
    const keys = [listed("other", "2027-01-01T00:00:00.000Z"), listed("old", "2027-02-01T00:00:00.000Z")];
    const after = afterRotation(keys, "old", created, 3600, now);
    expect(after.map((key) => key.id)).toEqual(["new", "other", "old"]);
    expect(after[0]).not.toHaveProperty("key");
    expect(after[1]).toBe(keys[0]);
    expect(after[2]).toMatchObject({ replacedBy: "new", expiresAt: "2026-12-02T11:00:00.000Z", status: "active" });
    expect(keyState(after[2])).toBe("replaced");
  });

  it("given no grace, then the old key is expired now; given a grace past its expiration, then it keeps that", () => {
    expect(afterRotation([listed("old", "2027-02-01T00:00:00.000Z")], "old", created, 0, now)[1]).toMatchObject({
      status: "expired",
      expiresAt: "2026-12-02T10:00:00.000Z",
    });
    expect(afterRotation([listed("old", "2026-12-02T10:30:00.000Z")], "old", created, 86400, now)[1]).toMatchObject({
      status: "active",
      expiresAt: "2026-12-02T10:30:00.000Z",
    });
  });
});
