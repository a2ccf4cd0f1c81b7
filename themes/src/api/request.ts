import type { useEnvironment } from "@keycloak/keycloak-account-ui";

/** What every call needs: the console's Keycloak context (environment + keycloak-js). */
export type ApiContext = ReturnType<typeof useEnvironment>;

export type CallOptions = {
  context: ApiContext;
  signal?: AbortSignal;
};

/** A refusal from the Latchkey REST API: `{"error", "error_description", "params"?}` (docs/CONTRACTS.md). */
export class LatchkeyApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string | undefined,
    readonly params: string[],
  ) {
    super(`${status} ${code}`);
    this.name = "LatchkeyApiError";
  }
}

type RequestOptions = CallOptions & {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  body?: unknown;
};

export function latchkeyUrl(context: ApiContext, path: string): string {
  const { serverBaseUrl, realm } = context.environment;
  return `${serverBaseUrl}/realms/${encodeURIComponent(realm)}/latchkey${path}`;
}

/** Calls `/realms/{realm}/latchkey{path}` with the user's bearer token; JSON in, JSON out. */
export async function request<T>(
  path: string,
  { context, signal, method = "GET", body }: RequestOptions,
): Promise<T> {
  await context.keycloak.updateToken(5);
  const headers: Record<string, string> = {
    Accept: "application/json",
    Authorization: `Bearer ${context.keycloak.token}`,
  };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  const response = await fetch(latchkeyUrl(context, path), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
  if (!response.ok) {
    throw await toError(response);
  }
  if (response.status === 204 || response.status === 205) {
    return undefined as T;
  }
  const text = await response.text();
  return (text === "" ? undefined : JSON.parse(text)) as T;
}

async function toError(response: Response): Promise<LatchkeyApiError> {
  let body: { error?: unknown; error_description?: unknown; params?: unknown } = {};
  try {
    body = await response.json();
  } catch {
    // not JSON (a proxy's error page, an empty 401): the status alone must do
  }
  return new LatchkeyApiError(
    response.status,
    typeof body.error === "string" ? body.error : `http_${response.status}`,
    typeof body.error_description === "string" ? body.error_description : undefined,
    Array.isArray(body.params) ? body.params.map(String) : [],
  );
}
