import type { Translate } from "./errors";

// Keycloak's built-in roles describe themselves with a message reference such as "${role_offline-access}".
const MESSAGE_REFERENCE = /^\$\{([^}]+)\}$/;

/** A role's description as the user reads it: a message reference in their language, other text as it is. */
export function roleDescription(t: Translate, description?: string): string {
  const reference = description && MESSAGE_REFERENCE.exec(description);
  return reference ? t(reference[1], { defaultValue: reference[1] }) : (description ?? "");
}
