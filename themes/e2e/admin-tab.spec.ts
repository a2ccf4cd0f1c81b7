import { expect } from "@playwright/test";

import { createRealm, getApiKeySettings, introspect, logIn, masterAdmin } from "./admin";
import { alice, openCreateDialog, screenshot, signIn, test } from "./console";

// The admin console's Realm settings > API keys tab (server feature declarative-ui) for a realm whose JSON switched
// API keys on through realm attributes: changing only the maximum lifetime there must leave keys switched on.

test("admin tab: a realm imported with keys on; saving only a new maximum lifetime keeps keys on and working", async ({
  page,
  browser,
  realm,
}) => {
  // attributes latchkey.apiKeys.enabled=true, maxLifetimeDays=90 in the realm JSON (see createRealm)
  await createRealm(realm, [alice]);
  expect(await getApiKeySettings(realm)).toMatchObject({ enabled: true, maxLifetimeDays: 90 });

  await signIn(page, realm, alice, "#api-keys");
  await openCreateDialog(page, "service");
  await page.getByTestId("latchkey-create-api-key-submit").click();
  const key = await page.getByTestId("latchkey-new-api-key").locator("input").inputValue();
  expect((await introspect(realm, key)).active).toBe(true);

  const admin = await (await browser.newContext()).newPage();
  await admin.goto(`/admin/master/console/#/${realm}/realm-settings/api-keys`);
  await logIn(admin, masterAdmin);
  const tab = admin.getByRole("tabpanel", { name: "API keys" });
  await expect(tab.getByRole("checkbox", { name: "API keys enabled" })).toBeChecked();
  const lifetime = tab.getByRole("textbox", { name: "Maximum lifetime (days)" });
  await expect(lifetime).toHaveValue("90");

  await lifetime.fill("120");
  const saved = admin.waitForResponse(
    (response) => response.url().includes(`/admin/realms/${realm}/components`) && response.request().method() !== "GET",
  );
  await tab.getByRole("button", { name: "Save" }).click();
  expect((await saved).ok()).toBe(true);

  expect(await getApiKeySettings(realm)).toMatchObject({ enabled: true, maxLifetimeDays: 120 });
  expect((await introspect(realm, key)).active).toBe(true);

  // and the tab shows what is in force after a fresh load
  await admin.reload();
  await expect(tab.getByRole("textbox", { name: "Maximum lifetime (days)" })).toHaveValue("120");
  await expect(tab.getByRole("checkbox", { name: "API keys enabled" })).toBeChecked();
  await screenshot(admin, "admin-realm-settings-api-keys");
  await admin.context().close();
});
