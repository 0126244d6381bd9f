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

/**
 * Sends what is due, up to `batch` attempts, with `workers` claims in flight at once (each row is
 * claimed with FOR UPDATE SKIP LOCKED, so workers, and other instances, never send one e-mail
 * twice); returns how many were sent.
 */
export async function deliverDue(
  deliver: Deliver = defaultDeliver(),
  batch = MAIL_BATCH,
  workers = MAIL_WORKERS,
): Promise<number> {
  const db = await getDb();
  let sent = 0;
  let attempted = 0;
  const claimOne = () =>
    db.transaction(async (tx) => {
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
        await tx
          .update(emailOutbox)
          .set({ status: "sent", sentAt: new Date(), attempts: mail.attempts + 1, lastError: null })
          .where(eq(emailOutbox.id, mail.id));
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
  const worker = async () => {
    while (attempted < batch) {
      attempted++;
      const claimed = await claimOne();
      if (claimed === null) return;
      if (claimed === "sent") sent++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, workers) }, worker));
  return sent;
}
const MAIL_BATCH = 50;
const MAIL_WORKERS = 4;

const LOOP = Symbol.for("gcm.mailLoop");

/**
 * Starts the delivery loop once per process (from instrumentation.ts): every `intervalMs`, and at
 * once again while a batch came back full, so a backlog (a deadline day's receipts) drains as fast
 * as the mail server takes it rather than 25 e-mails a second.
 */
export function startMailLoop(intervalMs = 2000): void {
  const g = globalThis as { [LOOP]?: NodeJS.Timeout };
  if (g[LOOP]) return;
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    deliverDue()
      .then((sent) => {
        running = false;
        if (sent >= MAIL_BATCH) setImmediate(run);
      })
      .catch((err: unknown) => {
        running = false;
        console.error(`[mail] delivery loop: ${redactForLog((err as Error).message)}`);
      });
  };
  g[LOOP] = setInterval(run, intervalMs);
  g[LOOP].unref();
}
