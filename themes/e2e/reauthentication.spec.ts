import { expect } from "@playwright/test";

import { createRealm, introspect, logIn, setServerClockOffset, updateApiKeySettings } from "./admin";
import { alice, openCreateDialog, screenshot, screenshotAsShown, signIn, test } from "./console";
import { addDays, todayIn } from "./days";

// Creating a key needs a recent sign-in (the realm's re-authentication age, README "Security"). Past it the server
// answers 403 reauthentication_required; the page signs the user in again and brings back the dialog as they left
// it (name, description, day, roles, organization), and they press Create again. The sign-in is made old by moving
// the server's clock past the age (the test clock), not by waiting; the age is long enough for a loaded machine to
// load the console and press Create within it after the new sign-in.

const REAUTHENTICATION_SECONDS = 60;

test.afterEach(async () => {
  await setServerClockOffset(0);
});

const drafts = (page: import("@playwright/test").Page) =>
  page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith("latchkey.apiKeyDraft.")));

test("re-authentication: an old sign-in leads to the login form and back to the dialog with what was typed; the key is then created", async ({
  page,
  realm,
}) => {
  await createRealm(realm, [alice]);
  await updateApiKeySettings(realm, { reauthenticationSeconds: REAUTHENTICATION_SECONDS });
  await signIn(page, realm, alice, "#api-keys");
  await expect(page.getByTestId("latchkey-api-keys-empty")).toBeVisible();

  const day = addDays(todayIn("America/New_York"), 30); // the browser's zone (playwright.config.ts)
  await openCreateDialog(page, "deploy");
  await page.getByTestId("latchkey-api-key-description").fill("nightly deploy");
  await page.getByTestId("latchkey-api-key-expiration").fill(day);
  await page.getByTestId("latchkey-api-key-scope-roles").check();
  await page.getByTestId("latchkey-api-key-roles").fill("api");
  await page.getByTestId("latchkey-api-key-role-option-api-access").click();
  await page.getByTestId("latchkey-api-key-organization").selectOption("wonderland");
  // the sign-in is now past the age, with seconds to spare for the server's whole-second clock
  await setServerClockOffset(REAUTHENTICATION_SECONDS + 5);

  // the page leaves at once, before the browser would let the test read the answer: read it on its way through
  let refusal: { status: number; body: unknown } | undefined;
  await page.route("**/latchkey/me/api-keys", async (route) => {
    if (route.request().method() !== "POST") return route.fallback();
    const response = await route.fetch();
    refusal = { status: response.status(), body: await response.json() };
    await route.fulfill({ response });
  });
  await page.getByTestId("latchkey-create-api-key-submit").click();

  // Keycloak's own login form, although the SSO session is still there; it asks for the password again
  await expect(page.locator("#kc-login")).toBeVisible();
  await expect(page.locator("#password")).toBeVisible();
  await page.unroute("**/latchkey/me/api-keys");
  expect(refusal).toEqual({
    status: 403,
    body: expect.objectContaining({ error: "reauthentication_required", params: [String(REAUTHENTICATION_SECONDS)] }),
  });
  expect(new URL(page.url()).pathname).toMatch(/\/realms\/[^/]+\/(protocol\/openid-connect\/auth|login-actions\/)/);
  await screenshotAsShown(page, "api-key-reauthentication-login-en");
  await logIn(page, alice);

  const dialog = page.getByTestId("latchkey-create-api-key-modal");
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId("latchkey-create-api-key-signed-in-again")).toBeVisible();
  await expect(page.getByTestId("latchkey-api-key-name")).toHaveValue("deploy");
  await expect(page.getByTestId("latchkey-api-key-description")).toHaveValue("nightly deploy");
  await expect(page.getByTestId("latchkey-api-key-expiration")).toHaveValue(day);
  await expect(page.getByTestId("latchkey-api-key-scope-roles")).toBeChecked();
  await expect(page.getByTestId("latchkey-api-key-role-chip-api-access")).toBeVisible();
  await expect(page.getByTestId("latchkey-api-key-organization")).toHaveValue("wonderland");
  expect(await drafts(page)).toEqual([]); // used once, then gone
  await screenshot(page, "api-key-reauthentication-dialog-en");

  const created = page.waitForResponse(
    (response) => response.request().method() === "POST" && response.url().endsWith("/latchkey/me/api-keys"),
  );
  await page.getByTestId("latchkey-create-api-key-submit").click();
  const answer = await created;
  expect(answer.status()).toBe(201);
  expect(answer.request().postDataJSON()).toMatchObject({
    name: "deploy",
    description: "nightly deploy",
    expiresAt: day,
    roles: ["api-access"],
    organization: "wonderland",
  });
  const shown = page.getByTestId("latchkey-new-api-key").locator("input");
  await expect(shown).toHaveValue(/^lk_/);
  const key = await shown.inputValue();
  await page.getByTestId("latchkey-new-api-key-done").click();
  await expect(page.getByTestId("latchkey-new-api-key-modal")).toHaveCount(0);
  await expect(page.getByTestId("latchkey-api-key-deploy")).toContainText("nightly deploy");
  expect(await drafts(page)).toEqual([]);
  expect((await introspect(realm, key)).active).toBe(true);

  // shown once: a reload lists the key without it
  await page.reload();
  await expect(page.getByTestId("latchkey-api-key-deploy")).toBeVisible();
  await expect(page.getByTestId("latchkey-create-api-key-modal")).toHaveCount(0);
  await expect(page.getByText(key)).toHaveCount(0);
});
