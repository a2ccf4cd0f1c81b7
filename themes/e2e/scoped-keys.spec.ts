import { expect, type Page } from "@playwright/test";

import { createRealm, introspect, removeClientRole, resourceServer, updateApiKeySettings, type TestUser } from "./admin";
import { alice as apiUser, openCreateDialog, screenshot, signIn, signInToNewRealm, test } from "./console";

// Scoped keys (README "Scoped keys"): the dialog offers the user's roles and organizations, the key validates with
// only the chosen roles, and refusals are shown at the roles. alice holds api-access (group /engineering/devs),
// inventory-api/reader (directly), the default roles, and is in the organization "wonderland" (createRealm).

const alice: TestUser = { ...apiUser, clientRoles: { [resourceServer.clientId]: ["reader"] } };
const reader = `${resourceServer.clientId}/reader`;

/** Picks a role in the dialog's search-select by typing part of it. */
async function chooseRole(page: Page, search: string, ref: string) {
  await page.getByTestId("latchkey-api-key-roles").fill(search);
  await page.getByTestId(`latchkey-api-key-role-option-${ref}`).click();
  await page.getByTestId("latchkey-api-key-roles").press("Escape");
  await expect(page.getByTestId(`latchkey-api-key-role-chip-${ref}`)).toBeVisible();
}

test("scoped key: one role and the organization chosen in the dialog; introspection answers only that role", async ({
  page,
  realm,
}) => {
  await signInToNewRealm(page, realm, alice, "#api-keys");
  await openCreateDialog(page, "inventory-sync");
  await expect(page.getByTestId("latchkey-api-key-scope-all")).toBeChecked();
  await page.getByTestId("latchkey-api-key-scope-roles").check();
  await expect(page.getByTestId("latchkey-create-api-key-submit")).toBeDisabled(); // no role yet

  // the options name the application and the description
  await page.getByTestId("latchkey-api-key-roles").fill("inventory");
  await expect(page.getByTestId(`latchkey-api-key-role-option-${reader}`)).toContainText("Reads the inventory");
  await expect(page.getByTestId(`latchkey-api-key-role-option-${reader}`)).toContainText(resourceServer.clientId);
  await expect(page.getByTestId("latchkey-api-key-role-option-api-access")).toHaveCount(0);
  await chooseRole(page, "reader", reader);
  await page.getByTestId("latchkey-api-key-organization").selectOption("wonderland");
  await screenshot(page, "api-key-scoped-dialog-en");

  const answer = page.waitForResponse(
    (response) => response.request().method() === "POST" && response.url().endsWith("/latchkey/me/api-keys"),
  );
  await page.getByTestId("latchkey-create-api-key-submit").click();
  const response = await answer;
  expect(response.request().postDataJSON()).toMatchObject({ roles: [reader], organization: "wonderland" });
  expect(response.status()).toBe(201);
  const shown = page.getByTestId("latchkey-new-api-key").locator("input");
  await expect(shown).toHaveValue(/^lk_/);
  const key = await shown.inputValue();
  const newKey = page.getByTestId("latchkey-new-api-key-modal");
  await expect(newKey.getByTestId(`latchkey-api-key-scope-role-${reader}`)).toBeVisible();
  await page.getByTestId("latchkey-new-api-key-done").click();

  const validation = await introspect(realm, key);
  expect(validation.active).toBe(true);
  expect(validation.realm_access?.roles ?? []).toEqual([]);
  expect(validation.resource_access).toEqual({ [resourceServer.clientId]: { roles: ["reader"] } });
  expect(validation.organizations).toEqual(["wonderland"]);

  const row = page.getByTestId("latchkey-api-key-inventory-sync");
  await expect(row.getByTestId(`latchkey-api-key-scope-role-${reader}`)).toBeVisible();
  await expect(row.getByTestId("latchkey-api-key-scope-organization")).toHaveText("wonderland");
  await expect(row.getByTestId("latchkey-api-key-scope-all-permissions")).toHaveCount(0);
  await screenshot(page, "api-key-scoped-list-en");

  // a key for all permissions says so in the list
  await openCreateDialog(page, "everything");
  await page.getByTestId("latchkey-create-api-key-submit").click();
  await page.getByTestId("latchkey-new-api-key-done").click();
  await expect(
    page.getByTestId("latchkey-api-key-everything").getByTestId("latchkey-api-key-scope-all-permissions"),
  ).toHaveText("All permissions");
});

test("scoped key: a role the user lost after the page loaded is refused at the roles, by name", async ({
  page,
  realm,
}) => {
  await signInToNewRealm(page, realm, alice, "#api-keys");
  await openCreateDialog(page, "stale");
  await page.getByTestId("latchkey-api-key-scope-roles").check();
  await chooseRole(page, "reader", reader);
  await removeClientRole(realm, alice.username, resourceServer.clientId, "reader");

  await page.getByTestId("latchkey-create-api-key-submit").click();
  await expect(page.getByTestId("latchkey-api-key-roles-error")).toContainText(reader);
  await expect(page.getByTestId("latchkey-create-api-key-error")).toHaveCount(0);
  await screenshot(page, "api-key-scoped-refused-en");

  // without it, the error goes; another role works
  await page.getByTestId("latchkey-api-key-roles-clear").click();
  await expect(page.getByTestId("latchkey-api-key-roles-error")).toHaveText("Choose at least one role.");
  await chooseRole(page, "api", "api-access");
  await page.getByTestId("latchkey-create-api-key-submit").click();
  await expect(page.getByTestId("latchkey-new-api-key")).toBeVisible();
});

test("scoped key: where the realm requires scoped keys, 'All my permissions' is off and explained", async ({
  page,
  realm,
}) => {
  await createRealm(realm, [alice]);
  await updateApiKeySettings(realm, { requireScopes: true });
  await signIn(page, realm, alice, "#api-keys");
  await page.getByTestId("latchkey-create-api-key").click();
  await expect(page.getByTestId("latchkey-api-key-scope-all")).toBeDisabled();
  await expect(page.getByTestId("latchkey-api-key-scope-roles")).toBeChecked();
  await expect(page.getByTestId("latchkey-create-api-key-modal")).toContainText(
    "Not available: your administrator requires every key to name its roles.",
  );
  await page.getByTestId("latchkey-api-key-name").fill("required");
  await expect(page.getByTestId("latchkey-create-api-key-submit")).toBeDisabled();
  await chooseRole(page, "reader", reader);
  await page.getByTestId("latchkey-create-api-key-submit").click();
  await expect(page.getByTestId("latchkey-new-api-key")).toBeVisible();
});
