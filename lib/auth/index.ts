import "server-only";
// Auth.js v5: e-mail magic links, database sessions through the Drizzle adapter. The e-mailed link
// opens a confirmation page whose button POSTs to the callback, so a mail scanner that follows
// links does not use it up (see app/api/auth/[...nextauth]/route.ts).
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { eq } from "drizzle-orm";
import NextAuth from "next-auth";
import Nodemailer from "next-auth/providers/nodemailer";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { env } from "@/lib/env";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { enqueueEmail } from "@/lib/mail/outbox";
import { demoAllowedForThisRequest } from "@/lib/security/peer";
import { isDemoAccountEmail } from "./demo";

export const SIGN_IN_LINK_MINUTES = 30;
export const SESSION_DAYS = 30;

/**
 * Where the e-mailed link points: our confirmation page, carrying the callback's parameters. On
 * APP_URL when it is set: Auth.js builds the callback from the request's Host / X-Forwarded-Host,
 * which whoever asks for a link controls — a link to their host would hand them the token.
 */
export function confirmationUrl(
  callbackUrl: string,
  base: string | undefined = env().APP_URL,
): { url: string; locale: string } {
  const cb = new URL(callbackUrl);
  const next = cb.searchParams.get("callbackUrl") ?? "/";
  const nextPath = next.startsWith("/") ? next : new URL(next).pathname;
  const first = nextPath.split("/")[1];
  const locale = isLocale(first) ? first : defaultLocale;
  const out = base
    ? new URL(`${base.replace(/\/+$/, "")}/${locale}/sign-in/confirm`)
    : new URL(`/${locale}/sign-in/confirm`, cb.origin);
  for (const k of ["token", "email", "callbackUrl"]) {
    const v = cb.searchParams.get(k);
    if (v) out.searchParams.set(k, v);
  }
  return { url: out.toString(), locale };
}

export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const db = await getDb();
  return {
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    } as never),
    session: { strategy: "database", maxAge: SESSION_DAYS * 24 * 3600 },
    trustHost: true,
    callbacks: {
      // Every way into a session (asking for a link through Auth.js's own endpoint as well as our
      // form, and the callback) passes here: a demo account only from this computer.
      signIn: async ({ user }) => !isDemoAccountEmail(user.email) || (await demoAllowedForThisRequest()),
      // Only ever a path on this site: no open redirect, and no dependence on which host name
      // (localhost, 127.0.0.1, a proxy's) Auth.js believes it is served on.
      redirect: ({ url }) => {
        const u = new URL(url, "http://site.invalid");
        return `${u.pathname}${u.search}`;
      },
    },
    pages: { signIn: "/en/sign-in", verifyRequest: "/en/sign-in/check-email", error: "/en/sign-in" },
    providers: [
      Nodemailer({
        // Unused (delivery goes through our outbox), but the provider insists on one.
        server: "smtp://localhost:25",
        maxAge: SIGN_IN_LINK_MINUTES * 60,
        normalizeIdentifier: (email) => email.trim().toLowerCase(),
        async sendVerificationRequest({ identifier, url }) {
          const { url: link, locale: pageLocale } = confirmationUrl(url);
          const [user] = await db.select({ locale: users.locale }).from(users).where(eq(users.email, identifier));
          const locale = user?.locale ?? (isLocale(pageLocale) ? pageLocale : defaultLocale);
          await enqueueEmail(db, {
            to: identifier,
            locale,
            template: "signIn",
            values: { url: link, minutes: SIGN_IN_LINK_MINUTES },
          });
        },
      }),
    ],
  };
});
