// How fast the outbox drains a backlog (a deadline day's receipts): enqueue N e-mails into a fresh
// PostgreSQL database, then run deliverDue batches back to back, as the mail loop does while its
// batches come back full, with a delivery that takes DELIVER_MS (default 0: the database side alone).
//   npm run bench:mail   (= node --import tsx bench/mail-drain.ts)
// Environment: BENCH_DATABASE_URL or DATABASE_URL (admin connection), MAIL_N (2000), DELIVER_MS (0).
// Prints e-mails per second for 1 worker and for the loop's 4, and one JSON line.
import { eq } from "drizzle-orm";
import postgres from "postgres";
import type { Deliver } from "@/lib/mail/sender";
import { registerServerOnlyStub } from "./server-only";

registerServerOnlyStub();
const [{ useDatabaseForTests: installDatabase }, { openDatabase }, { emailOutbox }, { enqueueEmail }, { deliverDue }] =
  await Promise.all([
    import("@/db/client"),
    import("@/db/open"),
    import("@/db/schema"),
    import("@/lib/mail/outbox"),
    import("@/lib/mail/sender"),
  ]);

const N = Number(process.env.MAIL_N ?? 2000);
const DELIVER_MS = Number(process.env.DELIVER_MS ?? 0);

async function main() {
  const adminUrl =
    process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `gcm_bench_mail_${Date.now().toString(36)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const opened = await openDatabase({ url: url.toString(), seed: false });
  installDatabase(opened);
  const deliver: Deliver = async () => {
    if (DELIVER_MS) await new Promise((r) => setTimeout(r, DELIVER_MS));
  };
  const results: Record<string, number> = {};
  try {
    for (const workers of [1, 4]) {
      await opened.db.delete(emailOutbox).where(eq(emailOutbox.status, "sent")); // the previous round's
      for (let i = 0; i < N; i++)
        await enqueueEmail(opened.db, {
          to: `r${i}@example.net`,
          locale: "en",
          template: "signIn",
          values: { url: "http://x/", minutes: 30 },
        });
      const t0 = performance.now();
      let sent = 0;
      for (let n = -1; n !== 0;) sent += n = await deliverDue(deliver, 50, workers);
      const s = (performance.now() - t0) / 1000;
      results[`workers${workers}`] = Math.round(sent / s);
      console.log(
        `${workers} worker(s): ${sent} e-mails in ${s.toFixed(2)} s = ${Math.round(sent / s)}/s (delivery ${DELIVER_MS} ms each)`,
      );
    }
    console.log(`before this change the loop sent at most 20 every 2 s = 10/s`);
    console.log(JSON.stringify({ n: N, deliverMs: DELIVER_MS, perSecond: results, previousLoopCeiling: 10 }));
  } finally {
    await opened.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}
void main();
