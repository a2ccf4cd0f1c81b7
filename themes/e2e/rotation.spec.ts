import { expect, type Page } from "@playwright/test";

import { createRealm, introspect, logIn, setServerClockOffset, updateApiKeySettings } from "./admin";
import { alice, openCreateDialog, screenshot, signIn, signInToNewRealm, submitCreateDialog, test } from "./console";
import { addDays, todayIn } from "./days";

test.afterEach(async () => {
  await setServerClockOffset(0); // the old-sign-in test moves the server's clock
});

// Rotating a key from the list (POST /me/api-keys/{id}/rotate, README "Key lifecycle"): a new key with the same name
// is shown once, the old one works for the grace chosen (its expiration becomes the end of it) and is listed as
// replaced, not rotatable again.

const HOUR = 3600;

/** Rotates the one rotatable row named `name` with the grace given; returns the server's answer and the key shown. */
async function rotate(page: Page, name: string, graceSeconds: number, screenshotName?: string) {
  await page.getByTestId(`latchkey-api-key-${name}`).getByTestId("latchkey-rotate-api-key").click();
  await expect(page.getByTestId("latchkey-rotate-api-key-modal")).toBeVisible();
  await page.getByTestId(`latchkey-rotate-grace-${graceSeconds}`).check();
  if (screenshotName) await screenshot(page, screenshotName);
  const answer = page.waitForResponse(
    (response) => response.request().method() === "POST" && response.url().endsWith("/rotate"),
  );
  await page.getByTestId("latchkey-rotate-api-key-submit").click();
  const response = await answer;
  expect(response.status()).toBe(201);
  const shown = page.getByTestId("latchkey-new-api-key").locator("input");
  await expect(shown).toHaveValue(/^lk_/);
  return { request: response.request().postDataJSON(), body: await response.json(), key: await shown.inputValue() };
}

test("rotation with an hour's grace: the new key shown once, the old one listed as replaced and valid until then", async ({
  page,
  realm,
}) => {
  await signInToNewRealm(page, realm, alice, "#api-keys");
  await openCreateDialog(page, "deploy");
  const old = await submitCreateDialog(page);

  const before = Date.now();
  const rotated = await rotate(page, "deploy", HOUR, "api-key-rotate-dialog-en");
  const after = Date.now();
  expect(rotated.request).toMatchObject({ graceSeconds: HOUR, timeZone: "America/New_York" });
  expect(rotated.body).toMatchObject({ name: "deploy", replaces: old.id });
  expect(rotated.body.id).not.toBe(old.id);
  expect(rotated.key).toBe(rotated.body.key);
  expect(rotated.key).not.toBe(old.key);
  await screenshot(page, "api-key-rotated-new-key-en");
  await page.getByTestId("latchkey-new-api-key-done").click();

  // both valid; the old one until an hour after the rotation
  const oldAnswer = await introspect(realm, old.key);
  expect(oldAnswer.active).toBe(true);
  expect(oldAnswer.exp! * 1000).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + HOUR * 1000);
  expect(oldAnswer.exp! * 1000).toBeLessThanOrEqual(after + HOUR * 1000);
  expect((await introspect(realm, rotated.key)).active).toBe(true);

  // the list: the new key rotatable, the old one replaced until the grace end, as the page formats it
  const rows = page.getByTestId("latchkey-api-key-deploy");
  await expect(rows).toHaveCount(2);
  const replaced = rows.filter({ has: page.getByTestId("latchkey-api-key-replaced") });
  const graceEnd = await page.evaluate(
    (instant) =>
      new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "America/New_York" }).format(
        new Date(instant),
      ),
    oldAnswer.exp! * 1000,
  );
  await expect(replaced.getByTestId("latchkey-api-key-replaced")).toHaveText(`Replaced, works until ${graceEnd}`);
  await expect(replaced.getByTestId("latchkey-api-key-status")).toHaveText("Replaced");
  await expect(replaced.getByTestId("latchkey-rotate-api-key")).toHaveCount(0);
  const current = rows.filter({ hasNot: page.getByTestId("latchkey-api-key-replaced") });
  await expect(current.getByTestId("latchkey-api-key-status")).toHaveText("Active");
  await expect(current.getByTestId("latchkey-rotate-api-key")).toBeVisible();
  await screenshot(page, "api-key-rotated-list-en");

  // as the server has it, after a reload too
  await page.reload();
  await expect(replaced.getByTestId("latchkey-api-key-replaced")).toHaveText(`Replaced, works until ${graceEnd}`);
  await expect(page.getByText(rotated.key)).toHaveCount(0);
});

test("rotation at once: the old key is refused from then on, the new one works; no grace past the realm's maximum offered", async ({
  page,
  realm,
}) => {
  await createRealm(realm, [alice]);
  await updateApiKeySettings(realm, { maxRotationGraceSeconds: 86400 });
  await signIn(page, realm, alice, "#api-keys");
  await openCreateDialog(page, "nightly");
  const old = await submitCreateDialog(page);

  // the 7 days of the default maximum are not offered under a maximum of one day (GET /me/api-keys/info)
  await page.getByTestId("latchkey-api-key-nightly").getByTestId("latchkey-rotate-api-key").click();
  await expect(page.getByTestId("latchkey-rotate-grace-86400")).toBeVisible();
  await expect(page.getByTestId("latchkey-rotate-grace-604800")).toHaveCount(0);
  await page.getByTestId("latchkey-rotate-api-key-cancel").click();

  const rotated = await rotate(page, "nightly", 0);
  expect(rotated.request).toMatchObject({ graceSeconds: 0 });
  await page.getByTestId("latchkey-new-api-key-done").click();

  expect((await introspect(realm, old.key)).active).toBe(false);
  expect((await introspect(realm, rotated.key)).active).toBe(true);
  const rows = page.getByTestId("latchkey-api-key-nightly");
  await expect(rows).toHaveCount(2);
  await expect(rows.getByTestId("latchkey-api-key-status")).toHaveText(["Active", "Expired"]);
  await expect(rows.getByTestId("latchkey-rotate-api-key")).toHaveCount(1);
});

test("rotation after an old sign-in: the login form, then the rotate dialog back with the grace and day chosen", async ({
  page,
  realm,
}) => {
  await signInToNewRealm(page, realm, alice, "#api-keys");
  await openCreateDialog(page, "backup");
  const old = await submitCreateDialog(page);
  // shortened only now, so that the create above was not refused on a slow machine
  const reauthenticationSeconds = 60;
  await updateApiKeySettings(realm, { reauthenticationSeconds });

  const day = addDays(todayIn("America/New_York"), 30);
  await page.getByTestId("latchkey-api-key-backup").getByTestId("latchkey-rotate-api-key").click();
  await page.getByTestId("latchkey-rotate-grace-86400").check();
  await page.getByTestId("latchkey-api-key-expiration").fill(day);
  await setServerClockOffset(reauthenticationSeconds + 5); // the sign-in is past the age now, without waiting
  await page.getByTestId("latchkey-rotate-api-key-submit").click();

  await expect(page.locator("#kc-login")).toBeVisible();
  await logIn(page, alice);
  await expect(page.getByTestId("latchkey-rotate-api-key-modal")).toBeVisible();
  await expect(page.getByTestId("latchkey-rotate-api-key-signed-in-again")).toBeVisible();
  await expect(page.getByTestId("latchkey-rotate-grace-86400")).toBeChecked();
  await expect(page.getByTestId("latchkey-api-key-expiration")).toHaveValue(day);

  const answer = page.waitForResponse(
    (response) => response.request().method() === "POST" && response.url().endsWith("/rotate"),
  );
  await page.getByTestId("latchkey-rotate-api-key-submit").click();
  const response = await answer;
  expect(response.status()).toBe(201);
  expect(response.request().postDataJSON()).toMatchObject({ graceSeconds: 86400, expiresAt: day });
  expect(await response.json()).toMatchObject({ name: "backup", replaces: old.id });
  await expect(page.getByTestId("latchkey-new-api-key").locator("input")).toHaveValue(/^lk_/);
});
