import { expect } from "@playwright/test";

import { addLdapFederation, createRealm, introspect, type TestUser } from "./admin";
import { alice as apiUser, openCreateDialog, openTab, screenshot, signIn, signInToNewRealm, test } from "./console";

// Against the real server and the real Latchkey endpoints (nothing is mocked): each test gets a realm of its own,
// deleted afterwards.

const alice: TestUser = { ...apiUser, clientRoles: { "inventory-api": ["reader"] } };
const bob: TestUser = { username: "bob", password: "bob-pass-12" };

test("account: the console opens on Profile with the user's name, email, organization, groups and roles", async ({
  page,
  realm,
}) => {
  await signInToNewRealm(page, realm, alice);
  await expect(page.getByTestId("page-heading")).toHaveText("Profile");
  await expect(page.locator(".pf-v5-c-page")).toHaveCSS("display", "grid"); // the stylesheets came with the page
  await expect(page.locator("nav a").first()).toHaveText("Profile");
  await expect(page.getByTestId("latchkey-username")).toHaveText("alice");
  await expect(page.getByTestId("latchkey-full-name")).toHaveText("Alice Tester");
  await expect(page.getByTestId("latchkey-email")).toContainText("alice@example.com");
  await expect(page.getByTestId("latchkey-email")).toContainText("Verified");
  await expect(page.getByTestId("latchkey-language")).toHaveValue("en"); // Keycloak keeps the login page's language
  await expect(page.getByTestId("latchkey-timezone")).toHaveValue("");
  await expect(page.getByTestId("latchkey-organizations")).toContainText("Wonderland");
  await expect(page.getByTestId("latchkey-organizations")).toContainText("wonderland.example");
  await expect(page.getByTestId("latchkey-groups")).toContainText("/engineering/devs");

  const apiAccess = page.getByTestId("latchkey-role-api-access");
  await expect(apiAccess).toContainText("May create personal API keys");
  await expect(apiAccess.getByTestId("latchkey-role-inherited")).toHaveText("Inherited");
  await expect(apiAccess).toContainText("/engineering/devs");
  const reader = page.getByTestId("latchkey-role-inventory-api-reader");
  await expect(reader).toContainText("Reads the inventory");
  await expect(reader).toContainText("Direct");
  const offline = page.getByTestId("latchkey-role-offline_access");
  await expect(offline.getByTestId("latchkey-role-inherited")).toBeVisible();
  await expect(offline).toContainText(`default-roles-${realm}`);

  // the stock pages stay reachable
  await page.getByTestId("personal-info").click();
  await expect(page.getByTestId("page-heading")).toHaveText("Personal info");
});

test("language: French is saved and the page speaks it; screenshots of every section in English and French", async ({
  page,
  realm,
}) => {
  await signInToNewRealm(page, realm, alice);
  await expect(page.getByTestId("latchkey-role-api-access")).toBeVisible();
  await screenshot(page, "profile-account-en");
  await openTab(page, "security");
  await screenshot(page, "profile-security-en");
  await openTab(page, "api-keys");
  await expect(page.getByTestId("latchkey-api-keys-empty")).toBeVisible();
  await screenshot(page, "profile-api-keys-en");

  await openTab(page, "account");
  await page.getByTestId("latchkey-language").selectOption("fr");
  await page.getByTestId("latchkey-save-preferences").click();
  await expect(page.getByTestId("page-heading")).toHaveText("Profil");
  await expect(page.getByTestId("latchkey-tab-security")).toHaveText("Sécurité");

  // a new visit comes up in French too: the choice is stored, not just applied
  await page.reload();
  await expect(page.getByTestId("page-heading")).toHaveText("Profil");
  await expect(page.getByTestId("latchkey-language")).toHaveValue("fr");
  await expect(page.getByTestId("latchkey-role-api-access")).toBeVisible();
  await screenshot(page, "profile-account-fr");
  await openTab(page, "security");
  await expect(page.getByTestId("latchkey-change-password")).toBeVisible();
  await screenshot(page, "profile-security-fr");
  await openTab(page, "api-keys");
  await expect(page.getByTestId("latchkey-api-keys-empty")).toBeVisible();
  await screenshot(page, "profile-api-keys-fr");
});

test("time zone: saved, survives a reload, and the dates on the page move with it", async ({ page, realm }) => {
  await signInToNewRealm(page, realm, alice, "#api-keys");
  await openCreateDialog(page, "ci");
  await page.getByTestId("latchkey-create-api-key-submit").click();
  await page.getByTestId("latchkey-new-api-key-done").click();
  const row = page.getByTestId("latchkey-api-key-ci");
  await expect(row).toBeVisible();
  const inNewYork = await row.innerText(); // the browser's zone while the profile has none

  await openTab(page, "account");
  const zone = page.getByTestId("latchkey-timezone");
  await zone.fill("kolkata");
  await zone.press("ArrowDown");
  await zone.press("Enter");
  await page.getByTestId("latchkey-save-preferences").click();
  await expect(page.getByText("Your language and time zone were saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("latchkey-timezone")).toHaveValue("Asia/Kolkata (UTC+05:30)");

  await openTab(page, "api-keys");
  await expect(row).toBeVisible();
  await expect(row).not.toHaveText(inNewYork); // same instants, 9.5 or 10.5 hours later on the clock
});

test("security: wrong current password shown at the field, policy error, then a change that signs in", async ({
  page,
  realm,
}) => {
  await signInToNewRealm(page, realm, alice, "#security");
  const submit = page.getByTestId("latchkey-change-password");
  await expect(page.getByTestId("latchkey-password-hint-length")).toBeVisible();
  await page.getByTestId("latchkey-current-password").fill("not-my-password");
  await page.getByTestId("latchkey-new-password").fill("new-pass-12");
  await page.getByTestId("latchkey-confirm-password").fill("new-pass-1");
  await expect(page.getByTestId("latchkey-confirm-password-error")).toHaveText("The passwords do not match.");
  await expect(submit).toBeDisabled();
  await page.getByTestId("latchkey-confirm-password").fill("new-pass-12");
  await submit.click();
  await expect(page.getByTestId("latchkey-current-password-error")).toHaveText("The current password is not correct.");

  await page.getByTestId("latchkey-current-password").fill(alice.password);
  await page.getByTestId("latchkey-new-password").fill("short1");
  await page.getByTestId("latchkey-confirm-password").fill("short1");
  await submit.click();
  await expect(page.getByTestId("latchkey-new-password-error")).toHaveText(
    "The password must have at least 10 characters.",
  );

  await page.getByTestId("latchkey-new-password").fill("new-pass-12");
  await page.getByTestId("latchkey-confirm-password").fill("new-pass-12");
  await submit.click();
  await expect(page.getByTestId("latchkey-password-success")).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, realm, { username: "alice", password: "new-pass-12" });
});

test("API keys: created, read from the dialog, valid at the introspection endpoint, deleted, then refused", async ({
  page,
  realm,
}) => {
  await signInToNewRealm(page, realm, alice, "#api-keys");
  await expect(page.getByTestId("latchkey-api-keys-empty")).toBeVisible();
  await openCreateDialog(page, "ci");
  await page.getByTestId("latchkey-api-key-description").fill("pipeline");
  await page.getByTestId("latchkey-create-api-key-submit").click();
  await expect(page.getByTestId("latchkey-new-api-key-warning")).toBeVisible();
  const shown = page.getByTestId("latchkey-new-api-key").locator("input");
  await expect(shown).toHaveValue(/^lk_/);
  const key = await shown.inputValue();
  await screenshot(page, "profile-api-key-created-en");
  await page.getByTestId("latchkey-new-api-key-done").click();

  const validation = await introspect(realm, key);
  expect(validation.active).toBe(true);
  expect(validation.username).toBe("alice");

  const row = page.getByTestId("latchkey-api-key-ci");
  await expect(row.getByTestId("latchkey-api-key-status")).toHaveText("Active");
  await expect(row).toContainText("pipeline");

  await openCreateDialog(page, "ci");
  await page.getByTestId("latchkey-create-api-key-submit").click();
  await expect(page.getByTestId("latchkey-api-key-name-error")).toHaveText("You already have a key with this name.");
  await page.getByTestId("latchkey-create-api-key-cancel").click();

  await row.getByTestId("latchkey-delete-api-key").click();
  await page.getByTestId("latchkey-delete-api-key-confirm").click();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId("latchkey-api-keys-empty")).toBeVisible();

  expect((await introspect(realm, key)).active).toBe(false);
});

test("API keys: a user without the role gets an explanation and no Create button", async ({ page, realm }) => {
  await signInToNewRealm(page, realm, bob, "#api-keys");
  await expect(page.getByTestId("latchkey-api-keys-not-allowed")).toContainText("api-access");
  await expect(page.getByTestId("latchkey-create-api-key")).toHaveCount(0);
});

test("API keys: no section when the realm has them switched off", async ({ page, realm }) => {
  await createRealm(realm, [alice], { attributes: { "latchkey.apiKeys.enabled": "false" } });
  await signIn(page, realm, alice, "#api-keys");
  await expect(page.getByTestId("latchkey-account")).toBeVisible();
  await expect(page.getByTestId("latchkey-tab-security")).toBeVisible();
  await expect(page.getByTestId("latchkey-tab-api-keys")).toHaveCount(0);
  await expect(page.getByTestId("latchkey-api-keys")).toHaveCount(0);
});

test("security: a READ_ONLY LDAP user sees a notice naming the directory instead of the password form", async ({
  page,
  realm,
}) => {
  const ldapUser = {
    username: process.env.LATCHKEY_LDAP_USER ?? "",
    password: process.env.LATCHKEY_LDAP_PASSWORD ?? "",
  };
  expect(ldapUser.username, "LATCHKEY_LDAP_USER (set by ProfilePageBrowserIT)").not.toBe("");
  await createRealm(realm, []);
  await addLdapFederation(realm, "Corporate LDAP");
  await signIn(page, realm, ldapUser, "#security");
  await expect(page.getByTestId("latchkey-password-external")).toContainText("Corporate LDAP");
  await expect(page.getByTestId("latchkey-password-form")).toHaveCount(0);
  await screenshot(page, "profile-security-ldap-en");
});
