import { expect } from "@playwright/test";

import { logIn, logOutUser } from "./admin";
import { alice, screenshotAsShown, signInToNewRealm, test } from "./console";

// A session ended on the server (here by an admin; the SSO idle limit does the same) leaves the page with a token
// that can no longer be refreshed: the next call must send the user to sign in again, not show an error.

test("session end: after an admin ends the user's sessions, the next action shows the login form, then the page", async ({
  page,
  realm,
}) => {
  await signInToNewRealm(page, realm, alice);
  await expect(page.getByTestId("latchkey-username")).toHaveText("alice");

  await logOutUser(realm, alice.username);
  // the API keys tab loads its data when opened
  await page.getByTestId("latchkey-tab-api-keys").click();
  await expect(page.locator("#kc-login")).toBeVisible();
  await expect(page.getByTestId("latchkey-api-keys-error")).toHaveCount(0);
  await screenshotAsShown(page, "session-ended-login-en");

  // signing in again leads back to the console, with the data the page could not load before
  await logIn(page, alice);
  await expect(page.getByTestId("latchkey-profile")).toBeVisible();
  await page.getByTestId("latchkey-tab-api-keys").click();
  await expect(page.getByTestId("latchkey-api-keys-empty")).toBeVisible();
});
