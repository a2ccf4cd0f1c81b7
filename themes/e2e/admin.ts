import { request, type APIRequestContext } from "@playwright/test";

// Just enough of Keycloak's admin REST API to give each test a realm of its own and remove it afterwards.

const baseURL = process.env.KEYCLOAK_URL ?? "http://localhost:8181";
const adminUser = process.env.KEYCLOAK_ADMIN ?? "admin";
const adminPassword = process.env.KEYCLOAK_ADMIN_PASSWORD ?? "admin";

export type TestUser = { username: string; password: string; groups?: string[]; realmRoles?: string[] };

async function adminApi(): Promise<APIRequestContext> {
  const anonymous = await request.newContext({ baseURL });
  const response = await anonymous.post("/realms/master/protocol/openid-connect/token", {
    form: { client_id: "admin-cli", grant_type: "password", username: adminUser, password: adminPassword },
  });
  if (!response.ok()) throw new Error(`admin login failed: ${response.status()}`);
  const { access_token: token } = await response.json();
  await anonymous.dispose();
  return request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
}

/** Creates a realm with the latchkey account theme, API keys on, role `api-access` through group /engineering/devs. */
export async function createRealm(name: string, users: TestUser[], attributes: Record<string, string> = {}) {
  const api = await adminApi();
  const response = await api.post("/admin/realms", {
    data: {
      realm: name,
      enabled: true,
      accountTheme: "latchkey",
      internationalizationEnabled: true,
      supportedLocales: ["en", "fr", "de", "es"],
      defaultLocale: "en",
      passwordPolicy: "length(10) and digits(1) and notUsername",
      attributes: {
        "latchkey.apiKeys.enabled": "true",
        "latchkey.apiKeys.maxLifetimeDays": "90",
        "latchkey.apiKeys.maxKeysPerUser": "3",
        ...attributes,
      },
      roles: { realm: [{ name: "api-access", description: "May create personal API keys" }] },
      groups: [{ name: "engineering", subGroups: [{ name: "devs", realmRoles: ["api-access"] }] }],
      users: users.map((user) => ({
        username: user.username,
        enabled: true,
        email: `${user.username}@example.com`,
        emailVerified: true,
        firstName: user.username[0].toUpperCase() + user.username.slice(1),
        lastName: "Tester",
        credentials: [{ type: "password", value: user.password, temporary: false }],
        groups: user.groups ?? [],
        // an imported user gets only the roles listed; the default roles carry the account client's roles
        realmRoles: [`default-roles-${name}`, ...(user.realmRoles ?? [])],
      })),
    },
  });
  if (!response.ok()) throw new Error(`creating realm ${name} failed: ${response.status()} ${await response.text()}`);
  await declareTimezone(api, name);
  await api.dispose();
}

/** The `timezone` user-profile attribute users may edit (docs/CONTRACTS.md), as the demo realm declares it. */
async function declareTimezone(api: APIRequestContext, realm: string) {
  const path = `/admin/realms/${encodeURIComponent(realm)}/users/profile`;
  const config = await (await api.get(path)).json();
  config.attributes.push({
    name: "timezone",
    displayName: "Time zone",
    permissions: { view: ["admin", "user"], edit: ["admin", "user"] },
    multivalued: false,
  });
  const response = await api.put(path, { data: config });
  if (!response.ok()) throw new Error(`declaring timezone failed: ${response.status()} ${await response.text()}`);
}

export async function deleteRealm(name: string) {
  const api = await adminApi();
  await api.delete(`/admin/realms/${encodeURIComponent(name)}`);
  await api.dispose();
}
