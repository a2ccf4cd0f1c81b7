import { writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";

import { outputDir } from "../themes/e2e/paths";
import { createRealm, deleteRealm, logIn, type TestUser } from "../themes/e2e/admin";

// A measurement, not a test (run by bench/page-load.sh, not by the build): the Profile page of our theme next to
// Keycloak's stock "Personal info" page (theme keycloak.v3), for the same user data, in one browser run; writes
// performance.md into LATCHKEY_BROWSER_OUT. It fails only when a page does not come up.

const LOADS = Number(process.env.LATCHKEY_PERF_LOADS ?? 9);
const user: TestUser = { username: "alice", password: "alice-pass-1", groups: ["/engineering/devs"] };

type Variant = {
  label: string;
  realm: string;
  theme: string;
  /** the first control of the page a user can act on; "interactive" = visible and enabled */
  control: (page: Page) => Locator;
};

type Load = { millis: number; jsRaw: number; jsGzip: number; jsFiles: number };

const stamp = Date.now().toString(36);
const variants: Variant[] = [
  {
    label: "Latchkey Profile page (theme `latchkey`)",
    realm: `latchkey-perf-ours-${stamp}`,
    theme: "latchkey",
    control: (page) => page.getByTestId("latchkey-language"),
  },
  {
    label: 'Stock "Personal info" page (theme `keycloak.v3`)',
    realm: `latchkey-perf-stock-${stamp}`,
    theme: "keycloak.v3",
    control: (page) => page.locator("#firstName"),
  },
];

test.afterAll(async () => {
  for (const variant of variants) await deleteRealm(variant.realm);
});

/** Signs in once; returns the cookies, so each measured load is a fresh browser context (empty HTTP cache). */
async function signedInState(browser: Browser, variant: Variant) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/realms/${variant.realm}/account/`);
  await logIn(page, user);
  await expect(variant.control(page)).toBeEnabled();
  const state = await context.storageState();
  await context.close();
  return state;
}

async function measure(browser: Browser, variant: Variant, state: Awaited<ReturnType<typeof signedInState>>) {
  const context = await browser.newContext({ storageState: state });
  const page = await context.newPage();
  const scripts: Promise<Buffer | null>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script" && response.status() === 200) {
      scripts.push(response.body().catch(() => null));
    }
  });
  const started = Date.now();
  await page.goto(`/realms/${variant.realm}/account/`);
  await expect(variant.control(page)).toBeEnabled({ timeout: 60_000 });
  const millis = Date.now() - started;
  const bodies = (await Promise.all(scripts)).filter((body): body is Buffer => body !== null);
  await context.close();
  return {
    millis,
    jsRaw: bodies.reduce((sum, body) => sum + body.length, 0),
    jsGzip: bodies.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0),
    jsFiles: bodies.length,
  } satisfies Load;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const percent = (ours: number, stock: number) => `${ours >= stock ? "+" : ""}${(((ours - stock) / stock) * 100).toFixed(1)}%`;

test("performance: time to interactive and JS size, Profile page next to the stock Personal info page", async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const states = [];
  for (const variant of variants) {
    await createRealm(variant.realm, [user], { accountTheme: variant.theme });
    states.push(await signedInState(browser, variant));
  }
  // alternate the two pages, so a burst of load on the shared machine hits both alike
  const loads: Load[][] = variants.map(() => []);
  for (let round = 0; round < LOADS; round++) {
    for (const [index, variant] of variants.entries()) {
      loads[index].push(await measure(browser, variant, states[index]));
    }
  }

  const [ours, stock] = loads.map((runs) => ({
    millis: median(runs.map((run) => run.millis)),
    all: runs.map((run) => run.millis),
    jsRaw: median(runs.map((run) => run.jsRaw)),
    jsGzip: median(runs.map((run) => run.jsGzip)),
    jsFiles: median(runs.map((run) => run.jsFiles)),
  }));
  const row = (label: string, figures: typeof ours) =>
    `| ${label} | ${figures.millis} ms | ${figures.all.join(", ")} | ${kb(figures.jsRaw)} | ${kb(figures.jsGzip)} | ${figures.jsFiles} |`;
  const report = [
    "# Profile page performance",
    "",
    `Measured ${new Date().toISOString()} in headless Chromium against ${process.env.KEYCLOAK_URL ?? "the test server"},`,
    `${LOADS} loads of each page, alternating, each in a fresh browser context (empty HTTP cache, signed-in session cookie).`,
    "Time: from navigation start (the account console URL, including keycloak-js's redirect to the authorization",
    "endpoint and back) until the page's first control is visible and enabled (Profile: the language select of the",
    "Account section; Personal info: the first-name field). JS: every script response of the load (our bundle, or the",
    "stock one, plus the react/react-dom the server serves to both); gzip = level 9 of each file.",
    "",
    "| page | median time to interactive | all loads | JS raw | JS gzip | JS files |",
    "|---|---|---|---|---|---|",
    row(variants[0].label, ours),
    row(variants[1].label, stock),
    "",
    `Profile vs stock: time ${percent(ours.millis, stock.millis)}, JS raw ${percent(ours.jsRaw, stock.jsRaw)}, ` +
      `JS gzip ${percent(ours.jsGzip, stock.jsGzip)} (target: no slower, at most +15%).`,
    "",
  ].join("\n");
  mkdirSync(outputDir, { recursive: true });
  writeFileSync(path.join(outputDir, "performance.md"), report);
  console.log(report);
});
