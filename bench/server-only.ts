// "server-only" throws outside React Server Components. Benchmarks that import lib/ modules which
// also pull in next-intl cannot run under --conditions=react-server (next-intl's react-server build
// needs Next.js's bundler), so "server-only" alone resolves to an empty module (as vitest.config.ts
// aliases it). Call this first; import lib/ dynamically after it.
import { register } from "node:module";

export function registerServerOnlyStub(): void {
  register(
    `data:text/javascript,${encodeURIComponent(
      'export async function resolve(s, c, next) { return s === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(s, c); }',
    )}`,
  );
}
