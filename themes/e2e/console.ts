import { mkdirSync } from "node:fs";
import path from "node:path";

import { expect, test as base, type Locator, type Page } from "@playwright/test";

import { createRealm, deleteRealm, logIn, type TestUser } from "./admin";
import { outputDir } from "./paths";

// The account console as the specs use it: a realm per test, sign in, open a Profile tab, take screenshots.

/** A user who may create keys: the api-access role comes with the group /engineering/devs (createRealm). */
export const alice: TestUser = { username: "alice", password: "alice-pass-1", groups: ["/engineering/devs"] };

/**
 * Playwright's test with `realm`: a realm name of the test's own, deleted after the test whether it passed or not.
 * The test still creates it (createRealm) with the users and settings it needs, so those stay visible in the test.
 */
export const test = base.extend<{ realm: string }>({
  realm: async ({}, use, testInfo) => {
    const realm = realmName(testInfo.testId);
    await use(realm);
    await deleteRealm(realm);
  },
});

export const screenshots = path.join(outputDir, "screenshots");
mkdirSync(screenshots, { recursive: true });

/** Opens the realm's account console (optionally at `#security` etc.), signs in and waits for the Profile page. */
export async function signIn(page: Page, realm: string, user: { username: string; password: string }, hash = "") {
  await page.goto(`/realms/${realm}/account/${hash}`);
  await logIn(page, user);
  await expect(page.getByTestId("latchkey-profile")).toBeVisible();
}

/** The test's realm with `user` alone (createRealm's defaults), and that user signed in to the console. */
export async function signInToNewRealm(page: Page, realm: string, user: TestUser, hash = "") {
  await createRealm(realm, [user]);
  await signIn(page, realm, user, hash);
}

/** Opens the create dialog on the API-keys tab and types the key's name. */
export async function openCreateDialog(page: Page, name: string) {
  await page.getByTestId("latchkey-create-api-key").click();
  await page.getByTestId("latchkey-api-key-name").fill(name);
}

/** Submits the create dialog, expects the key made, closes the key's dialog and returns the server's answer. */
export async function submitCreateDialog(page: Page): Promise<{ id: string; expiresAt: string; key: string }> {
  const answer = page.waitForResponse(
    (response) => response.request().method() === "POST" && response.url().endsWith("/latchkey/me/api-keys"),
  );
  await page.getByTestId("latchkey-create-api-key-submit").click();
  const response = await answer;
  expect(response.status()).toBe(201);
  const body = await response.json();
  await page.getByTestId("latchkey-new-api-key-done").click();
  return body;
}

/** The console scrolls inside its main area, so a tall viewport rather than fullPage shows a whole section. */
export async function screenshot(page: Page, name: string) {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 1800 });
  await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
  if (viewport) await page.setViewportSize(viewport);
}

/** The page as the user sees it, at the current viewport (phones). */
export async function screenshotAsShown(page: Page, name: string) {
  // finished transitions: the sidebar slides
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), animations: "disabled" });
}

export async function openTab(page: Page, tab: "account" | "security" | "api-keys") {
  await page.getByTestId(`latchkey-tab-${tab}`).click();
  await expect(page.getByTestId(tab === "account" ? "latchkey-account" : `latchkey-${tab}`)).toBeVisible();
}

/**
 * Waits until the element's centre is in the viewport with the element itself there, not something over it
 * (polled: the sidebar slides in and out).
 */
export async function expectUncovered(locator: Locator) {
  await expect.poll(() => isUncovered(locator), { message: `${locator} is visible and not covered` }).toBe(true);
}

async function isUncovered(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) return false;
    const top = document.elementFromPoint(x, y);
    return top !== null && (element === top || element.contains(top));
  });
}

/** A realm name of the test's own (each test creates its realm and deletes it afterwards). */
export const realmName = (testId: string) => `latchkey-e2e-${testId.slice(0, 8)}-${Date.now().toString(36)}`;
