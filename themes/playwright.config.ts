import { defineConfig } from "@playwright/test";

// Browser tests of the Profile page. They need a running Keycloak whose realm uses the `latchkey` account
// theme, and a Chromium from the system (no browser is downloaded):
//   KEYCLOAK_URL=http://localhost:8181 KEYCLOAK_REALM=master KEYCLOAK_USER=admin KEYCLOAK_PASSWORD=admin npm run e2e
// The *.mocked.spec.ts files answer the Latchkey REST calls themselves (docs/CONTRACTS.md), so they test the UI
// against the contract without the server side.
export default defineConfig({
  testDir: "e2e",
  timeout: 90_000,
  // generous: Keycloak and the build may share two cores with other work
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: process.env.KEYCLOAK_URL ?? "http://localhost:8181",
    timezoneId: "America/New_York",
    locale: "en-US",
    viewport: { width: 1280, height: 1000 },
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
