import "server-only";
// One input as its moderators see it: content, organisation, revisions and their differences,
// internal notes (never shown to the organisation) and the audit log.
import { diffWordsWithSpace } from "diff";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import {
  attachments,
  auditEvents,
  consultations,
  internalNotes,
  organisations,
  registrations,
  submissionRevisions,
  submissions,
  users,
  type Attachment,
  type Consultation,
  type Organisation,
  type Submission,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { userLabel } from "@/lib/db-select";
import { NotFoundError } from "@/lib/errors";
import { submissionForModeration } from "./access";

export interface ModerationDetail {
  submission: Submission;
  consultation: Consultation;
  /** hasMembers: someone has an account for it (one created from a letter or a call has none). */
  organisation: Pick<Organisation, "id" | "name" | "acronym" | "type" | "country" | "verifiedAt"> & {
    hasMembers: boolean;
  };
  registrationStatus: string | null;
  attachments: Attachment[];
  revisions: { number: number; createdAt: Date; by: string | null }[];
  notes: { id: string; body: string; createdAt: Date; by: string | null }[];
  audit: {
    id: number;
    action: string;
    fromState: string | null;
    toState: string | null;
    note: string | null;
    createdAt: Date;
    by: string | null;
  }[];
  duplicateOfReference: string | null;
  /** Who entered it, when an anchor entered it on the organisation's behalf. */
  enteredBy: string | null;
}

/** An input's audit log, newest first, each step with who took it. */
export function auditLog(db: DbOrTx, submissionId: string, limit: number) {
  return db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      fromState: auditEvents.fromState,
      toState: auditEvents.toState,
      note: auditEvents.note,
      createdAt: auditEvents.createdAt,
      by: userLabel,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(eq(auditEvents.submissionId, submissionId))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}

export async function getSubmissionForModeration({
  actor,
  submissionId,
}: {
  actor: Actor;
  submissionId: string;
}): Promise<ModerationDetail> {
  const db = await getDb();
  const s = await submissionForModeration(db, actor, submissionId);
  const [[c], [org], reg, files, revs, notes, audit, dup, enteredBy] = await Promise.all([
    db.select().from(consultations).where(eq(consultations.id, s.consultationId)),
    db
      .select({
        id: organisations.id,
        name: organisations.name,
        acronym: organisations.acronym,
        type: organisations.type,
        country: organisations.country,
        verifiedAt: organisations.verifiedAt,
        // Qualified by hand: drizzle leaves columns unqualified when a query reads one table.
        hasMembers: sql<boolean>`exists (select 1 from memberships m where m.organisation_id = "organisations"."id")`,
      })
      .from(organisations)
      .where(eq(organisations.id, s.organisationId)),
    db
      .select({ status: registrations.status })
      .from(registrations)
      .where(
        and(eq(registrations.organisationId, s.organisationId), eq(registrations.consultationId, s.consultationId)),
      ),
    db.select().from(attachments).where(eq(attachments.submissionId, s.id)).orderBy(asc(attachments.createdAt)),
    db
      .select({
        number: submissionRevisions.number,
        createdAt: submissionRevisions.createdAt,
        by: userLabel,
      })
      .from(submissionRevisions)
      .leftJoin(users, eq(users.id, submissionRevisions.createdBy))
      .where(eq(submissionRevisions.submissionId, s.id))
      .orderBy(asc(submissionRevisions.number)),
    db
      .select({
        id: internalNotes.id,
        body: internalNotes.body,
        createdAt: internalNotes.createdAt,
        by: userLabel,
      })
      .from(internalNotes)
      .leftJoin(users, eq(users.id, internalNotes.authorId))
      .where(eq(internalNotes.submissionId, s.id))
      .orderBy(asc(internalNotes.createdAt)),
    auditLog(db, s.id, 200),
    s.duplicateOfId
      ? db.select({ reference: submissions.reference }).from(submissions).where(eq(submissions.id, s.duplicateOfId))
      : Promise.resolve([]),
    s.enteredBy ? db.select({ by: userLabel }).from(users).where(eq(users.id, s.enteredBy)) : Promise.resolve([]),
  ]);
  if (!c || !org) throw new NotFoundError();
  return {
    submission: s,
    consultation: c,
    organisation: org,
    registrationStatus: reg[0]?.status ?? null,
    attachments: files,
    revisions: revs,
    notes,
    audit,
    duplicateOfReference: dup[0]?.reference ?? null,
    enteredBy: enteredBy[0]?.by ?? null,
  };
}

export type DiffPart = { value: string; added?: boolean; removed?: boolean };
/**
 * One changed field: text compared word by word; themes and countries compared as sets (what was
 * added, what was removed, whatever the order); language and publication as before → after. The
 * page names the codes (theme numbers, country and language codes) in the reader's language.
 */
export type RevisionDiff =
  | { kind: "text"; field: "title" | "summary" | "body" | "recommendations"; parts: DiffPart[] }
  | { kind: "set"; field: "themes" | "countries"; added: string[]; removed: string[] }
  | { kind: "value"; field: "language" | "publication"; before: string; after: string };

const TEXT_FIELDS = ["title", "summary", "body", "recommendations"] as const;
const SET_FIELDS = ["themes", "countries"] as const;
const VALUE_FIELDS = ["language", "publication"] as const;

function asText(v: unknown): string {
  if (Array.isArray(v)) return v.map(String).join("\n");
  return v === null || v === undefined ? "" : String(v);
}

const asSet = (v: unknown) => new Set(Array.isArray(v) ? v.map(String) : []);

/** What changed between two revisions, field by field (changed fields only). */
export function compareRevisions(a: Record<string, unknown>, b: Record<string, unknown>): RevisionDiff[] {
  const out: RevisionDiff[] = [];
  for (const field of TEXT_FIELDS) {
    const before = asText(a[field]);
    const after = asText(b[field]);
    if (before !== after)
      out.push({
        kind: "text",
        field,
        parts: diffWordsWithSpace(before, after).map((p) => ({
          value: p.value,
          added: p.added || undefined,
          removed: p.removed || undefined,
        })),
      });
  }
  for (const field of SET_FIELDS) {
    const before = asSet(a[field]);
    const after = asSet(b[field]);
    const added = [...after].filter((x) => !before.has(x));
    const removed = [...before].filter((x) => !after.has(x));
    if (added.length || removed.length) out.push({ kind: "set", field, added, removed });
  }
  for (const field of VALUE_FIELDS) {
    const before = asText(a[field]);
    const after = asText(b[field]);
    if (before !== after) out.push({ kind: "value", field, before, after });
  }
  return out;
}

/** A readable difference between two revisions of an input its moderator may see. */
export async function diffRevisions({
  actor,
  submissionId,
  from,
  to,
}: {
  actor: Actor;
  submissionId: string;
  from: number;
  to: number;
}): Promise<RevisionDiff[]> {
  const db = await getDb();
  await submissionForModeration(db, actor, submissionId);
  const revs = await db
    .select({ number: submissionRevisions.number, content: submissionRevisions.content })
    .from(submissionRevisions)
    .where(and(eq(submissionRevisions.submissionId, submissionId), inArray(submissionRevisions.number, [from, to])));
  const a = revs.find((r) => r.number === from)?.content as Record<string, unknown> | undefined;
  const b = revs.find((r) => r.number === to)?.content as Record<string, unknown> | undefined;
  if (!a || !b) throw new NotFoundError();
  return compareRevisions(a, b);
}
