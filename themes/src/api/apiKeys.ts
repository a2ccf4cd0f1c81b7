import { request, type ApiContext, type CallOptions } from "./request";

export type ApiKeyInfo = {
  enabled: boolean;
  allowed: boolean;
  maxLifetimeDays: number;
  maxKeysPerUser: number;
  roleName: string;
  activeCount: number;
};

export type ApiKeyStatus = "active" | "expired";

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
};

export type CreatedApiKey = ApiKey & { key: string };

export type NewApiKey = {
  name: string;
  description?: string;
  /** `YYYY-MM-DD`: valid through that day in the user's time zone. */
  expiresAt: string;
};

export const getApiKeyInfo = (options: CallOptions) =>
  request<ApiKeyInfo>("/me/api-keys/info", options);

export const getApiKeys = (options: CallOptions) =>
  request<ApiKey[]>("/me/api-keys", options);

export const createApiKey = (context: ApiContext, key: NewApiKey) =>
  request<CreatedApiKey>("/me/api-keys", { context, method: "POST", body: key });

export const deleteApiKey = (context: ApiContext, id: string) =>
  request<void>(`/me/api-keys/${encodeURIComponent(id)}`, { context, method: "DELETE" });
