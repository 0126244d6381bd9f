import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // "server-only" throws outside React Server Components; tests run lib/ and db/ in plain Node.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/empty.ts"),
    },
  },
  test: {
    include: ["{db,lib,app,components,scripts}/**/*.test.ts"],
    environment: "node",
    // next-auth imports "next/server" without an extension; let Vite resolve it.
    server: { deps: { inline: ["next-auth", "next-intl"] } },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite boots a WASM Postgres per file; two cores run two files at once comfortably.
    maxWorkers: 2,
  },
});
