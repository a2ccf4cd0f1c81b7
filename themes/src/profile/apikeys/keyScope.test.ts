import { describe, expect, it } from "vitest";

import type { Role } from "../../api/profile";
import { LatchkeyApiError } from "../../api/request";
import { filterRoles, refusedScope, roleOptions, roleOrigin, roleRef, scopeSummary, truncate } from "./keyScope";

const role = (name: string, clientId?: string, description?: string): Role => ({
  name,
  clientId,
  description,
  direct: true,
  inheritedFrom: [],
});

describe("key scope", () => {
  it("given realm and client roles, then names them as the server does: name, or clientId/name", () => {
    expect(roleRef(role("ops"))).toBe("ops");
    expect(roleRef(role("reader", "inventory"))).toBe("inventory/reader");
    expect(roleRef(role("reader", "team/inventory"))).toBe("team/inventory/reader");
  });

  it("given the profile's roles, then offers realm roles first, then by application, each once", () => {
    const options = roleOptions([
      role("writer", "inventory"),
      role("ops"),
      role("reader", "inventory", "Reads the inventory"),
      role("admin", "billing"),
      role("api-access"),
      role("ops"),
      role(""),
    ]);
    expect(options.map((option) => option.ref)).toEqual([
      "api-access",
      "ops",
      "billing/admin",
      "inventory/reader",
      "inventory/writer",
    ]);
    expect(options[3]).toMatchObject({ name: "reader", clientId: "inventory", description: "Reads the inventory" });
  });

  it("given a search, then every word must match the name, the application or the description", () => {
    const options = roleOptions([role("reader", "inventory", "Reads the inventory"), role("ops", undefined, "Operations")]);
    expect(filterRoles(options, "").length).toBe(2);
    expect(filterRoles(options, "INV").map((o) => o.ref)).toEqual(["inventory/reader"]);
    expect(filterRoles(options, "reads inventory").map((o) => o.ref)).toEqual(["inventory/reader"]);
    expect(filterRoles(options, "operations").map((o) => o.ref)).toEqual(["ops"]);
    expect(filterRoles(options, "ops inventory")).toEqual([]);
  });

  it("given more roles than fit, then shows the first ones and counts the rest, never '+1'", () => {
    expect(truncate(["a", "b", "c"], 3)).toEqual({ shown: ["a", "b", "c"], hidden: 0 });
    expect(truncate(["a", "b", "c", "d"], 3)).toEqual({ shown: ["a", "b", "c", "d"], hidden: 0 });
    expect(truncate(["a", "b", "c", "d", "e"], 3)).toEqual({ shown: ["a", "b", "c"], hidden: 2 });
    expect(truncate([], 3)).toEqual({ shown: [], hidden: 0 });
    expect(truncate(["a", "b", "c"], 0)).toEqual({ shown: ["a"], hidden: 2 });
  });

  it("given a key's roles, then the list says all permissions for none named, else the first roles and the rest", () => {
    expect(scopeSummary(null, 3)).toEqual({ all: true });
    expect(scopeSummary(undefined, 3)).toEqual({ all: true });
    expect(scopeSummary(["ops"], 3)).toEqual({ all: false, shown: ["ops"], hidden: 0 });
    expect(scopeSummary(["a", "b", "c", "d", "e", "f"], 3)).toEqual({ all: false, shown: ["a", "b", "c"], hidden: 3 });
  });

  it("given a role option, then its line names the realm or the application, then the description", () => {
    const t = (key: string, options?: Record<string, unknown>) => `${key}${options ? JSON.stringify(options) : ""}`;
    expect(roleOrigin({ clientId: "inventory", description: "Reads the inventory" }, t)).toBe(
      'latchkeyApiKeyRoleOfClient{"client":"inventory"} · Reads the inventory',
    );
    expect(roleOrigin({}, t)).toBe("latchkeyRoleRealm");
  });

  it("given a 400 naming entries, then picks the selected roles and the organization it refused", () => {
    const refusal = new LatchkeyApiError(400, "invalid_request", "roles holds entries ...", ["inventory/writer", "acme"]);
    expect(refusedScope(refusal, ["ops", "inventory/writer"], "acme")).toEqual({
      roles: ["inventory/writer"],
      organization: true,
    });
    expect(refusedScope(refusal, ["ops"], undefined)).toEqual({ roles: [], organization: false });
    const other = new LatchkeyApiError(409, "api_key_name_taken", undefined, ["ops"]);
    expect(refusedScope(other, ["ops"], undefined)).toEqual({ roles: [], organization: false });
    expect(refusedScope(new TypeError("offline"), ["ops"], undefined)).toEqual({ roles: [], organization: false });
  });
});
