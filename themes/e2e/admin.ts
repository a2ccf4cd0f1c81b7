import { request, type APIRequestContext, type Page } from "@playwright/test";

// Just enough of Keycloak's admin REST API to give each test a realm of its own and remove it afterwards.

export const baseURL = process.env.KEYCLOAK_URL ?? "http://localhost:8181";
/** The master realm's admin, for the REST calls here and for signing in to the admin console. */
export const masterAdmin = {
  username: process.env.KEYCLOAK_ADMIN ?? "admin",
  password: process.env.KEYCLOAK_ADMIN_PASSWORD ?? "admin",
};

export type TestUser = {
  username: string;
  password: string;
  groups?: string[];
  realmRoles?: string[];
  clientRoles?: Record<string, string[]>;
};

/** The confidential client each realm gets, for validating keys at the introspection endpoint. */
export const resourceServer = { clientId: "inventory-api", secret: "inventory-api-secret" };

export type RealmOptions = {
  /** realm attributes over the defaults below (API keys on, 90 days, 3 keys) */
  attributes?: Record<string, string>;
  /** `keycloak.v3` for the stock console; default `latchkey` */
  accountTheme?: string;
};

async function adminApi(): Promise<APIRequestContext> {
  const anonymous = await request.newContext({ baseURL });
  const response = await anonymous.post("/realms/master/protocol/openid-connect/token", {
    form: { client_id: "admin-cli", grant_type: "password", username: masterAdmin.username, password: masterAdmin.password },
  });
  if (!response.ok()) throw new Error(`admin login failed: ${response.status()}`);
  const { access_token: token } = await response.json();
  await anonymous.dispose();
  return request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
}

async function ok(what: string, response: { ok(): boolean; status(): number; text(): Promise<string> }) {
  if (!response.ok()) throw new Error(`${what} failed: ${response.status()} ${await response.text()}`);
}

/**
 * Moves the server's clock this many seconds ahead of real time (0: back to real time), through the test clock that
 * the integration tests install in the Keycloak they start (`dev.latchkey.it.testclock`): a test makes a sign-in
 * old without waiting for it to age.
 */
export async function setServerClockOffset(seconds: number) {
  const api = await request.newContext({ baseURL });
  await ok(`moving the server's clock by ${seconds} s`, await api.put(`/realms/master/latchkey-test-clock/offset/${seconds}`));
  await api.dispose();
}

const realmPath = (realm: string) => `/admin/realms/${encodeURIComponent(realm)}`;

/**
 * Creates a realm with the latchkey account theme, four languages, API keys on, role `api-access` through group
 * /engineering/devs, a client role `inventory-api/reader`, the organization "Wonderland" (every user a member), the
 * `timezone` user-profile attribute and the confidential client {@link resourceServer}.
 */
export async function createRealm(name: string, users: TestUser[], options: RealmOptions = {}) {
  const api = await adminApi();
  await ok(
    `creating realm ${name}`,
    await api.post("/admin/realms", {
      data: {
        realm: name,
        enabled: true,
        accountTheme: options.accountTheme ?? "latchkey",
        internationalizationEnabled: true,
        supportedLocales: ["en", "fr", "de", "es"],
        defaultLocale: "en",
        organizationsEnabled: true,
        passwordPolicy: "length(10) and digits(1) and notUsername",
        attributes: {
          "latchkey.apiKeys.enabled": "true",
          "latchkey.apiKeys.maxLifetimeDays": "90",
          "latchkey.apiKeys.maxKeysPerUser": "3",
          ...options.attributes,
        },
        clients: [
          {
            clientId: resourceServer.clientId,
            enabled: true,
            publicClient: false,
            secret: resourceServer.secret,
            standardFlowEnabled: false,
            directAccessGrantsEnabled: false,
            serviceAccountsEnabled: false,
          },
        ],
        roles: {
          realm: [{ name: "api-access", description: "May create personal API keys" }],
          client: { [resourceServer.clientId]: [{ name: "reader", description: "Reads the inventory" }] },
        },
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
          clientRoles: user.clientRoles ?? {},
        })),
      },
    }),
  );
  await declareTimezone(api, name);
  await addOrganization(api, name, users);
  await api.dispose();
}

/** The `timezone` user-profile attribute users may edit (README: Self-service), as the demo realm declares it. */
async function declareTimezone(api: APIRequestContext, realm: string) {
  const path = `${realmPath(realm)}/users/profile`;
  const config = await (await api.get(path)).json();
  config.attributes.push({
    name: "timezone",
    displayName: "Time zone",
    permissions: { view: ["admin", "user"], edit: ["admin", "user"] },
    multivalued: false,
  });
  await ok("declaring timezone", await api.put(path, { data: config }));
}

async function addOrganization(api: APIRequestContext, realm: string, users: TestUser[]) {
  const organizations = `${realmPath(realm)}/organizations`;
  await ok(
    "creating the organization",
    await api.post(organizations, {
      data: { name: "Wonderland", alias: "wonderland", enabled: true, domains: [{ name: "wonderland.example" }] },
    }),
  );
  const [organization] = await (await api.get(`${organizations}?search=Wonderland&exact=true`)).json();
  for (const user of users) {
    const [found] = await (await api.get(`${realmPath(realm)}/users?username=${user.username}&exact=true`)).json();
    await ok(
      `adding ${user.username} to the organization`,
      await api.post(`${organizations}/${organization.id}/members`, { data: JSON.stringify(found.id) , headers: { "Content-Type": "application/json" } }),
    );
  }
}

/**
 * Configures the test's LDAP server (env `LATCHKEY_LDAP_COMPONENT`: the user-storage component as JSON, from the
 * Java test that runs the directory) as the realm's READ_ONLY user federation, then imports its users.
 */
export async function addLdapFederation(realm: string, displayName: string) {
  const json = process.env.LATCHKEY_LDAP_COMPONENT;
  if (!json) throw new Error("LATCHKEY_LDAP_COMPONENT is not set: the LDAP test needs the directory of ProfilePageBrowserIT");
  const api = await adminApi();
  const { id: realmId } = await (await api.get(realmPath(realm))).json();
  const component = JSON.parse(json);
  component.parentId = realmId;
  component.name = displayName;
  component.config.editMode = ["READ_ONLY"];
  const created = await api.post(`${realmPath(realm)}/components`, { data: component });
  await ok("creating the LDAP federation", created);
  const componentId = created.headers()["location"].split("/").pop();
  const sync = await api.post(`${realmPath(realm)}/user-storage/${componentId}/sync?action=triggerFullSync`);
  await ok("syncing the LDAP users", sync);
  const result = await sync.json();
  if (!(result.added > 0)) throw new Error(`the LDAP sync imported nobody: ${JSON.stringify(result)}`);
  await api.dispose();
}

/** The part of an active introspection answer the specs look at (README, "Validation"). */
export type Introspection = {
  active: boolean;
  username?: string;
  /** The key's expiration in seconds: for a rotated key, the end of its grace period. */
  exp?: number;
  realm_access?: { roles: string[] };
  resource_access?: Record<string, { roles: string[] }>;
  organizations?: string[];
};

/** `POST /realms/{realm}/latchkey/api-keys/introspect` as {@link resourceServer}, HTTP Basic. */
export async function introspect(realm: string, key: string): Promise<Introspection> {
  const api = await request.newContext({ baseURL });
  const basic = Buffer.from(`${resourceServer.clientId}:${resourceServer.secret}`).toString("base64");
  const response = await api.post(`/realms/${encodeURIComponent(realm)}/latchkey/api-keys/introspect`, {
    form: { token: key },
    headers: { Authorization: `Basic ${basic}` },
  });
  await ok("introspection", response);
  const body = await response.json();
  await api.dispose();
  return body;
}

/** `GET /admin/realms/{realm}/latchkey/settings`: the realm's API-key settings in force. */
export async function getApiKeySettings(
  realm: string,
): Promise<{ enabled: boolean; maxLifetimeDays: number; role: string; maxKeysPerUser: number }> {
  const api = await adminApi();
  const response = await api.get(`${realmPath(realm)}/latchkey/settings`);
  await ok("reading the API-key settings", response);
  const settings = await response.json();
  await api.dispose();
  return settings;
}

/** `PUT /admin/realms/{realm}/latchkey/settings`: changes only the settings given. */
export async function updateApiKeySettings(realm: string, settings: Record<string, unknown>) {
  const api = await adminApi();
  await ok("changing the API-key settings", await api.put(`${realmPath(realm)}/latchkey/settings`, { data: settings }));
  await api.dispose();
}

/** Takes a client role from the user, as an admin would (`DELETE .../role-mappings/clients/{client}`). */
export async function removeClientRole(realm: string, username: string, clientId: string, role: string) {
  const api = await adminApi();
  const [user] = await (await api.get(`${realmPath(realm)}/users?username=${encodeURIComponent(username)}&exact=true`)).json();
  const [client] = await (await api.get(`${realmPath(realm)}/clients?clientId=${encodeURIComponent(clientId)}`)).json();
  const mapping = await (await api.get(`${realmPath(realm)}/clients/${client.id}/roles/${encodeURIComponent(role)}`)).json();
  await ok(
    `taking ${clientId}/${role} from ${username}`,
    await api.delete(`${realmPath(realm)}/users/${user.id}/role-mappings/clients/${client.id}`, { data: [mapping] }),
  );
  await api.dispose();
}

/** Ends every session of the user (`POST /admin/realms/{realm}/users/{id}/logout`), as an admin would. */
export async function logOutUser(realm: string, username: string) {
  const api = await adminApi();
  const [user] = await (await api.get(`${realmPath(realm)}/users?username=${encodeURIComponent(username)}&exact=true`)).json();
  await ok(`logging ${username} out`, await api.post(`${realmPath(realm)}/users/${user.id}/logout`));
  await api.dispose();
}

export async function deleteRealm(name: string) {
  const api = await adminApi();
  const response = await api.delete(realmPath(name));
  await api.dispose();
  if (!response.ok() && response.status() !== 404) throw new Error(`deleting realm ${name} failed: ${response.status()}`);
}

/**
 * Keycloak's login form. With organizations enabled the realm asks for the username first (identity-first login),
 * then for the password on a second page. Signing in again within a session (prompt=login) asks only for the
 * password: the form names the user instead of asking.
 */
export async function logIn(page: Page, user: { username: string; password: string }) {
  await page.locator("#username:visible, #password:visible").first().waitFor();
  if (await page.locator("#username").isVisible()) {
    await page.locator("#username").fill(user.username);
    if (!(await page.locator("#password").isVisible())) await page.locator("#kc-login").click();
  }
  await page.locator("#password").fill(user.password);
  await page.locator("#kc-login").click();
}
