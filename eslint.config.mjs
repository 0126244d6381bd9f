import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

const dbImport = {
  // Any module of db/, enums included: pages and components get what they need from lib/<domain>.
  group: ["@/db/*", "**/db/*"],
  message: "Only lib/ and db/ reach db/: call a named function or use a value from lib/<domain> (CONTRIBUTING.md).",
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "bench/floor/.next/**",
      "node_modules/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    plugins: { drizzle },
    rules: {
      // delete/update without where would touch every row.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "react/no-danger": "error",
    },
  },
  {
    files: ["app/**", "components/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [dbImport] }] },
  },
];

export default config;
