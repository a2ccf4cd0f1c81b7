import { afterEach, describe, expect, it, vi } from "vitest";

import { LatchkeyApiError, request, type ApiContext } from "./request";

// keycloak-js and the network stand in here only for request()'s own decisions; the browser tests run the real thing.

type FakeKeycloak = { token: string; updateToken: ReturnType<typeof vi.fn>; login: ReturnType<typeof vi.fn> };

function context(keycloak: FakeKeycloak): ApiContext {
  return {
    environment: { serverBaseUrl: "http://kc", realm: "demo" },
    keycloak,
  } as unknown as ApiContext;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

const settled = (promise: Promise<unknown>) =>
  Promise.race([promise.then(() => true, () => true), new Promise((resolve) => setTimeout(() => resolve(false), 20))]);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("request", () => {
  it("given a 401 and a session that still refreshes, then retries once with the new token", async () => {
    const keycloak: FakeKeycloak = { token: "old", updateToken: vi.fn(), login: vi.fn() };
    keycloak.updateToken.mockImplementation(async (minValidity: number) => {
      if (minValidity === -1) keycloak.token = "new";
      return minValidity === -1;
    });
    const fetch = vi.fn().mockResolvedValueOnce(json(401, { error: "invalid_token" })).mockResolvedValueOnce(json(200, { ok: 1 }));
    vi.stubGlobal("fetch", fetch);

    await expect(request("/me/profile", { context: context(keycloak) })).resolves.toEqual({ ok: 1 });
    expect(fetch.mock.calls.map(([, init]) => init.headers.Authorization)).toEqual(["Bearer old", "Bearer new"]);
    expect(keycloak.login).not.toHaveBeenCalled();
  });

  it("given a 401 and a session that no longer refreshes, then sends the user to log in and never settles", async () => {
    const keycloak: FakeKeycloak = { token: "old", updateToken: vi.fn(), login: vi.fn().mockResolvedValue(undefined) };
    keycloak.updateToken.mockImplementation(async (minValidity: number) => {
      if (minValidity === -1) throw new Error("refresh failed");
      return false;
    });
    vi.stubGlobal("fetch", vi.fn().mockResolvedValue(json(401, { error: "invalid_token" })));

    const pending = request("/me/profile", { context: context(keycloak) });
    expect(await settled(pending)).toBe(false);
    expect(keycloak.login).toHaveBeenCalledOnce();
  });

  it("given a token that cannot be refreshed before the call, then logs in without calling the API", async () => {
    const keycloak: FakeKeycloak = {
      token: "old",
      updateToken: vi.fn().mockRejectedValue(new Error("refresh failed")),
      login: vi.fn().mockResolvedValue(undefined),
    };
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);

    expect(await settled(request("/me/profile", { context: context(keycloak) }))).toBe(false);
    expect(keycloak.login).toHaveBeenCalledOnce();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("given a 401 again after a refresh, then fails with the server's error", async () => {
    const keycloak: FakeKeycloak = { token: "t", updateToken: vi.fn().mockResolvedValue(true), login: vi.fn() };
    vi.stubGlobal("fetch", vi.fn().mockImplementation(async () => json(401, { error: "invalid_token" })));

    const failure: unknown = await request("/me/profile", { context: context(keycloak) }).catch((error) => error);
    expect(failure).toBeInstanceOf(LatchkeyApiError);
    expect((failure as LatchkeyApiError).status).toBe(401);
    expect(keycloak.login).not.toHaveBeenCalled();
  });
});
