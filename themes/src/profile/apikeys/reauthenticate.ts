import type { ApiContext } from "../../api/request";
import { draftKey, dropDraft, readDraft, saveDraft, type KeyDraft } from "./keyDraft";

// The server mints a key only after a recent sign-in (403 reauthentication_required). The page then signs the user
// in again with prompt=login: Keycloak shows its login form whatever the age of the SSO session, so the token that
// comes back carries a fresh auth_time. (max_age=N would also do when Keycloak's clock and the session's sign-in time
// agree with the server's decision; prompt=login does not depend on that, so a second refusal cannot loop.)

function storageKey(context: ApiContext): string | undefined {
  const userId = context.keycloak.tokenParsed?.sub;
  return userId ? draftKey(context.environment.realm, userId) : undefined;
}

function session(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // storage switched off in this browser
  }
}

/**
 * Keeps what the user typed, then leaves for Keycloak's login form; back on the API-keys tab, where the dialog
 * reopens with the draft. Never settles: the browser leaves the page.
 */
export async function signInAgain(context: ApiContext, draft: KeyDraft): Promise<never> {
  const key = storageKey(context);
  const storage = session();
  if (key && storage) saveDraft(storage, key, draft);
  const back = new URL(window.location.href);
  back.hash = "api-keys";
  await context.keycloak.login({ prompt: "login", redirectUri: back.toString() });
  return new Promise<never>(() => {});
}

/** The draft of this realm's signed-in user waiting after a fresh sign-in, if any (it stays stored). */
export function pendingDraft(context: ApiContext): KeyDraft | undefined {
  const key = storageKey(context);
  const storage = session();
  return key && storage ? readDraft(storage, key) : undefined;
}

/** Forgets the draft once the dialog has it back (or cannot use it). */
export function forgetDraft(context: ApiContext) {
  const key = storageKey(context);
  const storage = session();
  if (key && storage) dropDraft(storage, key);
}
