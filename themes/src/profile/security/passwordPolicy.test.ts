import { describe, expect, it } from "vitest";

import { policyHints } from "./passwordPolicy";

const identity = { username: "alice", email: "alice@example.com" };

describe("policyHints", () => {
  it("shows only policies a user can act on, in the realm's order", () => {
    const hints = policyHints(
      [
        { id: "hashIterations", value: "27500" },
        { id: "length", value: "12" },
        { id: "passwordHistory", value: "3" },
        { id: "forceExpiredPasswordChange", value: "90" },
      ],
      "",
      identity,
    );
    expect(hints.map((hint) => [hint.key, hint.value, hint.met])).toEqual([
      ["latchkeyPasswordHintLength", "12", undefined],
      ["latchkeyPasswordHintHistory", "3", undefined],
    ]);
  });

  it("marks checkable rules met or unmet for the typed password", () => {
    const policy = [
      { id: "length", value: "8" },
      { id: "digits", value: "2" },
      { id: "upperCase", value: "1" },
      { id: "lowerCase", value: "1" },
      { id: "specialChars", value: "1" },
      { id: "maxLength", value: "10" },
      { id: "notUsername" },
      { id: "notContainsUsername" },
      { id: "notEmail" },
      { id: "regexPattern", value: ".*" },
    ];
    const met = (password: string) => policyHints(policy, password, identity).map((hint) => hint.met);
    expect(met("Äb1!")).toEqual([false, false, true, true, true, true, true, true, true, undefined]);
    expect(met("xALICEx12!")).toEqual([true, true, true, true, true, true, true, false, true, undefined]);
    expect(met("Passwörter12!")).toEqual([true, true, true, true, true, false, true, true, true, undefined]);
  });
});
