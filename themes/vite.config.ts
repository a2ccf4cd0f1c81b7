import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Keycloak's keycloak.v3 index.ftl reads resources/.vite/manifest.json to find the entry script and
// styles, and maps react, react/jsx-runtime and react-dom to its own copies through an import map.
export default defineConfig({
  base: "",
  esbuild: { jsx: "automatic" },
  resolve: {
    alias: {
      // The package's "exports" hide its stylesheet (PatternFly + the stock pages' styles).
      "@keycloak/keycloak-account-ui/style.css": fileURLToPath(
        new URL(
          "./node_modules/@keycloak/keycloak-account-ui/lib/keycloak-account-ui.css",
          import.meta.url,
        ),
      ),
    },
  },
  build: {
    outDir: "target/classes/theme/latchkey/account/resources",
    emptyOutDir: true,
    manifest: true,
    target: "es2022",
    modulePreload: false,
    reportCompressedSize: false,
    // One module (the stock account-ui library, ~700 kB) is larger than Vite's default warning limit.
    chunkSizeWarningLimit: 1024,
    rollupOptions: {
      input: "src/main.tsx",
      external: ["react", "react/jsx-runtime", "react-dom"],
      onwarn(warning, warn) {
        // react-router 7 marks its modules "use client" (for server components); meaningless in a browser bundle
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
        warn(warning);
      },
    },
  },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
  },
});
