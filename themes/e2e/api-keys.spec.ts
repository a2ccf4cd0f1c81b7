import { expect } from "@playwright/test";

import { introspect } from "./admin";
import { alice, openCreateDialog, screenshot, signInToNewRealm, submitCreateDialog, test } from "./console";
import { addDays, longDay, startOfDay, todayIn } from "./days";

// The create dialog against the server's own limits (GET /me/api-keys/info) and the day a key is valid through,
// for a user who has no time zone of their own: the page uses the browser's zone for showing and for reading the
// picked day, and the server must agree. The realms of createRealm allow keys for at most 90 days.

const MAX_LIFETIME_DAYS = 90;

test("name limit: the dialog takes the server's 64 characters and refuses 65, naming the limit", async ({
  page,
  realm,
}) => {
  await signInToNewRealm(page, realm, alice, "#api-keys");
  const name = page.getByTestId("latchkey-api-key-name");
  const submit = page.getByTestId("latchkey-create-api-key-submit");

  await openCreateDialog(page, "n".repeat(65));
  await expect(page.getByTestId("latchkey-api-key-name-error")).toHaveText(
    "The name can have at most 64 characters.",
  );
  await expect(name).toHaveValue("n".repeat(65)); // shown, not cut off
  await expect(submit).toBeDisabled();
  await page.getByTestId("latchkey-api-key-description").fill("d".repeat(256));
  await expect(page.getByTestId("latchkey-api-key-description-error")).toHaveText(
    "The description can have at most 255 characters.",
  );
  await screenshot(page, "api-key-name-too-long-en");

  await name.fill("n".repeat(64));
  await page.getByTestId("latchkey-api-key-description").fill("d".repeat(255));
  await expect(page.getByTestId("latchkey-api-key-name-error")).toHaveCount(0);
  await expect(page.getByTestId("latchkey-api-key-description-error")).toHaveCount(0);
  const created = await submitCreateDialog(page); // the server takes what the dialog lets through
  expect((await introspect(realm, created.key)).active).toBe(true);
  await expect(page.getByTestId(`latchkey-api-key-${"n".repeat(64)}`)).toBeVisible();
});

for (const zone of ["Pacific/Auckland", "America/Los_Angeles"]) {
  test.describe(`browser in ${zone}`, () => {
    test.use({ timezoneId: zone });

    test(`expiration (${zone}): the picked day, to its end in the browser's zone; the latest offered day is taken`, async ({
      page,
      realm,
    }) => {
      await signInToNewRealm(page, realm, alice, "#api-keys");
      const today = todayIn(zone);
      const expiration = page.getByTestId("latchkey-api-key-expiration");

      // a day typed in: valid through its end here, i.e. until the first instant of the next day here
      const picked = addDays(today, 10);
      await openCreateDialog(page, "picked");
      await expiration.fill(picked);
      await expect(page.getByTestId("latchkey-api-key-expiration-help")).toContainText(longDay(picked));
      const first = await submitCreateDialog(page);
      expect(new Date(first.expiresAt).toISOString()).toBe(startOfDay(addDays(picked, 1), zone).toISOString());
      await expect(page.getByTestId("latchkey-api-key-picked").getByTestId("latchkey-api-key-expires")).toHaveText(
        `${longDay(picked)}, end of day`,
      );

      // the latest day the calendar offers: from a month beyond the limit, back to the first month with a day offered
      const latest = addDays(today, MAX_LIFETIME_DAYS);
      await openCreateDialog(page, "latest");
      await expiration.fill(addDays(today, MAX_LIFETIME_DAYS + 70));
      await page.getByRole("button", { name: "Choose a date" }).click();
      const calendar = page.locator(".pf-v5-c-calendar-month");
      const offered = calendar.locator("button.pf-v5-c-calendar-month__date:not([disabled])");
      for (let months = 0; months < 4 && (await offered.count()) === 0; months++) {
        await calendar.getByRole("button", { name: "Previous month" }).click();
      }
      await offered.last().click();
      await expect(expiration).toHaveValue(latest);
      await expect(page.getByTestId("latchkey-api-key-expiration-help")).toContainText(longDay(latest));
      await screenshot(page, `api-key-latest-day-${zone.replace("/", "-")}`);
      const second = await submitCreateDialog(page);
      expect(new Date(second.expiresAt).toISOString()).toBe(startOfDay(addDays(latest, 1), zone).toISOString());
      await expect(page.getByTestId("latchkey-api-key-latest").getByTestId("latchkey-api-key-expires")).toHaveText(
        `${longDay(latest)}, end of day`,
      );
      expect((await introspect(realm, second.key)).active).toBe(true);
    });
  });
}
