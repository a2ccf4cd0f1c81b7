import { expect, type Page } from "@playwright/test";

import { alice, expectUncovered, openTab, screenshotAsShown, signInToNewRealm, test } from "./console";

// The console on a phone (390 px wide, below PatternFly's 1200 px breakpoint for a side-by-side navigation): it has
// to open with the navigation collapsed, and the masthead's menu button has to open and close it, as in the stock
// keycloak.v3 account console.

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const menuButton = (page: Page) => page.locator("#nav-toggle");
const profileLink = (page: Page) => page.locator("nav").getByRole("link", { name: "Profile" });

test("phone: Profile opens readable, the menu button opens and closes the navigation, every tab works", async ({
  page,
  realm,
}) => {
  await signInToNewRealm(page, realm, alice);

  // readable on load: navigation collapsed, the page's heading and content not under it
  await expect(menuButton(page)).toHaveAttribute("aria-expanded", "false");
  await expect(profileLink(page)).not.toBeInViewport();
  await expect(page.getByTestId("page-heading")).toHaveText("Profile");
  await expectUncovered(page.getByTestId("page-heading"));
  await expectUncovered(page.getByTestId("latchkey-username"));
  await screenshotAsShown(page, "phone-profile-en");

  await menuButton(page).click();
  await expect(menuButton(page)).toHaveAttribute("aria-expanded", "true");
  await expect(profileLink(page)).toBeInViewport();
  await expectUncovered(profileLink(page));
  await screenshotAsShown(page, "phone-navigation-open-en");

  await menuButton(page).click();
  await expect(menuButton(page)).toHaveAttribute("aria-expanded", "false");
  await expect(profileLink(page)).not.toBeInViewport();
  await expectUncovered(page.getByTestId("page-heading"));

  // every tab of the page can be used
  await openTab(page, "security");
  await page.getByTestId("latchkey-current-password").fill(alice.password);
  await expectUncovered(page.getByTestId("latchkey-current-password"));
  await screenshotAsShown(page, "phone-security-en");

  await openTab(page, "api-keys");
  await page.getByTestId("latchkey-create-api-key").click();
  await expect(page.getByTestId("latchkey-create-api-key-modal")).toBeVisible();
  await page.getByTestId("latchkey-api-key-name").fill("phone");
  await expectUncovered(page.getByTestId("latchkey-api-key-name"));
  await screenshotAsShown(page, "phone-create-api-key-en");
  await page.getByTestId("latchkey-create-api-key-cancel").click();
  await expect(page.getByTestId("latchkey-create-api-key-modal")).toHaveCount(0);

  await openTab(page, "account");
  await expect(page.getByTestId("latchkey-language")).toBeVisible();
  await page.getByTestId("latchkey-language").scrollIntoViewIfNeeded();
  await expectUncovered(page.getByTestId("latchkey-language"));
});
