import "server-only";
// Requesting a sign-in link. The answer is the same whether or not the address has an account;
// e-mails are limited per address and per client, in PostgreSQL (shared by every instance).
import { DomainError } from "@/lib/errors";
import type { AppLocale } from "@/lib/i18n/config";
import { consume, hashKey } from "@/lib/rate-limit";
import { signIn } from "./index";

export const SIGN_IN_LIMITS = {
  perAddress: { limit: 5, windowSeconds: 3600 },
  perClient: { limit: 30, windowSeconds: 3600 },
};

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
  const [addressOk, clientOk] = await Promise.all([
    consume(`signin:address:${hashKey(email)}`, SIGN_IN_LIMITS.perAddress),
    consume(`signin:client:${hashKey(clientKey)}`, SIGN_IN_LIMITS.perClient),
  ]);
  if (!addressOk || !clientOk) throw new DomainError("rateLimited", 429);
  const redirectTo = next && next.startsWith(`/${locale}`) ? next : `/${locale}/account`;
  await signIn("nodemailer", { email, redirect: false, redirectTo });
}
