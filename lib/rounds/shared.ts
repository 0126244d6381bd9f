import "server-only";
// What the rounds' reads (index.ts) and the secretariat's writes (admin.ts, topics.ts) share: names
// in the four languages, whether a round has inputs, the round's version lock (and a change made
// under it), the audit row and the allocation of topic numbers.
import { count, eq, max, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { consultations, rounds, submissions, themes, type Locale, type Round } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requireSecretariat, type Actor } from "@/lib/auth/actor";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { locales } from "@/lib/i18n/config";

export type Names = Record<Locale, string>;

export const namesOf = (rows: { locale: Locale; name: string }[]): Names => {
  const out = { en: "", fr: "", es: "", ar: "" } as Names;
  for (const r of rows) out[r.locale] = r.name;
  return out;
};
export const nameRows = <K extends string, I extends string | number>(key: K, id: I, names: Names) =>
  locales.map(
    (locale) => ({ [key]: id, locale, name: names[locale] }) as { [P in K]: I } & { locale: Locale; name: string },
  );

export async function hasInputs(db: Pick<Tx, "select">, roundId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(submissions)
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .where(eq(consultations.roundId, roundId));
  return (row?.n ?? 0) > 0;
}

/** Locks the round for a change made from a form of its version; a stale form is refused. */
export async function lockRound(tx: Tx, roundId: string, version: number): Promise<Round> {
  const [r] = await tx.select().from(rounds).where(eq(rounds.id, roundId)).for("update");
  if (!r) throw new NotFoundError();
  if (r.version !== version) throw new ConflictError("staleRound");
  await tx
    .update(rounds)
    .set({ version: r.version + 1, updatedAt: new Date() })
    .where(eq(rounds.id, r.id));
  return r;
}

/** A secretariat change to a round, in one transaction, with the round locked at its form's version. */
export async function changeRound<T>(
  actor: Actor,
  form: { roundId: string; version: number },
  change: (tx: Tx, r: Round) => Promise<T>,
): Promise<T> {
  requireSecretariat(actor);
  const db = await getDb();
  return db.transaction(async (tx) => change(tx, await lockRound(tx, form.roundId, form.version)));
}

export const audit = (
  tx: Tx,
  actor: Actor,
  roundId: string,
  action: string,
  note?: string | null,
  consultationId?: string,
) => recordAudit(tx, actor.userId, { action, roundId, consultationId, note: note ?? null });

/** Topic numbers are global (submissions.themes holds them) and never reused: the next after the highest. */
export async function nextTopicIds(tx: Tx, n: number): Promise<number[]> {
  // Serialises id allocation between rounds' transactions (any fixed number).
  await tx.execute(sql`select pg_advisory_xact_lock(727, 17)`);
  const [row] = await tx.select({ m: max(themes.id) }).from(themes);
  const first = (row?.m ?? 0) + 1;
  if (first + n - 1 > 32767) throw new DomainError("tooManyTopics", 409);
  return Array.from({ length: n }, (_, i) => first + i);
}
