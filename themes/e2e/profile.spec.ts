import { expect, test, type Page } from "@playwright/test";

import { createRealm, deleteRealm } from "./admin";

// Against the real Latchkey endpoints: each test gets a realm of its own, deleted afterwards.

const alice = { username: "alice", password: "alice-pass-1", groups: ["/engineering/devs"] };
const bob = { username: "bob", password: "bob-pass-12" };
let realm: string;

test.beforeEach(async ({}, testInfo) => {
  realm = `latchkey-e2e-${testInfo.testId.slice(0, 8)}-${Date.now().toString(36)}`;
  await createRealm(realm, [alice, bob]);
});

test.afterEach(async () => {
  await deleteRealm(realm);
});

async function signIn(page: Page, user: { username: string; password: string }, hash = "") {
  await page.goto(`/realms/${realm}/account/${hash}`);
  await page.locator("#username").fill(user.username);
  await page.locator("#password").fill(user.password);
  await page.locator("#kc-login").click();
  await expect(page.getByTestId("latchkey-profile")).toBeVisible();
}

test("account: who I am, my group and the role it gives me", async ({ page }) => {
  await signIn(page, alice);
  await expect(page.getByTestId("latchkey-username")).toHaveText("alice");
  await expect(page.getByTestId("latchkey-groups")).toContainText("/engineering/devs");
  const role = page.getByTestId("latchkey-role-api-access");
  await expect(role).toContainText("Inherited");
  await expect(role).toContainText("/engineering/devs");
});

test("account: the time zone is saved and survives a reload", async ({ page }) => {
  await signIn(page, alice);
  const zone = page.getByTestId("latchkey-timezone");
  await zone.fill("kolkata");
  await zone.press("ArrowDown");
  await zone.press("Enter");
  await page.getByTestId("latchkey-save-preferences").click();
  await expect(page.getByText("Your language and time zone were saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("latchkey-timezone")).toHaveValue("Asia/Kolkata (UTC+05:30)");
});

test("security: wrong current password, policy, then a change that lets me sign in with the new one", async ({ page }) => {
  await signIn(page, alice, "#security");
  const submit = page.getByTestId("latchkey-change-password");
  await page.getByTestId("latchkey-current-password").fill("not-my-password");
  await page.getByTestId("latchkey-new-password").fill("new-pass-12");
  await page.getByTestId("latchkey-confirm-password").fill("new-pass-12");
  await submit.click();
  await expect(page.getByTestId("latchkey-current-password-error")).toHaveText("The current password is not correct.");

  await page.getByTestId("latchkey-current-password").fill(alice.password);
  await page.getByTestId("latchkey-new-password").fill("short1");
  await page.getByTestId("latchkey-confirm-password").fill("short1");
  await submit.click();
  await expect(page.getByTestId("latchkey-new-password-error")).toHaveText("The password must have at least 10 characters.");

  await page.getByTestId("latchkey-new-password").fill("new-pass-12");
  await page.getByTestId("latchkey-confirm-password").fill("new-pass-12");
  await submit.click();
  await expect(page.getByTestId("latchkey-password-success")).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, { username: "alice", password: "new-pass-12" });
});

test("API keys: create, shown once, listed, deleted", async ({ page }) => {
  await signIn(page, alice, "#api-keys");
  await expect(page.getByTestId("latchkey-api-keys-empty")).toBeVisible();
  await page.getByTestId("latchkey-create-api-key").click();
  await page.getByTestId("latchkey-api-key-name").fill("ci");
  await page.getByTestId("latchkey-api-key-description").fill("pipeline");
  await page.getByTestId("latchkey-create-api-key-submit").click();
  const key = page.getByTestId("latchkey-new-api-key").locator("input");
  await expect(key).toHaveValue(/^lk_/);
  await page.getByTestId("latchkey-new-api-key-done").click();

  const row = page.getByTestId("latchkey-api-key-ci");
  await expect(row.getByTestId("latchkey-api-key-status")).toHaveText("Active");
  await expect(row).toContainText("Never");

  await page.getByTestId("latchkey-create-api-key").click();
  await page.getByTestId("latchkey-api-key-name").fill("ci");
  await page.getByTestId("latchkey-create-api-key-submit").click();
  await expect(page.getByTestId("latchkey-api-key-name-error")).toHaveText("You already have a key with this name.");
  await page.getByTestId("latchkey-create-api-key-cancel").click();

  await row.getByTestId("latchkey-delete-api-key").click();
  await page.getByTestId("latchkey-delete-api-key-confirm").click();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId("latchkey-api-keys-empty")).toBeVisible();
});

test("API keys: without the role, an explanation and no Create button", async ({ page }) => {
  await signIn(page, bob, "#api-keys");
  await expect(page.getByTestId("latchkey-api-keys-not-allowed")).toContainText("api-access");
  await expect(page.getByTestId("latchkey-create-api-key")).toHaveCount(0);
});

test("API keys: no tab when the realm has them switched off", async ({ page }) => {
  await deleteRealm(realm);
  await createRealm(realm, [alice], { "latchkey.apiKeys.enabled": "false" });
  await signIn(page, alice);
  await expect(page.getByTestId("latchkey-tab-security")).toBeVisible();
  await expect(page.getByTestId("latchkey-tab-api-keys")).toHaveCount(0);
});
