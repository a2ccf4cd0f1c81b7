import type { Page, Route } from "@playwright/test";

// A stand-in for the Latchkey REST API (docs/CONTRACTS.md), installed with page.route, so that the UI can be
// tested against the contract alone. Tests change `profile`, `info` and `keys` before loading the page and read
// `calls` afterwards.

const DAY = 24 * 60 * 60 * 1000;
const iso = (time: number) => new Date(time).toISOString().replace(/\.\d+Z$/, "Z");

export type Call = { method: string; path: string; body?: Record<string, unknown>; authorized: boolean };

export function fakeProfile() {
  return {
    username: "alice",
    firstName: "Alice",
    lastName: "Liddell",
    email: "alice@example.com",
    emailVerified: true,
    locale: "en",
    supportedLocales: [
      { tag: "de", displayName: "Deutsch", localizedName: "German" },
      { tag: "en", displayName: "English", localizedName: "English" },
      { tag: "es", displayName: "Español", localizedName: "Spanish" },
      { tag: "fr", displayName: "Français", localizedName: "French" },
    ],
    timezone: "Europe/Paris" as string | null,
    organizations: [{ name: "Wonderland Inc", alias: "wonderland", domains: ["wonderland.example"] }],
    groups: [{ name: "devs", path: "/engineering/devs" }],
    realmRoles: [
      { name: "api-access", description: "May create personal API keys", direct: false, inheritedFrom: ["/engineering/devs"] },
      { name: "offline_access", description: "Offline access", direct: true, inheritedFrom: [] },
    ],
    clientRoles: [
      { clientId: "account", name: "manage-account", description: null, direct: false, inheritedFrom: ["default-roles-master"] },
    ],
    passwordChange: { allowed: true } as Record<string, unknown>,
    apiKeys: { enabled: true, allowed: true },
    passwordPolicy: [{ id: "length", value: "12" }, { id: "digits", value: "1" }, { id: "notUsername", value: null }],
    editable: { locale: true, timezone: true },
  };
}

export class FakeLatchkey {
  readonly now = Date.now();
  profile = fakeProfile();
  info = { enabled: true, allowed: true, maxLifetimeDays: 180, maxKeysPerUser: 3, roleName: "api-access", activeCount: 1 };
  keys: Record<string, unknown>[] = [
    {
      id: "k1", name: "ci-pipeline", description: "GitLab CI", hint: "lk_4fQ…",
      createdAt: iso(this.now - 40 * DAY), expiresAt: iso(this.now + 3 * DAY), lastUsedAt: iso(this.now - 3_600_000), status: "active",
    },
    {
      id: "k2", name: "old-script", description: null, hint: "lk_9Zp…",
      createdAt: iso(this.now - 200 * DAY), expiresAt: iso(this.now - 20 * DAY), lastUsedAt: null, status: "expired",
    },
  ];
  readonly calls: Call[] = [];
  readonly createdKey = "lk_Ab1c2D3e4F5g6H7i8J9k0LmNoPqRsTuVwXyZ";

  async install(page: Page, realm: string) {
    const prefix = `/realms/${realm}/latchkey`;
    await page.route(`**${prefix}/**`, (route) => this.answer(route, prefix));
  }

  callsTo(method: string, path: string) {
    return this.calls.filter((call) => call.method === method && call.path === path);
  }

  private answer(route: Route, prefix: string) {
    const request = route.request();
    const path = new URL(request.url()).pathname.slice(prefix.length);
    const body = request.postData() ? JSON.parse(request.postData()!) : undefined;
    this.calls.push({ method: request.method(), path, body, authorized: /^Bearer .+/.test(request.headers().authorization ?? "") });
    const json = (status: number, data: unknown) => route.fulfill({ status, contentType: "application/json", body: JSON.stringify(data) });
    const error = (status: number, code: string, params?: string[]) =>
      json(status, { error: code, error_description: `fake ${code}`, ...(params ? { params } : {}) });

    switch (`${request.method()} ${path}`) {
      case "GET /me/profile":
        return json(200, this.profile);
      case "PUT /me/preferences":
        if (body.timezone === "Antarctica/Troll") return error(400, "invalid_timezone", [body.timezone]);
        this.profile = { ...this.profile, ...body };
        return json(200, { locale: this.profile.locale, timezone: this.profile.timezone });
      case "POST /me/password":
        if (body.currentPassword === "wrong") return error(400, "invalid_current_password");
        if (body.newPassword.length < 12) return error(400, "invalidPasswordMinLengthMessage", ["12"]);
        if (body.currentPassword === "locked") return error(429, "too_many_attempts");
        return route.fulfill({ status: 204 });
      case "GET /me/api-keys/info":
        return json(200, this.info);
      case "GET /me/api-keys":
        return this.info.allowed ? json(200, this.keys) : error(403, "api_access_role_required");
      case "POST /me/api-keys": {
        if (this.keys.some((key) => key.name === body.name)) return error(409, "api_key_name_taken");
        if (this.info.activeCount >= this.info.maxKeysPerUser) return error(409, "api_key_limit_reached");
        const key = {
          id: `k${this.keys.length + 1}`, name: body.name, description: body.description ?? null, hint: "lk_Ab1…",
          createdAt: iso(this.now), expiresAt: `${body.expiresAt}T22:00:00Z`, lastUsedAt: null, status: "active",
        };
        this.keys.push(key);
        this.info.activeCount++;
        return json(201, { ...key, key: this.createdKey });
      }
    }
    if (request.method() === "DELETE" && path.startsWith("/me/api-keys/")) {
      const id = decodeURIComponent(path.split("/").pop()!);
      if (!this.keys.some((key) => key.id === id)) return error(404, "not_found");
      this.keys = this.keys.filter((key) => key.id !== id);
      return route.fulfill({ status: 204 });
    }
    return error(404, "not_found");
  }
}
