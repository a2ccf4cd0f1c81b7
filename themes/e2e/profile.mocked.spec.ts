import { expect, test, type Page } from "@playwright/test";

import { FakeLatchkey } from "./fakeLatchkey";

const realm = process.env.KEYCLOAK_REALM ?? "master";
const username = process.env.KEYCLOAK_USER ?? "admin";
const password = process.env.KEYCLOAK_PASSWORD ?? "admin";

let fake: FakeLatchkey;

async function signIn(page: Page, hash = "") {
  await page.goto(`/realms/${realm}/account/${hash}`);
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(password);
  await page.locator("#kc-login").click();
}

async function openProfile(page: Page, hash = "") {
  await fake.install(page, realm);
  await signIn(page, hash);
  await expect(page.getByTestId("latchkey-profile")).toBeVisible();
}

test.beforeEach(() => {
  fake = new FakeLatchkey();
});

test.describe("navigation", () => {
  test("the console opens on Profile, first in the nav, and the stock pages still work", async ({ page }) => {
    await openProfile(page);
    await expect(page.getByTestId("page-heading")).toHaveText("Profile");
    await expect(page.locator("nav a").first()).toHaveText("Profile");
    await page.getByTestId("personal-info").click();
    await expect(page.getByTestId("page-heading")).toHaveText("Personal info");
    await page.getByTestId("accountSecurity").click();
    await page.getByTestId("account-security/signing-in").click();
    await expect(page.getByTestId("page-heading")).toHaveText("Signing in");
  });
});

test.describe("account", () => {
  test("shows who the user is, memberships and roles with inheritance, with the bearer token", async ({ page }) => {
    await openProfile(page);
    await expect(page.getByTestId("latchkey-full-name")).toHaveText("Alice Liddell");
    await expect(page.getByTestId("latchkey-email")).toContainText("Verified");
    await expect(page.getByTestId("latchkey-organizations")).toContainText("wonderland.example");
    await expect(page.getByTestId("latchkey-groups")).toContainText("/engineering/devs");
    const apiAccess = page.getByTestId("latchkey-role-api-access");
    await expect(apiAccess).toContainText("May create personal API keys");
    await expect(apiAccess).toContainText("Inherited");
    await expect(apiAccess).toContainText("/engineering/devs");
    await expect(page.getByTestId("latchkey-role-offline_access")).toContainText("Direct");
    expect(fake.calls.every((call) => call.authorized)).toBe(true);
  });

  test("time zone: searched by keyboard, saved, and used for every date", async ({ page }) => {
    await openProfile(page, "#api-keys");
    const created = page.getByTestId("latchkey-api-key-ci-pipeline");
    await expect(created).toBeVisible();
    const parisText = await created.innerText();

    await page.getByTestId("latchkey-tab-account").click();
    const zone = page.getByTestId("latchkey-timezone");
    await zone.fill("tokyo");
    await zone.press("ArrowDown");
    await zone.press("Enter");
    await expect(zone).toHaveValue("Asia/Tokyo (UTC+09:00)");
    await page.getByTestId("latchkey-save-preferences").click();
    await expect(page.getByText("Your language and time zone were saved.")).toBeVisible();
    expect(fake.callsTo("PUT", "/me/preferences").map((call) => call.body)).toEqual([{ timezone: "Asia/Tokyo" }]);

    await page.getByTestId("latchkey-tab-api-keys").click();
    await expect(created).not.toHaveText(parisText); // same instants, 8 hours later on the clock
  });

  test("language: switching saves it and the page speaks it", async ({ page }) => {
    await openProfile(page);
    await page.getByTestId("latchkey-language").selectOption("fr");
    await page.getByTestId("latchkey-save-preferences").click();
    await expect(page.getByTestId("latchkey-tab-security")).toHaveText("Sécurité");
    await expect(page.getByTestId("page-heading")).toHaveText("Profil");
    expect(fake.callsTo("PUT", "/me/preferences").map((call) => call.body)).toEqual([{ locale: "fr" }]);
  });

  test("a time zone the server refuses is explained at the field", async ({ page }) => {
    await openProfile(page);
    const zone = page.getByTestId("latchkey-timezone");
    await zone.fill("troll");
    await page.getByTestId("latchkey-timezone-option-Antarctica/Troll").click();
    await page.getByTestId("latchkey-save-preferences").click();
    await expect(page.getByTestId("latchkey-timezone-help")).toHaveText(
      "This time zone is not accepted. Choose a region, e.g. Europe/Paris.",
    );
  });

  test("settings the realm keeps read-only cannot be edited", async ({ page }) => {
    fake.profile.editable = { locale: false, timezone: false };
    await openProfile(page);
    await expect(page.getByTestId("latchkey-language")).toBeDisabled();
    await expect(page.getByTestId("latchkey-timezone")).toHaveValue("Europe/Paris");
    await expect(page.getByTestId("latchkey-timezone")).toHaveAttribute("readonly", "");
    await expect(page.getByTestId("latchkey-save-preferences")).toHaveCount(0);
  });

  test("a profile that cannot be loaded says so and can be retried", async ({ page }) => {
    await fake.install(page, realm);
    // registered last, so it answers first (once)
    await page.route(`**/realms/${realm}/latchkey/me/profile`, (route) => route.fulfill({ status: 503, body: "" }), {
      times: 1,
    });
    await signIn(page);
    await expect(page.getByTestId("latchkey-profile-error")).toBeVisible();
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByTestId("latchkey-full-name")).toHaveText("Alice Liddell");
  });
});

test.describe("security", () => {
  test("mismatch is shown before submitting; server errors sit next to their field; success", async ({ page }) => {
    await openProfile(page, "#security");
    const submit = page.getByTestId("latchkey-change-password");
    await expect(page.getByTestId("latchkey-password-hint-length")).toHaveText("Minimum length: 12 characters");

    await page.getByTestId("latchkey-current-password").fill("wrong");
    await page.getByTestId("latchkey-new-password").fill("short1");
    await page.getByTestId("latchkey-confirm-password").fill("short");
    await expect(page.getByTestId("latchkey-confirm-password-error")).toHaveText("The passwords do not match.");
    await expect(submit).toBeDisabled();
    expect(fake.callsTo("POST", "/me/password")).toHaveLength(0);

    await page.getByTestId("latchkey-confirm-password").fill("short1");
    await submit.click();
    await expect(page.getByTestId("latchkey-current-password-error")).toHaveText("The current password is not correct.");

    await page.getByTestId("latchkey-current-password").fill("right");
    await submit.click();
    await expect(page.getByTestId("latchkey-new-password-error")).toHaveText("The password must have at least 12 characters.");

    await page.getByTestId("latchkey-new-password").fill("a-much-longer-1");
    await page.getByTestId("latchkey-confirm-password").fill("a-much-longer-1");
    await page.getByTestId("latchkey-logout-other-sessions").uncheck();
    await submit.click();
    await expect(page.getByTestId("latchkey-password-success")).toBeVisible();
    await expect(page.getByTestId("latchkey-current-password")).toHaveValue("");
    expect(fake.callsTo("POST", "/me/password").at(-1)?.body).toEqual({
      currentPassword: "right",
      newPassword: "a-much-longer-1",
      confirmation: "a-much-longer-1",
      logoutOtherSessions: false,
    });
  });

  test("the show/hide toggle reveals a password", async ({ page }) => {
    await openProfile(page, "#security");
    const field = page.getByTestId("latchkey-new-password");
    await field.fill("visible-secret-1");
    await expect(field).toHaveAttribute("type", "password");
    await page.getByTestId("latchkey-new-password-toggle").click();
    await expect(field).toHaveAttribute("type", "text");
  });

  test("an externally managed password shows a notice naming the provider, not the form", async ({ page }) => {
    fake.profile.passwordChange = { allowed: false, reason: "federated", providerName: "Corporate LDAP" };
    await openProfile(page, "#security");
    await expect(page.getByTestId("latchkey-password-external")).toContainText("Corporate LDAP");
    await expect(page.getByTestId("latchkey-password-form")).toHaveCount(0);
  });
});

test.describe("security without a password", () => {
  test("a user without a password is sent to Signing in", async ({ page }) => {
    fake.profile.passwordChange = { allowed: false, reason: "no_password" };
    await openProfile(page, "#security");
    await page.getByTestId("latchkey-password-signing-in-link").click();
    await expect(page.getByTestId("page-heading")).toHaveText("Signing in");
  });
});

test.describe("API keys", () => {
  test("absent when the realm has them switched off", async ({ page }) => {
    fake.profile.apiKeys = { enabled: false, allowed: false };
    await openProfile(page, "#api-keys");
    await expect(page.getByTestId("latchkey-tab-api-keys")).toHaveCount(0);
    await expect(page.getByTestId("latchkey-account")).toBeVisible();
  });

  test("without the role: an explanation and no Create button", async ({ page }) => {
    fake.profile.apiKeys = { enabled: true, allowed: false };
    fake.info.allowed = false;
    await openProfile(page, "#api-keys");
    await expect(page.getByTestId("latchkey-api-keys-not-allowed")).toContainText("api-access");
    await expect(page.getByTestId("latchkey-create-api-key")).toHaveCount(0);
  });

  test("empty state offers to create the first key", async ({ page }) => {
    fake.keys = [];
    fake.info.activeCount = 0;
    await openProfile(page, "#api-keys");
    await expect(page.getByTestId("latchkey-api-keys-empty")).toBeVisible();
    await expect(page.getByTestId("latchkey-create-api-key")).toBeVisible();
  });

  test("lists keys with status and a warning for keys that expire within 7 days", async ({ page }) => {
    await openProfile(page, "#api-keys");
    const soon = page.getByTestId("latchkey-api-key-ci-pipeline");
    await expect(soon.getByTestId("latchkey-api-key-status")).toHaveText("Active");
    await expect(soon.getByTestId("latchkey-api-key-expires-soon")).toHaveText("Expires in 3 days");
    const old = page.getByTestId("latchkey-api-key-old-script");
    await expect(old.getByTestId("latchkey-api-key-status")).toHaveText("Expired");
    await expect(old.getByTestId("latchkey-api-key-expires-soon")).toHaveCount(0);
    await expect(old).toContainText("Never");
  });

  test("create: duplicate name shown at the name, then the key shown once with a warning", async ({ page }) => {
    await openProfile(page, "#api-keys");
    await page.getByTestId("latchkey-create-api-key").click();
    const expiration = page.getByTestId("latchkey-api-key-expiration");
    const maxDay = await expiration.inputValue();
    expect(maxDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await page.getByTestId("latchkey-api-key-name").fill("ci-pipeline");
    await page.getByTestId("latchkey-create-api-key-submit").click();
    await expect(page.getByTestId("latchkey-api-key-name-error")).toHaveText("You already have a key with this name.");

    await expiration.fill("2999-01-01");
    await expect(page.getByTestId("latchkey-create-api-key-submit")).toBeDisabled();
    await expiration.fill(maxDay);

    await page.getByTestId("latchkey-api-key-name").fill("deploy-bot");
    await page.getByTestId("latchkey-api-key-description").fill("Deploys from my laptop");
    await page.getByTestId("latchkey-create-api-key-submit").click();
    await expect(page.getByTestId("latchkey-new-api-key-warning")).toContainText("It will not be shown again.");
    await expect(page.getByTestId("latchkey-new-api-key").locator("input")).toHaveValue(fake.createdKey);
    expect(fake.callsTo("POST", "/me/api-keys").at(-1)?.body).toEqual({
      name: "deploy-bot",
      description: "Deploys from my laptop",
      expiresAt: maxDay,
    });

    await page.getByTestId("latchkey-new-api-key-done").click();
    await expect(page.getByTestId("latchkey-api-key-deploy-bot")).toBeVisible();
    await expect(page.getByText(fake.createdKey)).toHaveCount(0);
  });

  test("create: the limit is explained in the dialog", async ({ page }) => {
    fake.info.activeCount = fake.info.maxKeysPerUser;
    await openProfile(page, "#api-keys");
    await page.getByTestId("latchkey-create-api-key").click();
    await page.getByTestId("latchkey-api-key-name").fill("one-too-many");
    await page.getByTestId("latchkey-create-api-key-submit").click();
    await expect(page.getByTestId("latchkey-create-api-key-error")).toContainText("maximum number of active API keys");
  });

  test("keyboard only: open the tab, create a key, close the dialog", async ({ page }) => {
    await openProfile(page);
    await page.getByTestId("latchkey-tab-api-keys").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("latchkey-create-api-key").focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("latchkey-api-key-name")).toBeFocused();
    await page.keyboard.type("keyboard-key");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("latchkey-new-api-key-warning")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("latchkey-api-key-keyboard-key")).toBeVisible();
  });

  test("delete asks for confirmation", async ({ page }) => {
    await openProfile(page, "#api-keys");
    const row = page.getByTestId("latchkey-api-key-old-script");
    await row.getByTestId("latchkey-delete-api-key").click();
    await page.getByTestId("latchkey-delete-api-key-cancel").click();
    await expect(row).toBeVisible();
    expect(fake.calls.filter((call) => call.method === "DELETE")).toHaveLength(0);

    await row.getByTestId("latchkey-delete-api-key").click();
    await page.getByTestId("latchkey-delete-api-key-confirm").click();
    await expect(row).toHaveCount(0);
    expect(fake.calls.filter((call) => call.method === "DELETE").map((call) => call.path)).toEqual(["/me/api-keys/k2"]);
  });
});
