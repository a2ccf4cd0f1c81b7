import base from "../themes/playwright.config";

// The browser set-up of the theme's specs (Debian's Chromium, viewport, time zone), for the page-load measurement only.
export default { ...base, testDir: ".", testMatch: "page-load.spec.ts" };
