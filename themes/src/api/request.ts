import type { useEnvironment } from "@keycloak/keycloak-account-ui";

/** What every call needs: the console's Keycloak context (environment + keycloak-js). */
export type ApiContext = ReturnType<typeof useEnvironment>;

export type CallOptions = {
  context: ApiContext;
  signal?: AbortSignal;
};

/** A refusal from the Latchkey REST API: `{"error", "error_description", "params"?}` (README: REST API). */
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
  const call = () => send(latchkeyUrl(context, path), context, method, body, signal);
  let response = await call();
  if (response.status === 401) {
    // keycloak-js only refreshes a token near its expiry, so a session ended on the server (an admin's logout,
    // the SSO idle limit) shows up here first: one forced refresh tells a stale token from an ended session.
    await freshToken(context, -1);
    response = await call();
  }
  if (!response.ok) {
    throw await toError(response);
  }
  if (response.status === 204 || response.status === 205) {
    return undefined as T;
  }
  const text = await response.text();
  return (text === "" ? undefined : JSON.parse(text)) as T;
}

async function send(
  url: string,
  context: ApiContext,
  method: string,
  body: unknown,
  signal: AbortSignal | undefined,
): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    Authorization: `Bearer ${await freshToken(context, 5)}`,
  };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  return fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
}

/**
 * The user's access token, refreshed when it expires within `minValidity` seconds (-1: always). When it cannot be
 * refreshed the session is over: like Keycloak's own account console, send the user to sign in again rather than
 * show an error no retry can fix. The returned promise then never settles, so nothing flashes while the browser
 * leaves the page.
 */
async function freshToken(context: ApiContext, minValidity: number): Promise<string | undefined> {
  try {
    await context.keycloak.updateToken(minValidity);
  } catch {
    await context.keycloak.login();
    return new Promise<never>(() => {});
  }
  return context.keycloak.token;
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
