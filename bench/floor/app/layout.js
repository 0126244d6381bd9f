// The bare Next.js app of bench/load.ts: what the framework alone costs on this machine, with none of
// the portal (no proxy, session, i18n, validation or styles). Not part of the portal.
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
