import "server-only";
// Submitting input (SPEC §C). Drafts belong to the organisation; submitting gives a reference per
// consultation from a counter on the consultation row (locked, so references are unique and never
// reused); one idempotency key per form instance makes retries and double clicks create one row.
import { createHash, randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, ilike, max, or, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import {
  attachments,
  auditEvents,
  consultations,
  organisations,
  submissionRevisions,
  submissions,
  type Attachment,
  type Consultation,
  type Organisation,
  type Locale,
  type Submission,
} from "@/db/schema";
import { displayFileName, inspectDocument, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, safeFileName } from "@/lib/attachments/inspect";
import { canModerate, isMember, type Actor } from "@/lib/auth/actor";
import { ConflictError, DomainError, isUniqueViolation, NotFoundError } from "@/lib/errors";
import { enqueueEmail } from "@/lib/mail/outbox";
import { regionNameIn } from "@/lib/mail/regions";
import { fileStore } from "@/lib/storage";
import { receiptCopy, receiptRecipients } from "./receipt";
import { appBaseUrl } from "@/lib/url";
import { dataChanged } from "@/lib/cache";
import type { BehalfChannel, BehalfSubmissionInput, DraftInput, SubmissionContent, SubmissionInput } from "./schemas";
import { deadlineInZone } from "@/lib/i18n/zones";
import { assertRoundTopics } from "@/lib/consultations/themes";

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export const EDITABLE: readonly Submission["status"][] = ["submitted", "changes_requested"];

const contentOf = (s: Pick<Submission, keyof SubmissionContent>): SubmissionContent => ({
  title: s.title,
  themes: s.themes,
  summary: s.summary,
  body: s.body,
  recommendations: s.recommendations,
  countries: s.countries as SubmissionContent["countries"],
  language: s.language as SubmissionContent["language"],
  contactName: s.contactName ?? "",
  contactEmail: s.contactEmail ?? "",
  publication: s.publication,
});

function pickContent(input: Pick<DraftInput, keyof SubmissionContent>) {
  return {
    title: input.title,
    themes: [...new Set(input.themes)].sort((a, b) => a - b),
    summary: input.summary,
    body: input.body,
    recommendations: input.recommendations,
    countries: [...new Set(input.countries)],
    language: input.language ?? "en",
    contactName: input.contactName ?? null,
    contactEmail: input.contactEmail ?? null,
    publication: input.publication ?? "none",
  };
}

async function assertBeforeDeadline(c: Consultation, actor: Actor, now: Date): Promise<void> {
  if (c.status !== "open") throw new DomainError("consultationClosed", 409);
  if (c.submissionDeadline && now >= c.submissionDeadline) {
    throw new DomainError("submissionClosed", 409, await deadlineInZone(actor.locale, c.submissionDeadline, c));
  }
}

async function addFiles(tx: Tx, actor: Actor, submissionId: string, files: UploadedFile[]) {
  if (files.length === 0) return;
  const [existing] = await tx.select({ n: count() }).from(attachments).where(eq(attachments.submissionId, submissionId));
  if ((existing?.n ?? 0) + files.length > MAX_ATTACHMENTS) throw new DomainError("tooManyAttachments", 400, { max: MAX_ATTACHMENTS }, "attachments");
  for (const f of files) {
    const r = inspectDocument(f.bytes);
    if (!r.ok) throw new DomainError(`attachment_${r.reason}`, 400, { name: displayFileName(f.name), max: MAX_ATTACHMENT_BYTES / 1024 / 1024 }, "attachments");
    const key = `att/${randomUUID()}`;
    await fileStore().put(tx, key, f.bytes);
    await tx.insert(attachments).values({
      submissionId,
      fileName: safeFileName(f.name, r.extension),
      mediaType: r.mediaType,
      size: f.bytes.byteLength,
      sha256: createHash("sha256").update(f.bytes).digest("hex"),
      storageKey: key,
      uploadedBy: actor.userId,
    });
  }
}

async function lockOwned(tx: Tx, actor: Actor, submissionId: string): Promise<Submission> {
  const [s] = await tx.select().from(submissions).where(eq(submissions.id, submissionId)).for("update");
  if (!s || !isMember(actor, s.organisationId)) throw new NotFoundError();
  return s;
}

/** Saves a draft (explicitly or by autosave). Two members saving from one version: the second gets a conflict. */
export async function saveDraft({ actor, input, files = [] }: { actor: Actor; input: DraftInput; files?: UploadedFile[] }): Promise<{ id: string; version: number }> {
  if (!isMember(actor, input.organisationId)) throw new NotFoundError();
  const db = await getDb();
  const attempt = () => db.transaction(async (tx) => {
    const [c] = await tx.select().from(consultations).where(eq(consultations.id, input.consultationId));
    if (!c || c.status === "draft") throw new NotFoundError();
    await assertRoundTopics(tx, c.id, input.themes);
    let target: Submission | undefined;
    if (input.submissionId) target = await lockOwned(tx, actor, input.submissionId);
    else {
      // A retried first save (the answer was lost) finds the row its key created.
      const [byKey] = await tx.select().from(submissions).where(eq(submissions.idempotencyKey, input.idempotencyKey)).for("update");
      if (byKey && !isMember(actor, byKey.organisationId)) throw new NotFoundError();
      target = byKey;
      if (target && target.status === "draft" && input.version === 0) input = { ...input, version: target.version };
    }
    if (target) {
      if (target.organisationId !== input.organisationId || target.consultationId !== input.consultationId) throw new NotFoundError();
      if (target.status !== "draft") throw new DomainError("alreadySubmitted", 409, { reference: target.reference ?? "" });
      if (target.version !== input.version) throw new ConflictError("staleDraft");
      const version = target.version + 1;
      await tx.update(submissions).set({ ...pickContent(input), version, updatedAt: new Date() }).where(eq(submissions.id, target.id));
      await addFiles(tx, actor, target.id, files);
      return { id: target.id, version };
    }
    const [row] = await tx
      .insert(submissions)
      .values({ consultationId: c.id, organisationId: input.organisationId, ...pickContent(input), idempotencyKey: input.idempotencyKey, createdBy: actor.userId })
      .returning({ id: submissions.id, version: submissions.version });
    if (!row) throw new Error("draft not created");
    await addFiles(tx, actor, row.id, files);
    return row;
  });
  try {
    return await attempt();
  } catch (e) {
    // Two first saves of one form raced (autosave and a click): the loser's insert hit the unique
    // key; run again, it finds the winner's row by that key, as a retried first save does.
    if (isUniqueViolation(e)) return attempt();
    throw e;
  }
}

/** Submits: validates the deadline, gives the reference, stores revision 1, e-mails the receipt. */
export async function submitSubmission({
  actor,
  input,
  files = [],
  now = new Date(),
}: {
  actor: Actor;
  input: SubmissionInput;
  files?: UploadedFile[];
  now?: Date;
}): Promise<{ id: string; reference: string; replayed: boolean }> {
  if (!isMember(actor, input.organisationId)) throw new NotFoundError();
  const db = await getDb();
  const attempt = () =>
    db.transaction(async (tx) => {
      // Both reads go out together (postgres.js pipelines queries on the transaction's connection);
      // the organisation's contact is read before the consultation's row is locked, as every
      // submission to it waits for that lock.
      const [[byKey], [org]] = await Promise.all([
        tx.select().from(submissions).where(eq(submissions.idempotencyKey, input.idempotencyKey)).for("update"),
        tx.select({ email: organisations.contactEmail, locale: organisations.locale }).from(organisations).where(eq(organisations.id, input.organisationId)),
      ]);
      if (byKey) {
        if (!isMember(actor, byKey.organisationId)) throw new NotFoundError();
        // The same form sent again (double click, retry, back-and-resubmit): the one submission.
        if (byKey.status !== "draft" && byKey.reference) return { id: byKey.id, reference: byKey.reference, replayed: true };
      }
      let draft: Submission | undefined = byKey;
      if (input.submissionId && input.submissionId !== byKey?.id) draft = await lockOwned(tx, actor, input.submissionId);
      if (draft) {
        if (draft.organisationId !== input.organisationId || draft.consultationId !== input.consultationId) throw new NotFoundError();
        if (draft.status !== "draft") return { id: draft.id, reference: draft.reference ?? "", replayed: true };
        if (input.submissionId && draft.version !== input.version) throw new ConflictError("staleDraft");
      }
      const content = pickContent(input);
      // A new input (no draft): the number and the row go out together (in this order, on the
      // transaction's connection), the reference made from the number by PostgreSQL: one round trip
      // fewer while the consultation's row is locked. The checks on the consultation follow and,
      // when they fail, roll both back.
      const numbered = takeNextNumber(tx, input.consultationId);
      const inserted = draft ? undefined : insertSubmitted(tx, { actor, consultationId: input.consultationId, organisationId: input.organisationId, content, idempotencyKey: input.idempotencyKey, now });
      inserted?.catch(() => {}); // judged below, after the consultation
      const c = await numbered;
      if (!c) throw new NotFoundError();
      await assertBeforeDeadline(c, actor, now);
      const r = await recordSubmitted(tx, { actor, consultation: c, organisationId: input.organisationId, org, content, idempotencyKey: input.idempotencyKey, files, now, draft, inserted: await inserted });
      return { ...r, replayed: false };
    });
  return retryOnceOnUniqueViolation(attempt);
}

// Two first sends of one form raced: the loser's insert hit the unique key; run again, and the
// winner's row (found by the key) is the answer.
async function retryOnceOnUniqueViolation<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (e) {
    if (isUniqueViolation(e)) return attempt();
    throw e;
  }
}

/** How an input the anchors entered reached them; absent for the organisation's own web form. */
export interface OnBehalf {
  channel: BehalfChannel;
  afterDeadline: boolean;
}

/**
 * Takes the consultation's next reference number, which locks its row until the transaction ends;
 * the caller's checks that follow (deadline, status) throw and roll the number back.
 */
async function takeNextNumber(tx: Tx, consultationId: string): Promise<Consultation | undefined> {
  const [c] = await tx
    .update(consultations)
    .set({ lastReference: sql`${consultations.lastReference} + 1` })
    .where(eq(consultations.id, consultationId))
    .returning();
  return c;
}

/** "ASIA-0042": the consultation's code and number, at least four digits. */
const referenceOf = (c: Pick<Consultation, "code" | "lastReference">) => `${c.code}-${String(c.lastReference).padStart(4, "0")}`;

/**
 * The submitted row of a new input, sent right after takeNextNumber in the same transaction: its
 * reference is read from the consultation's row as that update left it (as referenceOf makes it).
 * Nothing may be awaited before the insert is sent, or it could overtake the update.
 */
async function insertSubmitted(
  tx: Tx,
  x: { actor: Actor; consultationId: string; organisationId: string; content: ReturnType<typeof pickContent>; idempotencyKey: string; now: Date },
): Promise<{ id: string; reference: string }> {
  const reference = sql<string>`(select ${consultations.code} || '-' || lpad(${consultations.lastReference}::text, greatest(4, length(${consultations.lastReference}::text)), '0') from ${consultations} where ${consultations.id} = ${x.consultationId})`;
  const [row] = await tx
    .insert(submissions)
    .values({
      consultationId: x.consultationId,
      organisationId: x.organisationId,
      ...x.content,
      status: "submitted",
      reference,
      submittedAt: x.now,
      idempotencyKey: x.idempotencyKey,
      updatedAt: x.now,
      createdBy: x.actor.userId,
    })
    .returning({ id: submissions.id, reference: submissions.reference });
  return { id: row!.id, reference: row!.reference! };
}

/**
 * The one submit path, inside the caller's transaction, after takeNextNumber: the reference, the
 * submitted row (a new one, or the draft it completes), revision 1, the files, the
 * audit row and the receipt in the outbox.
 */
async function recordSubmitted(
  tx: Tx,
  x: {
    actor: Actor;
    consultation: Consultation;
    organisationId: string;
    /** The organisation's contact, when the caller read it before taking the lock. */
    org?: ReceiptContact;
    content: ReturnType<typeof pickContent>;
    idempotencyKey: string;
    files: UploadedFile[];
    now: Date;
    draft?: Submission;
    onBehalf?: OnBehalf;
    /** The row insertSubmitted already wrote with this number. */
    inserted?: { id: string; reference: string };
  },
): Promise<{ id: string; reference: string }> {
  const { actor, consultation: c, organisationId, content, now } = x;
  await assertRoundTopics(tx, c.id, content.themes);
  const reference = referenceOf(c);
  if (x.inserted && x.inserted.reference !== reference) throw new Error(`reference ${x.inserted.reference} written, ${reference} taken`);
  const submitted = { ...content, status: "submitted" as const, reference, submittedAt: now, idempotencyKey: x.idempotencyKey, updatedAt: now };
  let id: string;
  if (x.inserted) id = x.inserted.id;
  else if (x.draft) {
    id = x.draft.id;
    await tx.update(submissions).set({ ...submitted, version: x.draft.version + 1 }).where(eq(submissions.id, id));
  } else {
    const [row] = await tx
      .insert(submissions)
      .values({
        consultationId: c.id,
        organisationId,
        ...submitted,
        createdBy: actor.userId,
        ...(x.onBehalf ? { channel: x.onBehalf.channel, enteredBy: actor.userId } : {}),
      })
      .returning({ id: submissions.id });
    id = row!.id;
  }
  await addFiles(tx, actor, id, x.files);
  const audit = x.onBehalf
    ? {
        actorId: actor.userId,
        action: "submission.enteredOnBehalf",
        consultationId: c.id,
        organisationId,
        submissionId: id,
        toState: "submitted" as const,
        note: `entered on behalf, channel ${x.onBehalf.channel}${x.onBehalf.afterDeadline ? ", after the deadline" : ""}`,
      }
    : { actorId: actor.userId, action: "submission.submit", consultationId: c.id, organisationId, submissionId: id, fromState: "draft" as const, toState: "submitted" as const };
  // Independent rows of the same transaction, sent together: one round trip instead of three.
  await Promise.all([
    tx.insert(submissionRevisions).values({ submissionId: id, number: 1, content, createdBy: actor.userId }),
    tx.insert(auditEvents).values(audit),
    sendReceipt(tx, { actor, consultation: c, organisationId, reference, content, id, onBehalf: x.onBehalf, known: x.org }),
  ]);
  return { id, reference };
}

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
}: {
  actor: Actor;
  input: BehalfSubmissionInput;
  files?: UploadedFile[];
  now?: Date;
}): Promise<{ id: string; reference: string; organisationId: string; replayed: boolean }> {
  if (!canModerate(actor, input.consultationId)) throw new NotFoundError();
  const db = await getDb();
  const attempt = () =>
    db.transaction(async (tx) => {
      const [byKey] = await tx.select().from(submissions).where(eq(submissions.idempotencyKey, input.idempotencyKey)).for("update");
      if (byKey) {
        if (byKey.consultationId !== input.consultationId || !byKey.enteredBy) throw new NotFoundError();
        // The same form sent again: the one input (and the one new organisation).
        return { id: byKey.id, reference: byKey.reference ?? "", organisationId: byKey.organisationId, replayed: true };
      }
      const c = await takeNextNumber(tx, input.consultationId);
      if (!c || c.status === "draft") throw new NotFoundError();
      if (c.status !== "open") throw new DomainError("consultationClosed", 409);
      let organisationId: string;
      if (input.organisation.mode === "existing") {
        const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.organisation.id));
        if (!org) throw new NotFoundError();
        organisationId = org.id;
      } else {
        const { name, country, type, locale, contactEmail } = input.organisation;
        // No membership: the group may have no account; verification stays with the usual check.
        const [org] = await tx.insert(organisations).values({ name, country, type, locale, contactEmail: contactEmail ?? null }).returning({ id: organisations.id });
        organisationId = org!.id;
        await tx.insert(auditEvents).values({ actorId: actor.userId, action: "organisation.create", consultationId: c.id, organisationId, note: `entered on behalf, channel ${input.channel}` });
      }
      const afterDeadline = c.submissionDeadline !== null && now >= c.submissionDeadline;
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
    .select({ id: organisations.id, name: organisations.name, acronym: organisations.acronym, country: organisations.country, type: organisations.type, verifiedAt: organisations.verifiedAt })
    .from(organisations)
    .where(or(ilike(organisations.name, pattern), ilike(organisations.acronym, pattern)))
    .orderBy(asc(organisations.name), asc(organisations.id))
    .limit(ORGANISATION_SEARCH_PAGE + 1)
    .offset((page - 1) * ORGANISATION_SEARCH_PAGE);
  return {
    rows: rows.slice(0, ORGANISATION_SEARCH_PAGE).map(({ verifiedAt, ...r }) => ({ ...r, verified: verifiedAt !== null })),
    more: rows.length > ORGANISATION_SEARCH_PAGE,
  };
}

/** The organisation an anchor chose for an input entered on its behalf. */
export async function getOrganisationForBehalf({ actor, consultationId, organisationId }: { actor: Actor; consultationId: string; organisationId: string }): Promise<OrganisationMatch> {
  if (!canModerate(actor, consultationId)) throw new NotFoundError();
  const db = await getDb();
  const [r] = await db
    .select({ id: organisations.id, name: organisations.name, acronym: organisations.acronym, country: organisations.country, type: organisations.type, verifiedAt: organisations.verifiedAt })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!r) throw new NotFoundError();
  const { verifiedAt, ...rest } = r;
  return { ...rest, verified: verifiedAt !== null };
}

interface ReceiptContact {
  email: string | null;
  locale: Locale;
}

async function sendReceipt(
  tx: Tx,
  x: { actor: Actor; consultation: Consultation; organisationId: string; reference: string; content: ReturnType<typeof pickContent>; id: string; onBehalf?: OnBehalf; known?: ReceiptContact },
) {
  const { consultation: c, organisationId, reference, content, id, onBehalf } = x;
  const org = x.known ?? (await tx.select({ email: organisations.contactEmail, locale: organisations.locale }).from(organisations).where(eq(organisations.id, organisationId)))[0];
  if (!org) return;
  const valuesIn = async (locale: Locale) => ({
    reference,
    title: content.title,
    region: await regionNameIn(locale, c.slug, c.region),
    url: `${await appBaseUrl()}/${locale}/submissions/${id}`,
  });
  if (onBehalf) {
    // An organisation created from a letter or a call may have no address: no receipt then.
    if (!org.email) return;
    await enqueueEmail(tx, { to: org.email, organisationId, locale: org.locale, template: "submissionEnteredOnBehalf", values: { ...(await valuesIn(org.locale)), channel: onBehalf.channel } });
    return;
  }
  // The organisation's own form: to the person who sent it and to the contact person it names.
  for (const r of receiptRecipients(x.actor, content.contactEmail, org.locale)) {
    const values = { ...(await valuesIn(r.locale)), copy: await receiptCopy(tx, r.locale, content) };
    await enqueueEmail(tx, { to: r.to, organisationId, locale: r.locale, template: "submissionReceipt", values });
  }
}

/** After submitting: edits while submitted or changes requested and before the deadline; each is a revision. */
export async function editSubmission({
  actor,
  submissionId,
  version,
  content,
  files = [],
  now = new Date(),
}: {
  actor: Actor;
  submissionId: string;
  version: number;
  content: SubmissionContent;
  files?: UploadedFile[];
  now?: Date;
}): Promise<{ version: number; revision: number }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const s = await lockOwned(tx, actor, submissionId);
    if (!EDITABLE.includes(s.status)) throw new DomainError("notEditable", 409);
    const [c] = await tx.select().from(consultations).where(eq(consultations.id, s.consultationId));
    await assertBeforeDeadline(c!, actor, now);
    if (s.version !== version) throw new ConflictError("staleSubmission");
    await assertRoundTopics(tx, s.consultationId, content.themes);
    const [last] = await tx.select({ n: max(submissionRevisions.number) }).from(submissionRevisions).where(eq(submissionRevisions.submissionId, s.id));
    const revision = (last?.n ?? 0) + 1;
    const next = pickContent(content);
    await tx.update(submissions).set({ ...next, status: "submitted", version: s.version + 1, updatedAt: now }).where(eq(submissions.id, s.id));
    await tx.insert(submissionRevisions).values({ submissionId: s.id, number: revision, content: next, createdBy: actor.userId });
    await addFiles(tx, actor, s.id, files);
    await tx.insert(auditEvents).values({ actorId: actor.userId, action: "submission.edit", consultationId: s.consultationId, organisationId: s.organisationId, submissionId: s.id, fromState: s.status, toState: "submitted", note: `revision ${revision}` });
    return { version: s.version + 1, revision };
  });
}

/** Withdraws a submitted input, or discards a draft. */
export async function withdrawSubmission({ actor, submissionId, version }: { actor: Actor; submissionId: string; version: number }): Promise<"withdrawn" | "discarded"> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const s = await lockOwned(tx, actor, submissionId);
    if (s.version !== version) throw new ConflictError("staleSubmission");
    if (s.status === "draft") {
      const files = await tx.select().from(attachments).where(eq(attachments.submissionId, s.id));
      for (const f of files) await fileStore().delete(tx, f.storageKey);
      await tx.delete(submissions).where(eq(submissions.id, s.id));
      return "discarded" as const;
    }
    if (!["submitted", "changes_requested", "accepted"].includes(s.status)) throw new DomainError("notEditable", 409);
    await tx.update(submissions).set({ status: "withdrawn", publishedAt: null, version: s.version + 1, updatedAt: new Date() }).where(eq(submissions.id, s.id));
    await tx.insert(auditEvents).values({ actorId: actor.userId, action: "submission.withdraw", consultationId: s.consultationId, organisationId: s.organisationId, submissionId: s.id, fromState: s.status, toState: "withdrawn" });
    return "withdrawn" as const;
  });
}

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
export async function getOwnSubmission({ actor, submissionId, now = new Date() }: { actor: Actor; submissionId: string; now?: Date }): Promise<OwnSubmission> {
  const db = await getDb();
  const [s] = await db.select().from(submissions).where(eq(submissions.id, submissionId));
  if (!s || !isMember(actor, s.organisationId)) throw new NotFoundError();
  const [c] = await db.select().from(consultations).where(eq(consultations.id, s.consultationId));
  const files = await db.select().from(attachments).where(eq(attachments.submissionId, s.id)).orderBy(asc(attachments.createdAt));
  const [revs] = await db.select({ n: count() }).from(submissionRevisions).where(eq(submissionRevisions.submissionId, s.id));
  const beforeDeadline = c!.status === "open" && (!c!.submissionDeadline || now < c!.submissionDeadline);
  return {
    submission: s,
    consultation: c!,
    attachments: files,
    revisions: revs?.n ?? 0,
    editable: (s.status === "draft" || EDITABLE.includes(s.status)) && beforeDeadline,
  };
}

/** Drafts of an organisation for a consultation (to continue one). */
export async function listDrafts({ actor, organisationId, consultationId }: { actor: Actor; organisationId: string; consultationId: string }): Promise<Submission[]> {
  if (!isMember(actor, organisationId)) throw new NotFoundError();
  const db = await getDb();
  return db
    .select()
    .from(submissions)
    .where(and(eq(submissions.organisationId, organisationId), eq(submissions.consultationId, consultationId), eq(submissions.status, "draft")))
    .orderBy(desc(submissions.updatedAt));
}

/** Attachment bytes for those allowed: the organisation's members, the consultation's anchors, the secretariat. */
export async function getAttachmentForDownload({ actor, attachmentId }: { actor: Actor; attachmentId: string }): Promise<{ attachment: Attachment; bytes: Uint8Array }> {
  const db = await getDb();
  const [row] = await db
    .select({ a: attachments, orgId: submissions.organisationId, consultationId: submissions.consultationId })
    .from(attachments)
    .innerJoin(submissions, eq(submissions.id, attachments.submissionId))
    .where(eq(attachments.id, attachmentId));
  if (!row || !(isMember(actor, row.orgId) || canModerate(actor, row.consultationId))) throw new NotFoundError();
  const bytes = await fileStore().get(row.a.storageKey);
  if (!bytes) throw new NotFoundError();
  return { attachment: row.a, bytes };
}

export async function removeAttachment({ actor, attachmentId }: { actor: Actor; attachmentId: string }): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ a: attachments }).from(attachments).where(eq(attachments.id, attachmentId));
    if (!row) throw new NotFoundError();
    const s = await lockOwned(tx, actor, row.a.submissionId);
    if (s.status !== "draft" && !EDITABLE.includes(s.status)) throw new DomainError("notEditable", 409);
    await tx.delete(attachments).where(eq(attachments.id, attachmentId));
    await fileStore().delete(tx, row.a.storageKey);
    return s.id;
  });
}

export { contentOf };
