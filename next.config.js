import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: {
    // The catalogues' ICU messages are compiled at build time, so the browser gets a small format-only
    // runtime instead of intl-messageformat's parser. Everything imported from messages/ under Next is
    // compiled: read messages through a translator (t, t.has), never as raw strings (t.raw throws).
    messages: { path: "./messages", format: "json", locales: ["en", "fr", "es", "ar"], precompile: true },
  },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files by path; bundling it breaks every request.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // The build checks the app; `npm test` type-checks everything, tests included (tsc --noEmit).
  typescript: { tsconfigPath: "tsconfig.build.json" },
  reactStrictMode: true,
  // Form posts reach Next.js through scripts/server.mjs, which passes on at most three 10 MB files
  // and 4 MB of text (MAX_FORWARDED_BYTES in scripts/multipart-limit.mjs, about 34 MB) and empties
  // the rest. Both limits here stay above that: beyond the first, a server action answers 500; beyond
  // the second, the body is cut short as it passes proxy.ts (10 MB by default).
  experimental: { serverActions: { bodySizeLimit: "40mb" }, proxyClientMaxBodySize: "40mb" },
  // Every other response gets its headers from proxy.ts (lib/security/headers.ts); built assets skip
  // the proxy, so they get theirs here.
  async headers() {
    return [
      {
        source: "/_next/static/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
