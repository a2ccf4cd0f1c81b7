import type { PasswordPolicyRule } from "../../api/profile";

export type PolicyHint = {
  id: string;
  /** Message key; `{{0}}` is the policy's value. */
  key: string;
  value?: string;
  /** Whether the typed password satisfies it; undefined when nothing is typed or the browser cannot tell. */
  met?: boolean;
};

type Identity = { username: string; email?: string };
type Check = (password: string, value: number, identity: Identity) => boolean;

const count = (password: string, test: (char: string) => boolean) => [...password].filter(test).length;
const isDigit = (char: string) => /\p{Nd}/u.test(char);
const isLower = (char: string) => /\p{Ll}/u.test(char);
const isUpper = (char: string) => /\p{Lu}/u.test(char);
const isLetterOrDigit = (char: string) => /[\p{L}\p{Nd}]/u.test(char);

// Keycloak's password policies (provider ids) that say something to the user; the checks mirror the server's
// (which stays the judge). Policies not listed here (hash algorithm, iterations, expiry, ...) are not shown.
const RULES: Record<string, { key: string; check?: Check }> = {
  length: { key: "latchkeyPasswordHintLength", check: (p, n) => p.length >= n },
  maxLength: { key: "latchkeyPasswordHintMaxLength", check: (p, n) => p.length <= n },
  digits: { key: "latchkeyPasswordHintDigits", check: (p, n) => count(p, isDigit) >= n },
  lowerCase: { key: "latchkeyPasswordHintLowerCase", check: (p, n) => count(p, isLower) >= n },
  upperCase: { key: "latchkeyPasswordHintUpperCase", check: (p, n) => count(p, isUpper) >= n },
  specialChars: { key: "latchkeyPasswordHintSpecialChars", check: (p, n) => count(p, (c) => !isLetterOrDigit(c)) >= n },
  notUsername: {
    key: "latchkeyPasswordHintNotUsername",
    check: (p, _, { username }) => p.toLowerCase() !== username.toLowerCase(),
  },
  notContainsUsername: {
    key: "latchkeyPasswordHintNotContainsUsername",
    check: (p, _, { username }) => username === "" || !p.toLowerCase().includes(username.toLowerCase()),
  },
  notEmail: {
    key: "latchkeyPasswordHintNotEmail",
    check: (p, _, { email }) => !email || p.toLowerCase() !== email.toLowerCase(),
  },
  passwordHistory: { key: "latchkeyPasswordHintHistory" },
  passwordAge: { key: "latchkeyPasswordHintAge" },
  regexPattern: { key: "latchkeyPasswordHintRegexPattern" },
  passwordBlacklist: { key: "latchkeyPasswordHintBlacklist" },
};

/** The realm's password policy as hints for the user, each marked met/unmet for the typed password. */
export function policyHints(policy: PasswordPolicyRule[], password: string, identity: Identity): PolicyHint[] {
  return policy.flatMap(({ id, value }) => {
    const rule = RULES[id];
    if (!rule) return [];
    const number = Number(value ?? "1");
    const met =
      password === "" || !rule.check ? undefined : rule.check(password, Number.isFinite(number) ? number : 1, identity);
    return [{ id, key: rule.key, value, met }];
  });
}
