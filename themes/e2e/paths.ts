import path from "node:path";

/** Screenshots and results (bench/page-load.sh: its performance.md): LATCHKEY_BROWSER_OUT (set by ProfilePageBrowserIT) or the same default. */
export const outputDir = path.resolve(process.env.LATCHKEY_BROWSER_OUT ?? "../integration-tests/target/browser");
