import "server-only";
// The parts every way of recording an input shares — the organisation's own form (index.ts) and the
// anchors' entry on its behalf (behalf.ts): the content as stored, the files, the reference number,
// the submitted row with revision 1, its audit row and the receipt.
import { createHash, randomUUID } from "node:crypto";
import { count, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  attachments,
  consultations,
  organisations,
  submissionRevisions,
  submissions,
  type Consultation,
  type Locale,
  type Submission,
} from "@/db/schema";
import { aboutSubmission, recordAudit } from "@/lib/audit";
import {
  displayFileName,
  inspectDocument,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  safeFileName,
} from "@/lib/attachments/inspect";
import { isMember, type Actor } from "@/lib/auth/actor";
import { consultationPhase } from "@/lib/consultations/phase";
import { assertRoundTopics } from "@/lib/consultations/themes";
import { DomainError, isUniqueViolation, NotFoundError } from "@/lib/errors";
import { deadlineInZone } from "@/lib/i18n/zones";
import { enqueueEmail, enqueueEmails } from "@/lib/mail/outbox";
import { regionNameIn } from "@/lib/mail/regions";
import { fileStore } from "@/lib/storage";
import { appBaseUrl } from "@/lib/url";
import { TRANSITIONS } from "./lifecycle";
import { receiptCopy, receiptRecipients, topicNames, type TopicNames } from "./receipt";
import type { BehalfChannel, DraftInput, SubmissionContent } from "./schemas";

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** Who records an input, the files that come with it, and when (tests pass their own clock). */
export interface Recording {
  actor: Actor;
  files?: UploadedFile[];
  now?: Date;
}

export const contentOf = (s: Pick<Submission, keyof SubmissionContent>): SubmissionContent => ({
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

export function pickContent(input: Pick<DraftInput, keyof SubmissionContent>) {
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

export async function assertBeforeDeadline(c: Consultation, actor: Actor, now: Date): Promise<void> {
  const phase = consultationPhase(c, now);
  if (phase === "closed") throw new DomainError("consultationClosed", 409);
  if (phase === "submissions_closed")
    throw new DomainError("submissionClosed", 409, await deadlineInZone(actor.locale, c.submissionDeadline!, c));
}

export async function addFiles(tx: Tx, actor: Actor, submissionId: string, files: UploadedFile[]) {
  if (files.length === 0) return;
  const [existing] = await tx
    .select({ n: count() })
    .from(attachments)
    .where(eq(attachments.submissionId, submissionId));
  if ((existing?.n ?? 0) + files.length > MAX_ATTACHMENTS)
    throw new DomainError("tooManyAttachments", 400, { max: MAX_ATTACHMENTS }, "attachments");
  for (const f of files) {
    const r = inspectDocument(f.bytes);
    if (!r.ok)
      throw new DomainError(
        `attachment_${r.reason}`,
        400,
        { name: displayFileName(f.name), max: MAX_ATTACHMENT_BYTES / 1024 / 1024 },
        "attachments",
      );
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

export async function lockOwned(tx: Tx, actor: Actor, submissionId: string): Promise<Submission> {
  const [s] = await tx.select().from(submissions).where(eq(submissions.id, submissionId)).for("update");
  if (!s || !isMember(actor, s.organisationId)) throw new NotFoundError();
  return s;
}

// Two first sends of one form raced: the loser's insert hit the unique key; run again, and the
// winner's row (found by the key) is the answer.
export async function retryOnceOnUniqueViolation<T>(attempt: () => Promise<T>): Promise<T> {
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
export async function takeNextNumber(tx: Tx, consultationId: string): Promise<Consultation | undefined> {
  const [c] = await tx
    .update(consultations)
    .set({ lastReference: sql`${consultations.lastReference} + 1` })
    .where(eq(consultations.id, consultationId))
    .returning();
  return c;
}

/** "ASIA-0042": the consultation's code and number, at least four digits. */
const referenceOf = (c: Pick<Consultation, "code" | "lastReference">) =>
  `${c.code}-${String(c.lastReference).padStart(4, "0")}`;

/**
 * The submitted row of a new input, sent right after takeNextNumber in the same transaction: its
 * reference is read from the consultation's row as that update left it (as referenceOf makes it).
 * Nothing may be awaited before the insert is sent, or it could overtake the update.
 */
export async function insertSubmitted(
  tx: Tx,
  x: {
    actor: Actor;
    consultationId: string;
    organisationId: string;
    content: ReturnType<typeof pickContent>;
    idempotencyKey: string;
    now: Date;
  },
): Promise<{ id: string; reference: string }> {
  const reference = sql<string>`(select ${consultations.code} || '-' || lpad(${consultations.lastReference}::text, greatest(4, length(${consultations.lastReference}::text)), '0') from ${consultations} where ${consultations.id} = ${x.consultationId})`;
  const [row] = await tx
    .insert(submissions)
    .values({
      consultationId: x.consultationId,
      organisationId: x.organisationId,
      ...x.content,
      status: TRANSITIONS.submit.to,
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
export async function recordSubmitted(
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
    /** The reads startReceiptReads sent with the number, when the caller sent them (one round trip fewer). */
    early?: EarlyReads;
  },
): Promise<{ id: string; reference: string }> {
  const { actor, consultation: c, organisationId, content, now } = x;
  // Every submit path (the organisation's, the anchors' on its behalf): only the round's topics.
  const [contact, names] = await (x.early ??
    startReceiptReads(tx, { actor, consultationId: c.id, organisationId, org: x.org, content, onBehalf: x.onBehalf }));
  const reference = referenceOf(c);
  if (x.inserted && x.inserted.reference !== reference)
    throw new Error(`reference ${x.inserted.reference} written, ${reference} taken`);
  const submitted = {
    ...content,
    status: TRANSITIONS.submit.to,
    reference,
    submittedAt: now,
    idempotencyKey: x.idempotencyKey,
    updatedAt: now,
  };
  let id: string;
  if (x.inserted) id = x.inserted.id;
  else if (x.draft) {
    id = x.draft.id;
    await tx
      .update(submissions)
      .set({ ...submitted, version: x.draft.version + 1 })
      .where(eq(submissions.id, id));
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
        action: "submission.enteredOnBehalf",
        note: `entered on behalf, channel ${x.onBehalf.channel}${x.onBehalf.afterDeadline ? ", after the deadline" : ""}`,
      }
    : { action: "submission.submit", fromState: TRANSITIONS.submit.from[0] };
  // Independent rows of the same transaction, sent together: one round trip instead of three.
  await Promise.all([
    tx.insert(submissionRevisions).values({ submissionId: id, number: 1, content, createdBy: actor.userId }),
    recordAudit(tx, actor.userId, {
      ...audit,
      ...aboutSubmission({ id, consultationId: c.id, organisationId }),
      toState: TRANSITIONS.submit.to,
    }),
    sendReceipt(tx, {
      actor,
      consultation: c,
      organisationId,
      reference,
      content,
      id,
      onBehalf: x.onBehalf,
      contact,
      names,
    }),
  ]);
  return { id, reference };
}

type EarlyReads = Promise<[ReceiptContact | undefined, TopicNames]>;

/**
 * The reads a submit needs besides the row itself, sent at once (postgres.js pipelines them on the
 * transaction's connection): the topics' check (a share lock on them, and "topicNotInRound" beside
 * the field when one is not the round's), the organisation's contact unless known, and the topics'
 * names in the receipts' languages. Resolves to the contact and the names.
 */
export function startReceiptReads(
  tx: Tx,
  x: {
    actor: Actor;
    consultationId: string;
    organisationId: string;
    org?: ReceiptContact;
    content: ReturnType<typeof pickContent>;
    onBehalf?: OnBehalf;
  },
): EarlyReads {
  const topics = assertRoundTopics(tx, x.consultationId, x.content.themes);
  const contact = x.org
    ? Promise.resolve(x.org)
    : tx
        .select({ email: organisations.contactEmail, locale: organisations.locale })
        .from(organisations)
        .where(eq(organisations.id, x.organisationId))
        .then((rows) => rows[0]);
  // The copy of the text goes only with the organisation's own form's receipts, in their languages
  // (the contact person's is the organisation's: sent at once when known, else after the contact).
  const namesFor = (org: ReceiptContact | undefined): Promise<TopicNames> =>
    x.onBehalf || !org
      ? Promise.resolve(new Map())
      : topicNames(
          tx,
          receiptRecipients(x.actor, x.content.contactEmail, org.locale).map((r) => r.locale),
          x.content.themes,
        );
  const names = x.org ? namesFor(x.org) : contact.then(namesFor);
  const all = Promise.all([topics, contact, names]).then(
    ([, c, n]) => [c, n] as [ReceiptContact | undefined, TopicNames],
  );
  all.catch(() => {}); // judged where awaited
  return all;
}

interface ReceiptContact {
  email: string | null;
  locale: Locale;
}

async function sendReceipt(
  tx: Tx,
  x: {
    actor: Actor;
    consultation: Consultation;
    organisationId: string;
    reference: string;
    content: ReturnType<typeof pickContent>;
    id: string;
    onBehalf?: OnBehalf;
    contact: ReceiptContact | undefined;
    names: TopicNames;
  },
) {
  const { consultation: c, organisationId, reference, content, id, onBehalf, contact: org } = x;
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
    await enqueueEmail(tx, {
      to: org.email,
      organisationId,
      locale: org.locale,
      template: "submissionEnteredOnBehalf",
      values: { ...(await valuesIn(org.locale)), channel: onBehalf.channel },
    });
    return;
  }
  // The organisation's own form: to the person who sent it and to the contact person it names, in one insert.
  const receipts = await Promise.all(
    receiptRecipients(x.actor, content.contactEmail, org.locale).map(async (r) => ({
      to: r.to,
      organisationId,
      locale: r.locale,
      template: "submissionReceipt" as const,
      values: { ...(await valuesIn(r.locale)), copy: await receiptCopy(r.locale, content, x.names) },
    })),
  );
  await enqueueEmails(tx, receipts);
}
