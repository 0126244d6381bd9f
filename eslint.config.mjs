import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

const dbImport = {
  group: ["@/db/client", "@/db/open", "**/db/client", "**/db/open"],
  message: "Only lib/ and db/ reach the database: call a named function from lib/<domain> (STYLE.md).",
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "bench/floor/.next/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
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
