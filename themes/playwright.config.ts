import path from "node:path";

import { defineConfig } from "@playwright/test";

import { outputDir } from "./e2e/paths";

// Browser tests of the Profile page against a real Keycloak with the Latchkey jar, in Debian's Chromium (no browser
// is downloaded). `./mvnw verify` runs them through dev.latchkey.it.browser.ProfilePageBrowserIT, which sets:
//   KEYCLOAK_URL, KEYCLOAK_ADMIN, KEYCLOAK_ADMIN_PASSWORD   the server and its master-realm admin
//   LATCHKEY_LDAP_COMPONENT, LATCHKEY_LDAP_USER, LATCHKEY_LDAP_PASSWORD   the test's LDAP directory
//   LATCHKEY_BROWSER_OUT   where screenshots and results go
// Each spec creates its own realm through the admin REST API and deletes it afterwards.
export default defineConfig({
  testDir: "e2e",
  outputDir: path.join(outputDir, "test-results"),
  timeout: 180_000,
  // generous: Keycloak and the build may share two cores with other work
  expect: { timeout: 20_000 },
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: path.join(outputDir, "results.json") }]],
  use: {
    baseURL: process.env.KEYCLOAK_URL ?? "http://localhost:8181",
    timezoneId: "America/New_York",
    locale: "en-US",
    viewport: { width: 1280, height: 1000 },
    screenshot: "only-on-failure",
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
});
