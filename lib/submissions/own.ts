import "server-only";
// The organisation's own inputs as its members read them: the list of all of them, one input with its
// files and revision count (never the moderators' internal notes), and its drafts for a consultation.
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  attachments,
  consultations,
  submissionRevisions,
  submissions,
  type Attachment,
  type Consultation,
  type Submission,
} from "@/db/schema";
import { isMember, type Actor } from "@/lib/auth/actor";
import { consultationPhase } from "@/lib/consultations/phase";
import { NotFoundError } from "@/lib/errors";
import { isOpenForChanges } from "./lifecycle";

export interface OwnSubmissionRow {
  id: string;
  reference: string | null;
  title: string;
  status: Submission["status"];
  updatedAt: Date;
  consultationSlug: string;
  consultationRegion: string;
  /** Entered by the consultation's anchors from an input sent by e-mail, paper or voice. */
  enteredByAnchors: boolean;
  channel: Submission["channel"];
}

export const OWN_SUBMISSIONS_PAGE_SIZE = 50;

/** One organisation's inputs, drafts included, most recently changed first, a page at a time. */
export async function listOwnSubmissions({
  actor,
  organisationId,
  page = 1,
  pageSize = OWN_SUBMISSIONS_PAGE_SIZE,
}: {
  actor: Actor;
  organisationId: string;
  page?: number;
  pageSize?: number;
}): Promise<{ rows: OwnSubmissionRow[]; total: number; page: number; pages: number }> {
  if (!isMember(actor, organisationId)) throw new NotFoundError();
  const db = await getDb();
  const [[counted], rows] = await Promise.all([
    db.select({ n: count() }).from(submissions).where(eq(submissions.organisationId, organisationId)),
    db
      .select({
        id: submissions.id,
        reference: submissions.reference,
        title: submissions.title,
        status: submissions.status,
        updatedAt: submissions.updatedAt,
        consultationSlug: consultations.slug,
        consultationRegion: consultations.region,
        enteredByAnchors: sql<boolean>`${submissions.enteredBy} is not null`,
        channel: submissions.channel,
      })
      .from(submissions)
      .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
      .where(eq(submissions.organisationId, organisationId))
      .orderBy(desc(submissions.updatedAt), desc(submissions.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
  ]);
  const total = counted?.n ?? 0;
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

export interface OwnSubmission {
  submission: Submission;
  consultation: Consultation;
  attachments: Attachment[];
  revisions: number;
  editable: boolean;
}

/** The organisation's own view: content, status, the moderators' message — never internal notes. */
export async function getOwnSubmission({
  actor,
  submissionId,
  now = new Date(),
}: {
  actor: Actor;
  submissionId: string;
  now?: Date;
}): Promise<OwnSubmission> {
  const db = await getDb();
  const [s] = await db.select().from(submissions).where(eq(submissions.id, submissionId));
  if (!s || !isMember(actor, s.organisationId)) throw new NotFoundError();
  const [c] = await db.select().from(consultations).where(eq(consultations.id, s.consultationId));
  const files = await db
    .select()
    .from(attachments)
    .where(eq(attachments.submissionId, s.id))
    .orderBy(asc(attachments.createdAt));
  const [revs] = await db
    .select({ n: count() })
    .from(submissionRevisions)
    .where(eq(submissionRevisions.submissionId, s.id));
  const beforeDeadline = consultationPhase(c!, now) === "open";
  return {
    submission: s,
    consultation: c!,
    attachments: files,
    revisions: revs?.n ?? 0,
    editable: isOpenForChanges(s.status) && beforeDeadline,
  };
}

/** Drafts of an organisation for a consultation (to continue one). */
export async function listDrafts({
  actor,
  organisationId,
  consultationId,
}: {
  actor: Actor;
  organisationId: string;
  consultationId: string;
}): Promise<Submission[]> {
  if (!isMember(actor, organisationId)) throw new NotFoundError();
  const db = await getDb();
  return db
    .select()
    .from(submissions)
    .where(
      and(
        eq(submissions.organisationId, organisationId),
        eq(submissions.consultationId, consultationId),
        eq(submissions.status, "draft"),
      ),
    )
    .orderBy(desc(submissions.updatedAt));
}
