import "server-only";
// Delivers the outbox. Rows are claimed with FOR UPDATE SKIP LOCKED, so any number of app instances
// can run the loop; a failed delivery is retried with backoff, never dropped.
import { and, asc, eq, lte, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { getDb } from "@/db/client";
import { emailOutbox, type OutboxEmail } from "@/db/schema";
import { env } from "@/lib/env";
import { redactForLog } from "@/lib/redact";

export const MAX_ATTEMPTS = 8;

export type Deliver = (mail: OutboxEmail) => Promise<void>;

const transports = new Map<string, Transporter>();

function smtpDeliver(smtpUrl: string, from: string): Deliver {
  let t = transports.get(smtpUrl);
  if (!t) {
    t = nodemailer.createTransport(smtpUrl);
    transports.set(smtpUrl, t);
  }
  return async (mail) => {
    await t.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
  };
}

/**
 * Local mode: nothing is sent; the e-mail stays in the outbox, listed at /<locale>/dev/outbox. The log
 * names only its number and kind: logs hold no personal data, and a sign-in link carries the address.
 */
export const logDeliver: Deliver = async (mail) => {
  console.log(`[mail] #${mail.id} (${mail.template}) kept in the local outbox: see /en/dev/outbox`);
};

export { smtpDeliver };

export function defaultDeliver(): Deliver {
  const e = env();
  return e.SMTP_URL ? smtpDeliver(e.SMTP_URL, e.MAIL_FROM) : logDeliver;
}

const backoffSeconds = (attempts: number) => Math.min(3600, 15 * 2 ** attempts);

/** Sends what is due; returns how many were sent. */
export async function deliverDue(deliver: Deliver = defaultDeliver(), batch = 20): Promise<number> {
  const db = await getDb();
  let sent = 0;
  for (;;) {
    const claimed = await db.transaction(async (tx) => {
      const [mail] = await tx
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.status, "pending"), lte(emailOutbox.nextAttemptAt, sql`now()`)))
        .orderBy(asc(emailOutbox.nextAttemptAt))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!mail) return null;
      try {
        await deliver(mail);
        await tx.update(emailOutbox).set({ status: "sent", sentAt: new Date(), attempts: mail.attempts + 1, lastError: null }).where(eq(emailOutbox.id, mail.id));
        return "sent" as const;
      } catch (err) {
        const attempts = mail.attempts + 1;
        await tx
          .update(emailOutbox)
          .set({
            attempts,
            lastError: String((err as Error).message ?? err).slice(0, 500),
            status: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
            nextAttemptAt: new Date(Date.now() + backoffSeconds(attempts) * 1000),
          })
          .where(eq(emailOutbox.id, mail.id));
        return "failed" as const;
      }
    });
    if (claimed === null) return sent;
    if (claimed === "sent") sent++;
    if (sent >= batch) return sent;
  }
}

const LOOP = Symbol.for("gcm.mailLoop");

/** Starts the delivery loop once per process (from instrumentation.ts). */
export function startMailLoop(intervalMs = 2000): void {
  const g = globalThis as { [LOOP]?: NodeJS.Timeout };
  if (g[LOOP]) return;
  let running = false;
  g[LOOP] = setInterval(() => {
    if (running) return;
    running = true;
    deliverDue()
      .catch((err: unknown) => console.error(`[mail] delivery loop: ${redactForLog((err as Error).message)}`))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  g[LOOP].unref();
}
