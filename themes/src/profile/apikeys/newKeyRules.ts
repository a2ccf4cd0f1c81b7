import type { ApiKeyInfo } from "../../api/apiKeys";
import { addDays, parseDay } from "../../format/dates";
import type { Translate } from "../errors";

// What the create form refuses before asking the server. Every limit comes from the server's /info answer, so the
// form and the server cannot disagree.

export type NewKeyFields = { name: string; description: string; expiresAt: string };

/** A message per field; absent where the field is fine. */
export type NewKeyProblems = { name?: string; description?: string; expiresAt?: string };

/** Characters as the server counts them: code points (an emoji is one, not two UTF-16 units). */
export const characters = (text: string) => [...text].length;

/** The latest day a key may be valid through: today in the page's zone + the realm's maximum lifetime. */
export const latestDay = (info: ApiKeyInfo, today: string) => addDays(today, info.maxLifetimeDays);

export function checkNewKey(
  info: ApiKeyInfo,
  fields: NewKeyFields,
  today: string,
  t: Translate,
  formatDay: (day: string) => string,
): NewKeyProblems {
  const problems: NewKeyProblems = {};
  if (characters(fields.name.trim()) > info.nameMaxLength) {
    problems.name = t("latchkeyApiKeyNameTooLong", { max: info.nameMaxLength });
  }
  if (characters(fields.description.trim()) > info.descriptionMaxLength) {
    problems.description = t("latchkeyApiKeyDescriptionTooLong", { max: info.descriptionMaxLength });
  }
  const dayProblem = checkDay(info, fields.expiresAt, today, t, formatDay);
  if (dayProblem) {
    problems.expiresAt = dayProblem;
  }
  return problems;
}

/** Why a day cannot be picked, or undefined when it can: a real day from today through {@link latestDay}. */
export function checkDay(
  info: ApiKeyInfo,
  day: string,
  today: string,
  t: Translate,
  formatDay: (day: string) => string,
): string | undefined {
  const lastDay = latestDay(info, today);
  if (!parseDay(day)) return t("latchkeyExpirationInvalid");
  if (day < today) return t("latchkeyExpirationInPast");
  if (day > lastDay) return t("latchkeyExpirationTooLate", { date: formatDay(lastDay), days: info.maxLifetimeDays });
  return undefined;
}

/** The most roles one key may name when an older server does not say. */
export const DEFAULT_MAX_ROLES = 100;

/**
 * Why the chosen scope cannot be sent, or undefined: `roles` undefined is "all my permissions" (refused where the
 * realm requires scoped keys), otherwise from one role up to the server's maximum.
 */
export function checkScope(info: ApiKeyInfo, roles: string[] | undefined, t: Translate): string | undefined {
  if (roles === undefined) return info.requireScopes ? t("latchkeyApiKeyScopeRequired") : undefined;
  const max = info.maxRoles ?? DEFAULT_MAX_ROLES;
  if (roles.length === 0) return t("latchkeyApiKeyRolesNone");
  if (roles.length > max) return t("latchkeyApiKeyRolesTooMany", { max });
  return undefined;
}
