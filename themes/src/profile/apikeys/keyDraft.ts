// What the user typed into the create or rotate dialog, kept across the fresh sign-in the server asks for before it mints a
// key (403 reauthentication_required). Kept in sessionStorage: it stays with this tab, goes when the tab closes, and
// is removed as soon as the dialog has it back. It holds the form's fields only, never a key.

export type KeyDraft = {
  name: string;
  description: string;
  expiresAt: string;
  /** Undefined: all of the owner's permissions. */
  roles?: string[];
  organization?: string;
  /** Set when the dialog was a rotation of this key, with the grace chosen; the other fields then hold its day. */
  rotate?: { id: string; graceSeconds: number };
};

type Stored = KeyDraft & { savedAt: number };

/** A draft older than this is dropped: the user gave up on the sign-in, a later visit starts afresh. */
export const DRAFT_MAX_AGE_MS = 30 * 60 * 1000;

/** Per realm and user, so that another account signing in within the same tab never sees it. */
export const draftKey = (realm: string, userId: string) => `latchkey.apiKeyDraft.${realm}.${userId}`;

export function saveDraft(storage: Storage, key: string, draft: KeyDraft, now = Date.now()) {
  try {
    // field by field: whatever else the caller's object holds stays out of storage
    const stored: Stored = {
      name: draft.name,
      description: draft.description,
      expiresAt: draft.expiresAt,
      roles: draft.roles,
      organization: draft.organization,
      rotate: draft.rotate && { id: draft.rotate.id, graceSeconds: draft.rotate.graceSeconds },
      savedAt: now,
    };
    storage.setItem(key, JSON.stringify(stored));
  } catch {
    // storage full or switched off: the sign-in still happens, the user types again afterwards
  }
}

/** The draft saved under `key`, if there is a usable one; it stays stored until {@link dropDraft}. */
export function readDraft(storage: Storage, key: string, now = Date.now()): KeyDraft | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(key) ?? "null");
  } catch {
    return undefined;
  }
  if (raw === null || typeof raw !== "object") return undefined;
  const stored = raw as Partial<Record<keyof Stored, unknown>>;
  if (typeof stored.savedAt !== "number" || now - stored.savedAt > DRAFT_MAX_AGE_MS || now < stored.savedAt) {
    return undefined;
  }
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const roles = Array.isArray(stored.roles) ? stored.roles.filter((role): role is string => typeof role === "string") : undefined;
  const rotate = stored.rotate as Partial<Record<"id" | "graceSeconds", unknown>> | null | undefined;
  return {
    name: text(stored.name),
    description: text(stored.description),
    expiresAt: text(stored.expiresAt),
    roles: roles && roles.length > 0 ? roles : undefined,
    organization: text(stored.organization) || undefined,
    rotate:
      rotate && typeof rotate.id === "string" && typeof rotate.graceSeconds === "number"
        ? { id: rotate.id, graceSeconds: rotate.graceSeconds }
        : undefined,
  };
}

export function dropDraft(storage: Storage, key: string) {
  try {
    storage.removeItem(key);
  } catch {
    // nothing stored, nothing to remove
  }
}
