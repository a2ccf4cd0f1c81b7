import type { Role } from "../../api/profile";
import { LatchkeyApiError } from "../../api/request";

// What a key may do, as the dialog offers it and the table shows it. The roles come from the profile document the
// page already holds: its effective roles are exactly the roles a key may be given (README: The profile document).

/** A role as the server names it in a key's `roles`: a realm role by name, a client role as `clientId/name`. */
export const roleRef = (role: Pick<Role, "name" | "clientId">) =>
  role.clientId ? `${role.clientId}/${role.name}` : role.name;

export type RoleOption = {
  ref: string;
  name: string;
  /** Set for client roles: the application the role belongs to. */
  clientId?: string;
  description?: string;
  /** Lower-case text a search matches against: name, application, description. */
  search: string;
};

/** The user's roles as choices: realm roles first, then by application, each by name; no duplicates. */
export function roleOptions(roles: Role[]): RoleOption[] {
  const byRef = new Map<string, RoleOption>();
  for (const role of roles) {
    if (!role.name) continue;
    const ref = roleRef(role);
    if (byRef.has(ref)) continue;
    byRef.set(ref, {
      ref,
      name: role.name,
      clientId: role.clientId,
      description: role.description,
      search: [role.name, role.clientId ?? "", role.description ?? ""].join(" ").toLowerCase(),
    });
  }
  return [...byRef.values()].sort(
    (a, b) =>
      Number(a.clientId !== undefined) - Number(b.clientId !== undefined) ||
      (a.clientId ?? "").localeCompare(b.clientId ?? "") ||
      a.name.localeCompare(b.name),
  );
}

/** The options every word of the query is found in (name, application or description), in their order. */
export function filterRoles(options: RoleOption[], query: string): RoleOption[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return words.length === 0 ? options : options.filter((option) => words.every((word) => option.search.includes(word)));
}

/** At most `max` entries to show and how many are left out ("+N"); `max` at least 1. */
export function truncate<T>(items: readonly T[], max: number): { shown: T[]; hidden: number } {
  const limit = Math.max(1, max);
  // "+1" would take the room of the one entry it hides: show that entry instead
  if (items.length <= limit + 1) return { shown: [...items], hidden: 0 };
  return { shown: items.slice(0, limit), hidden: items.length - limit };
}

/**
 * The entries of the request a 400 `invalid_request` names (its `params`): the selected roles it refused, and
 * whether it refused the organization. Anything else (the name, the day) is not about the scope.
 */
export function refusedScope(
  error: unknown,
  roles: readonly string[],
  organization: string | undefined,
): { roles: string[]; organization: boolean } {
  if (!(error instanceof LatchkeyApiError) || error.code !== "invalid_request") return { roles: [], organization: false };
  const named = new Set(error.params);
  return {
    roles: roles.filter((ref) => named.has(ref)),
    organization: organization !== undefined && named.has(organization),
  };
}

/** What the list says about a key's roles: all of them, or the first few and how many more. */
export type ScopeSummary = { all: true } | { all: false; shown: string[]; hidden: number };

export function scopeSummary(roles: string[] | null | undefined, max: number): ScopeSummary {
  return roles == null ? { all: true } : { all: false, ...truncate(roles, max) };
}

/** The line under a role option: where the role comes from (the realm, or an application) and its description. */
export function roleOrigin(
  option: Pick<RoleOption, "clientId" | "description">,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  const where = option.clientId ? t("latchkeyApiKeyRoleOfClient", { client: option.clientId }) : t("latchkeyRoleRealm");
  return option.description ? `${where} · ${option.description}` : where;
}
