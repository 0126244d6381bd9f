// The outbox sender against a real SMTP server (smtp-server, in process, on a free port): an enqueued
// e-mail goes out through a real SMTP conversation; a refusal keeps it pending with backoff and it is
// sent on a later attempt; after MAX_ATTEMPTS refusals it is marked failed, never deleted.
import type { AddressInfo } from "node:net";
import { eq, inArray, sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { enqueueEmail } from "@/lib/mail/outbox";
import { CLAIM_LEASE_SECONDS, deliverDue, MAX_ATTEMPTS, smtpDeliver, type Deliver } from "@/lib/mail/sender";
import { createTestDatabase, drivers, type TestDatabase } from "@/lib/testing/db";

interface Received {
  mailFrom: string;
  rcptTo: string[];
  subject: string | undefined;
  to: string | undefined;
  raw: string;
}

/** "accept", or refuse with a 451 (temporary failure) at RCPT TO or after DATA. */
type Mode = "accept" | "refuseRcpt" | "refuseData";

const received: Received[] = [];
let mode: Mode = "accept";
let server: SMTPServer;
let deliver: Deliver;

const tempFailure = (where: string) => Object.assign(new Error(`Try again later (${where})`), { responseCode: 451 });

/** The value of a header in a raw message (headers end at the first blank line; folded lines joined). */
function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/, 1)[0]?.replace(/\r?\n[ \t]+/g, " ") ?? "";
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      callback(mode === "refuseRcpt" ? tempFailure("rcpt") : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (mode === "refuseData") return callback(tempFailure("data"));
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push({
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          rcptTo: session.envelope.rcptTo.map((a) => a.address),
          subject: header(raw, "Subject"),
          to: header(raw, "To"),
          raw,
        });
        callback(null);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  deliver = smtpDeliver(`smtp://127.0.0.1:${port}`, "Test <t@example.org>");
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe.each(drivers)("outbox sender (%s)", (driver) => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase(driver, false);
    useDatabaseForTests(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  beforeEach(() => {
    mode = "accept";
    received.length = 0;
  });

  const enqueueSignIn = (to: string) =>
    enqueueEmail(t.db, {
      to,
      locale: "en",
      template: "signIn",
      values: { url: "http://x/en/sign-in/confirm?token=abc", minutes: 30 },
    });

  const rowsFor = (to: string) => t.db.select().from(emailOutbox).where(eq(emailOutbox.to, to));

  /** Makes the row due now, as if its backoff had elapsed. */
  const makeDue = (to: string) =>
    t.db
      .update(emailOutbox)
      .set({ nextAttemptAt: sql`now() - interval '1 second'` })
      .where(eq(emailOutbox.to, to));

  it("delivers an enqueued e-mail through a real SMTP conversation", async () => {
    const to = `alice.${driver}@example.net`;
    await enqueueSignIn(to);

    expect(await deliverDue(deliver)).toBe(1);

    expect(received).toHaveLength(1);
    const [msg] = received;
    expect(msg?.rcptTo).toEqual([to]);
    expect(msg?.to).toBe(to);
    expect(msg?.mailFrom).toBe("t@example.org");
    expect(msg?.subject).toBe("Your sign-in link");

    const [row] = await rowsFor(to);
    expect(row?.status).toBe("sent");
    expect(row?.sentAt).toBeInstanceOf(Date);
    expect(row?.attempts).toBe(1);
    expect(row?.lastError).toBeNull();

    // Sent rows are not sent again.
    expect(await deliverDue(deliver)).toBe(0);
    expect(received).toHaveLength(1);
  });

  it("sends a backlog with several workers at once, each e-mail exactly once", async () => {
    const tos = Array.from({ length: 30 }, (_, i) => `backlog${i}.${driver}@example.net`);
    for (const to of tos) await enqueueSignIn(to);
    const seen: string[] = [];
    const slow: Deliver = async (mail) => {
      seen.push(mail.to);
      await new Promise((r) => setTimeout(r, 5));
    };
    // Two batches of 20 attempts, four workers each: everything once, nothing twice.
    expect((await deliverDue(slow, 20, 4)) + (await deliverDue(slow, 20, 4))).toBe(30);
    expect([...seen].sort()).toEqual([...tos].sort());
    for (const to of tos) expect((await rowsFor(to)).map((r) => r.status)).toEqual(["sent"]);
  });

  it("leaves a claimed e-mail to its worker until the lease ends, then another worker sends it", async () => {
    const to = `dave.${driver}@example.net`;
    await enqueueSignIn(to);
    // A worker claims the e-mail and never finishes (its instance died mid-conversation).
    let claimedBy: string | null = null;
    const hung: Deliver = (mail) => {
      claimedBy = mail.to;
      return new Promise(() => {});
    };
    void deliverDue(hung);
    await vi.waitFor(() => expect(claimedBy).toBe(to));
    const [claimed] = await rowsFor(to);
    expect(claimed?.status).toBe("pending");
    expect(claimed?.attempts).toBe(1);
    expect(claimed!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + (CLAIM_LEASE_SECONDS - 60) * 1000);

    // Meanwhile no other worker takes it.
    expect(await deliverDue(deliver)).toBe(0);
    expect(received).toHaveLength(0);

    // Once the lease has run out, it is sent, once.
    await makeDue(to);
    expect(await deliverDue(deliver)).toBe(1);
    expect(received.map((m) => m.rcptTo)).toEqual([[to]]);
    const [row] = await rowsFor(to);
    expect(row?.status).toBe("sent");
    expect(row?.attempts).toBe(2);
  });

  it("marks sent e-mails as it goes, so a worker that dies mid-batch leaves only a few to send again", async () => {
    const tos = Array.from({ length: 20 }, (_, i) => `midbatch${i}.${driver}@example.net`);
    for (const to of tos) await enqueueSignIn(to);
    // One worker: the first 15 go out, then the SMTP conversation never ends (the instance died).
    let delivered = 0;
    const dying: Deliver = () => (delivered++ < 15 ? Promise.resolve() : new Promise(() => {}));
    void deliverDue(dying, 20, 1);
    await vi.waitFor(async () => {
      const rows = await t.db.select().from(emailOutbox).where(inArray(emailOutbox.to, tos));
      // The first ten are marked sent; the five after them, delivered but not yet marked, and the
      // rest stay pending until the lease ends.
      expect(rows.filter((r) => r.status === "sent")).toHaveLength(10);
    });
    expect(delivered).toBe(16);
  });

  it("keeps a refused e-mail pending with backoff, then sends it on a later attempt", async () => {
    const to = `bob.${driver}@example.net`;
    await enqueueSignIn(to);

    mode = "refuseRcpt";
    const before = Date.now();
    expect(await deliverDue(deliver)).toBe(0);
    expect(received).toHaveLength(0);

    let rows = await rowsFor(to);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe("pending");
    expect(rows[0]?.attempts).toBe(1);
    expect(rows[0]?.sentAt).toBeNull();
    expect(rows[0]?.lastError).toMatch(/451/);
    expect(rows[0]?.nextAttemptAt.getTime()).toBeGreaterThan(before);

    // Not due yet: even with the server accepting again, nothing is attempted before the backoff.
    mode = "accept";
    expect(await deliverDue(deliver)).toBe(0);
    expect(received).toHaveLength(0);
    expect((await rowsFor(to))[0]?.attempts).toBe(1);

    await makeDue(to);
    expect(await deliverDue(deliver)).toBe(1);

    expect(received).toHaveLength(1);
    expect(received[0]?.rcptTo).toEqual([to]);
    expect(received[0]?.subject).toBe("Your sign-in link");
    rows = await rowsFor(to);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe("sent");
    expect(rows[0]?.attempts).toBe(2);
    expect(rows[0]?.sentAt).toBeInstanceOf(Date);
    expect(rows[0]?.lastError).toBeNull();
  });

  it(`marks an e-mail failed after ${MAX_ATTEMPTS} refusals and keeps it`, async () => {
    const to = `carol.${driver}@example.net`;
    await enqueueSignIn(to);

    mode = "refuseData";
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await makeDue(to);
      expect(await deliverDue(deliver)).toBe(0);
      const [row] = await rowsFor(to);
      expect(row?.attempts).toBe(attempt);
      expect(row?.status).toBe(attempt < MAX_ATTEMPTS ? "pending" : "failed");
      expect(row?.lastError).toMatch(/451/);
    }
    expect(received).toHaveLength(0);

    // A failed row is never picked up again, even when due and the server accepts.
    mode = "accept";
    await makeDue(to);
    expect(await deliverDue(deliver)).toBe(0);
    expect(received).toHaveLength(0);

    const rows = await rowsFor(to);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe("failed");
    expect(rows[0]?.attempts).toBe(MAX_ATTEMPTS);
    expect(rows[0]?.sentAt).toBeNull();
  });
});
