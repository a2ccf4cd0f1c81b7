import { mkdirSync } from "node:fs";
import path from "node:path";

import { expect, type Locator, type Page } from "@playwright/test";

import { logIn } from "./admin";
import { outputDir } from "./paths";

// The account console as the specs use it: sign in, open a Profile tab, take screenshots.

export const screenshots = path.join(outputDir, "screenshots");
mkdirSync(screenshots, { recursive: true });

/** Opens the realm's account console (optionally at `#security` etc.), signs in and waits for the Profile page. */
export async function signIn(page: Page, realm: string, user: { username: string; password: string }, hash = "") {
  await page.goto(`/realms/${realm}/account/${hash}`);
  await logIn(page, user);
  await expect(page.getByTestId("latchkey-profile")).toBeVisible();
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
