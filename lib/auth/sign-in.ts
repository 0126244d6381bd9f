import "server-only";
// Requesting a sign-in link. The answer is the same whether or not the address has an account;
// e-mails are limited per address, per client and in total, in PostgreSQL (shared by every instance).
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import type { AppLocale } from "@/lib/i18n/config";
import { consume, hashKey } from "@/lib/rate-limit";
import { assertDemoAccountAllowed } from "./demo";
import { signIn } from "./index";

export function signInLimits() {
  const e = env();
  return {
    perAddress: { limit: e.SIGN_IN_LIMIT_PER_ADDRESS, windowSeconds: 3600 },
    perClient: { limit: e.SIGN_IN_LIMIT_PER_CLIENT, windowSeconds: 3600 },
    total: { limit: e.SIGN_IN_LIMIT_TOTAL, windowSeconds: 3600 },
  };
}

/**
 * The client's address from X-Forwarded-For: the entry TRUSTED_PROXY_HOPS places from the right.
 * Entries further left were written by the client and prove nothing. Served by `next start` with no
 * proxy, a client can still forge the header; the total limit is the backstop for that.
 */
export function clientAddress(forwardedFor: string | null, hops = env().TRUSTED_PROXY_HOPS): string {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return entries[Math.max(0, entries.length - hops)] ?? "unknown";
}

export async function requestSignInLink({
  email,
  locale,
  clientKey,
  next,
  demoAllowed,
}: {
  email: string;
  locale: AppLocale;
  clientKey: string;
  next?: string;
  /** The request may use a demo account (lib/security/peer.ts: from this computer, or allowed). */
  demoAllowed: boolean;
}): Promise<void> {
  assertDemoAccountAllowed(email, demoAllowed);
  const limits = signInLimits();
  const [addressOk, clientOk, totalOk] = await Promise.all([
    consume(`signin:address:${hashKey(email)}`, limits.perAddress),
    consume(`signin:client:${hashKey(clientKey)}`, limits.perClient),
    consume("signin:total", limits.total),
  ]);
  if (!addressOk || !clientOk || !totalOk) throw new DomainError("rateLimited", 429);
  const redirectTo = next && next.startsWith(`/${locale}`) ? next : `/${locale}/account`;
  await signIn("nodemailer", { email, redirect: false, redirectTo });
}
