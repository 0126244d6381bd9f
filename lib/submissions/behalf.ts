import "server-only";
// The anchors' entry of an input on an organisation's behalf (sent by e-mail, on paper or by voice),
// and their search for the organisation it came from.
import { asc, eq, ilike, or } from "drizzle-orm";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import { getDb } from "@/db/client";
import { organisations, submissions, type Organisation } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { canModerate, type Actor } from "@/lib/auth/actor";
import { dataChanged } from "@/lib/cache";
import { consultationPhase } from "@/lib/consultations/phase";
import { DomainError, NotFoundError } from "@/lib/errors";
import { pickContent, recordSubmitted, retryOnceOnUniqueViolation, takeNextNumber, type Recording } from "./record";
import type { BehalfSubmissionInput } from "./schemas";

/**
 * An input an organisation sent by e-mail, on paper or by voice, entered by an anchor of the
 * consultation (or the secretariat) for an existing organisation or one created here (not verified,
 * no members). It is then an ordinary submitted input: same reference series, revision 1, receipt.
 *
 * Deadline: allowed after the submission deadline — post and transcribed calls arrive late, and the
 * anchor is the one who knows when it was sent; the audit note says "after the deadline". Refused
 * once the secretariat has closed the consultation (its regional input is then final).
 */
export async function submitOnBehalf({
  actor,
  input,
  files = [],
  now = new Date(),
}: Recording & { input: BehalfSubmissionInput }): Promise<{
  id: string;
  reference: string;
  organisationId: string;
  replayed: boolean;
}> {
  if (!canModerate(actor, input.consultationId)) throw new NotFoundError();
  const db = await getDb();
  const attempt = () =>
    db.transaction(async (tx) => {
      const [byKey] = await tx
        .select()
        .from(submissions)
        .where(eq(submissions.idempotencyKey, input.idempotencyKey))
        .for("update");
      if (byKey) {
        if (byKey.consultationId !== input.consultationId || !byKey.enteredBy) throw new NotFoundError();
        // The same form sent again: the one input (and the one new organisation).
        return { id: byKey.id, reference: byKey.reference ?? "", organisationId: byKey.organisationId, replayed: true };
      }
      const c = await takeNextNumber(tx, input.consultationId);
      if (!c || c.status === "draft") throw new NotFoundError();
      // Allowed after the submission deadline (see above), not once the consultation is closed.
      const phase = consultationPhase(c, now);
      if (phase === "closed") throw new DomainError("consultationClosed", 409);
      let organisationId: string;
      if (input.organisation.mode === "existing") {
        const [org] = await tx
          .select({ id: organisations.id })
          .from(organisations)
          .where(eq(organisations.id, input.organisation.id));
        if (!org) throw new NotFoundError();
        organisationId = org.id;
      } else {
        const { name, country, type, locale, contactEmail } = input.organisation;
        // No membership: the group may have no account; verification stays with the usual check.
        const [org] = await tx
          .insert(organisations)
          .values({ name, country, type, locale, contactEmail: contactEmail ?? null })
          .returning({ id: organisations.id });
        organisationId = org!.id;
        await recordAudit(tx, actor.userId, {
          action: "organisation.create",
          consultationId: c.id,
          organisationId,
          note: `entered on behalf, channel ${input.channel}`,
        });
      }
      const afterDeadline = phase === "submissions_closed";
      const r = await recordSubmitted(tx, {
        actor,
        consultation: c,
        organisationId,
        content: pickContent(input),
        idempotencyKey: input.idempotencyKey,
        files,
        now,
        onBehalf: { channel: input.channel, afterDeadline },
      });
      // The anchor goes on to the queue: its overview counts this input at once, on every instance.
      await dataChanged(tx, "overview");
      return { ...r, organisationId, replayed: false };
    });
  return retryOnceOnUniqueViolation(attempt);
}

export interface OrganisationMatch {
  id: string;
  name: string;
  acronym: string | null;
  country: string;
  type: Organisation["type"];
  verified: boolean;
}

export const ORGANISATION_SEARCH_PAGE = 20;

const matchColumns = {
  id: organisations.id,
  name: organisations.name,
  acronym: organisations.acronym,
  country: organisations.country,
  type: organisations.type,
  verifiedAt: organisations.verifiedAt,
};
const toMatch = ({ verifiedAt, ...r }: SelectResultFields<typeof matchColumns>): OrganisationMatch => ({
  ...r,
  verified: verifiedAt !== null,
});

/**
 * Organisations by name (or acronym) for an anchor entering an input on one's behalf: the fewest
 * facts needed to tell two apart, a page at a time.
 */
export async function searchOrganisationsForBehalf({
  actor,
  consultationId,
  q,
  page = 1,
}: {
  actor: Actor;
  consultationId: string;
  q: string;
  page?: number;
}): Promise<{ rows: OrganisationMatch[]; more: boolean }> {
  if (!canModerate(actor, consultationId)) throw new NotFoundError();
  const term = q.trim();
  if (!term) return { rows: [], more: false };
  const db = await getDb();
  const pattern = `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const rows = await db
    .select(matchColumns)
    .from(organisations)
    .where(or(ilike(organisations.name, pattern), ilike(organisations.acronym, pattern)))
    .orderBy(asc(organisations.name), asc(organisations.id))
    .limit(ORGANISATION_SEARCH_PAGE + 1)
    .offset((page - 1) * ORGANISATION_SEARCH_PAGE);
  return {
    rows: rows.slice(0, ORGANISATION_SEARCH_PAGE).map(toMatch),
    more: rows.length > ORGANISATION_SEARCH_PAGE,
  };
}

/** The organisation an anchor chose for an input entered on its behalf. */
export async function getOrganisationForBehalf({
  actor,
  consultationId,
  organisationId,
}: {
  actor: Actor;
  consultationId: string;
  organisationId: string;
}): Promise<OrganisationMatch> {
  if (!canModerate(actor, consultationId)) throw new NotFoundError();
  const db = await getDb();
  const [r] = await db.select(matchColumns).from(organisations).where(eq(organisations.id, organisationId));
  if (!r) throw new NotFoundError();
  return toMatch(r);
}
