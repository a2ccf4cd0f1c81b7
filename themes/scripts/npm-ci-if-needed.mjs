// Runs `npm ci` unless node_modules was installed from exactly this package-lock.json,
// so that repeated Maven builds do not reinstall. Usage: node scripts/npm-ci-if-needed.mjs [npm-executable]
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const npm = process.argv[2] ?? "npm";
const lock = readFileSync("package-lock.json", "utf8");
const stamp = "node_modules/.latchkey-package-lock.json";

if (existsSync(stamp) && readFileSync(stamp, "utf8") === lock) {
  console.log("node_modules is up to date with package-lock.json; skipping npm ci");
  process.exit(0);
}

const result = spawnSync(npm, ["ci", "--no-audit", "--no-fund"], {
  stdio: "inherit",
  // the browser tests drive the system's Chromium: no package may fetch a browser of its own
  env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" },
  shell: process.platform === "win32",
});
if (result.status !== 0) {
  process.exit(result.status ?? 1);
}
writeFileSync(stamp, lock);
