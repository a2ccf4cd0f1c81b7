import { request, type ApiContext, type CallOptions } from "./request";

export type ApiKeyInfo = {
  enabled: boolean;
  allowed: boolean;
  maxLifetimeDays: number;
  maxKeysPerUser: number;
  roleName: string;
  activeCount: number;
  /** Longest name the server takes, in characters (code points) after trimming. */
  nameMaxLength: number;
  /** Longest description the server takes, in characters (code points). */
  descriptionMaxLength: number;
  /** The user's own time zone (IANA id); null when they have none (the page then uses the browser's). */
  timeZone: string | null;
  /** True: a new key must name its roles ("all my permissions" is refused). Absent from older servers: false. */
  requireScopes?: boolean;
  /** Most roles one key may name. */
  maxRoles?: number;
  /** Longest grace a rotation may give the replaced key, in seconds (0: refused at once). Absent from older servers. */
  maxRotationGraceSeconds?: number;
};

export type ApiKeyStatus = "active" | "expired" | "revoked";

/** Why a key was revoked without its owner: reported as leaked, or unused for the realm's limit. */
export type RevokedReason = "reported_leaked" | "unused";

export type ApiKey = {
  id: string;
  name: string;
  description?: string | null;
  /** A recognisable, non-secret part of the key. */
  hint?: string | null;
  createdAt: string;
  expiresAt: string;
  lastUsedAt?: string | null;
  status: ApiKeyStatus;
  /** The roles the key may use (`"ops"`, `"inventory/reader"`); null or absent: all of the owner's. */
  roles?: string[] | null;
  /** The alias of the organization the key is bound to, if any. */
  organization?: string | null;
  /** The id of the key this one was rotated from, if any. */
  replaces?: string | null;
  /** The id of the key this one was rotated into: it works until `expiresAt`, the end of its grace period. */
  replacedBy?: string | null;
  /** When the key was revoked without its owner (status `revoked`), and why; absent or null otherwise. */
  revokedAt?: string | null;
  revokedReason?: RevokedReason | null;
};

export type CreatedApiKey = ApiKey & { key: string };

export type NewApiKey = {
  name: string;
  description?: string;
  /** `YYYY-MM-DD`: valid through that day in {@link timeZone}. */
  expiresAt: string;
  /** The IANA zone the page shows dates in: the server reads `expiresAt` and counts the maximum lifetime in it. */
  timeZone: string;
  /** Left out: the key has all of the owner's roles. Never an empty list (the server refuses it). */
  roles?: string[];
  /** Alias of one of the owner's organizations; left out: not bound to one. */
  organization?: string;
};

export type KeyRotation = {
  /** `YYYY-MM-DD` in {@link timeZone}, the create's rules. */
  expiresAt: string;
  timeZone: string;
  /** How long the old key keeps working next to the new one; 0: refused at once. */
  graceSeconds: number;
};

export const getApiKeyInfo = (options: CallOptions) =>
  request<ApiKeyInfo>("/me/api-keys/info", options);

export const getApiKeys = (options: CallOptions) =>
  request<ApiKey[]>("/me/api-keys", options);

export const createApiKey = (context: ApiContext, key: NewApiKey) =>
  request<CreatedApiKey>("/me/api-keys", { context, method: "POST", body: key });

export const deleteApiKey = (context: ApiContext, id: string) =>
  request<void>(`/me/api-keys/${encodeURIComponent(id)}`, { context, method: "DELETE" });

/** A new key in place of `id` (same name, description and scope), shown once; the old one works `graceSeconds` more. */
export const rotateApiKey = (context: ApiContext, id: string, rotation: KeyRotation) =>
  request<CreatedApiKey>(`/me/api-keys/${encodeURIComponent(id)}/rotate`, { context, method: "POST", body: rotation });
