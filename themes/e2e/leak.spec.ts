import { expect } from "@playwright/test";

import { baseURL, introspect } from "./admin";
import { alice, openCreateDialog, screenshot, signInToNewRealm, submitCreateDialog, test } from "./console";

// A key reported as leaked (POST /api-keys/revoke, README "If a key leaks") dies at once; its owner's list keeps it,
// marked revoked with why, until the cleanup deletes it.

test("a reported key is listed as revoked, with the reason; the other key stays active", async ({ page, realm }) => {
  await signInToNewRealm(page, realm, alice, "#api-keys");
  await openCreateDialog(page, "leaked");
  const leaked = await submitCreateDialog(page);
  await openCreateDialog(page, "kept");
  await submitCreateDialog(page);

  const report = await fetch(`${baseURL}/realms/${realm}/latchkey/api-keys/revoke`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ keys: [leaked.key], source: "https://gist.example.com/abc" }),
  });
  expect(report.status).toBe(202);
  expect((await introspect(realm, leaked.key)).active).toBe(false);

  await page.reload();
  const row = page.getByTestId("latchkey-api-key-leaked");
  await expect(row.getByTestId("latchkey-api-key-status")).toHaveText("Revoked");
  await expect(row.getByTestId("latchkey-api-key-revoked-reason")).toContainText("Reported as leaked and revoked on");
  await expect(row.getByTestId("latchkey-rotate-api-key")).toHaveCount(0);
  await expect(page.getByTestId("latchkey-api-key-kept").getByTestId("latchkey-api-key-status")).toHaveText("Active");
  await screenshot(page, "api-key-revoked-list-en");
});
