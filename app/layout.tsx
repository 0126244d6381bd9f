import { connection } from "next/server";

// The <html> element is rendered by app/[locale]/layout.tsx, which knows the language and direction.
// Every page, the root not-found one included, is rendered per request: each response carries a
// fresh CSP nonce (proxy.ts) that Next.js puts on its scripts, and a prerendered page would have none.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return children;
}
