import "server-only";
// Requesting a sign-in link. The answer is the same whether or not the address has an account;
// e-mails are limited per address and per client, in PostgreSQL (shared by every instance).
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import type { AppLocale } from "@/lib/i18n/config";
import { consume, hashKey } from "@/lib/rate-limit";
import { signIn } from "./index";

export function signInLimits() {
  const e = env();
  return {
    perAddress: { limit: e.SIGN_IN_LIMIT_PER_ADDRESS, windowSeconds: 3600 },
    perClient: { limit: e.SIGN_IN_LIMIT_PER_CLIENT, windowSeconds: 3600 },
  };
}

export async function requestSignInLink({
  email,
  locale,
  clientKey,
  next,
}: {
  email: string;
  locale: AppLocale;
  clientKey: string;
  next?: string;
}): Promise<void> {
  const limits = signInLimits();
  const [addressOk, clientOk] = await Promise.all([
    consume(`signin:address:${hashKey(email)}`, limits.perAddress),
    consume(`signin:client:${hashKey(clientKey)}`, limits.perClient),
  ]);
  if (!addressOk || !clientOk) throw new DomainError("rateLimited", 429);
  const redirectTo = next && next.startsWith(`/${locale}`) ? next : `/${locale}/account`;
  await signIn("nodemailer", { email, redirect: false, redirectTo });
}
