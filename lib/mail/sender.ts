import "server-only";
// Delivers the outbox. Rows are claimed in batches with FOR UPDATE SKIP LOCKED and a lease, so any
// number of app instances can run the loop; a failed delivery is retried with backoff, never dropped.
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
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
 * How long a claimed e-mail is left to the worker that claimed it before any worker (of any instance)
 * may claim it again: longer than an SMTP conversation takes, so that an e-mail is sent again only
 * when its sender died after claiming it (at least once, never lost).
 */
export const CLAIM_LEASE_SECONDS = 300;

/**
 * Sends what is due, up to `batch` e-mails, with `workers` deliveries in flight at once; returns how
 * many were sent. One statement claims the batch (FOR UPDATE SKIP LOCKED: claims never wait on each
 * other or take the same row): each claimed row's attempt is counted and its next attempt put a lease
 * away, so no other worker or instance takes it meanwhile. The sent ones are marked ten at a time
 * as they go; a refused one goes back to pending with backoff, or to failed after MAX_ATTEMPTS. Six
 * statements for a full batch of 50, where a transaction per e-mail took four statements each.
 */
export async function deliverDue(
  deliver: Deliver = defaultDeliver(),
  batch = MAIL_BATCH,
  workers = MAIL_WORKERS,
): Promise<number> {
  const db = await getDb();
  const due = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.status, "pending"), lte(emailOutbox.nextAttemptAt, sql`now()`)))
    .orderBy(asc(emailOutbox.nextAttemptAt))
    .limit(batch)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(emailOutbox)
    .set({
      attempts: sql`${emailOutbox.attempts} + 1`,
      nextAttemptAt: sql`now() + ${CLAIM_LEASE_SECONDS} * interval '1 second'`,
    })
    .where(inArray(emailOutbox.id, due))
    .returning();
  if (claimed.length === 0) return 0;
  claimed.sort((a, b) => a.id - b.id); // oldest first
  let sent = 0;
  // Sent e-mails are marked in groups of MARK_EVERY as they go, so that an instance dying mid-batch
  // sends again at most the few not yet marked (and those in flight), not the whole batch.
  const unmarked: number[] = [];
  const mark = async () => {
    const ids = unmarked.splice(0);
    if (ids.length === 0) return;
    await db
      .update(emailOutbox)
      .set({ status: "sent", sentAt: new Date(), lastError: null })
      .where(inArray(emailOutbox.id, ids));
    sent += ids.length;
  };
  const refused: { mail: OutboxEmail; error: string }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < claimed.length) {
      const mail = claimed[next++]!;
      try {
        await deliver(mail);
      } catch (err) {
        refused.push({ mail, error: String((err as Error).message ?? err).slice(0, 500) });
        continue;
      }
      unmarked.push(mail.id);
      if (unmarked.length >= MARK_EVERY) await mark();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, claimed.length)) }, worker));
  await mark();
  for (const { mail, error } of refused)
    await db
      .update(emailOutbox)
      .set({
        lastError: error,
        status: mail.attempts >= MAX_ATTEMPTS ? "failed" : "pending",
        nextAttemptAt: new Date(Date.now() + backoffSeconds(mail.attempts) * 1000),
      })
      .where(eq(emailOutbox.id, mail.id));
  return sent;
}
const MAIL_BATCH = 50;
const MARK_EVERY = 10;
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
