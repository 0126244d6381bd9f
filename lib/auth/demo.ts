import "server-only";
// The demo accounts (seeded in demo mode, db/seed.ts) are usable only from this computer unless
// DEMO_ALLOW_REMOTE=true: whoever signs in as one is the secretariat or an anchor.
import { demoAnchorEmail, demoOwnerEmail, demoSecretariatEmail, seedConsultations } from "@/db/seed-data";
import { demoAccountsEnabled } from "@/lib/env";
import { DomainError } from "@/lib/errors";

const DEMO_EMAILS = new Set([
  demoOwnerEmail,
  demoSecretariatEmail,
  ...seedConsultations.map((c) => demoAnchorEmail(c.slug)),
]);

export function isDemoAccountEmail(email: string | null | undefined): boolean {
  return !!email && demoAccountsEnabled() && DEMO_EMAILS.has(email.trim().toLowerCase());
}

/** Throws when a demo account is used from a request the loopback rule does not allow. */
export function assertDemoAccountAllowed(email: string, demoAllowed: boolean): void {
  if (!demoAllowed && isDemoAccountEmail(email)) throw new DomainError("demoLocalOnly", 403);
}
