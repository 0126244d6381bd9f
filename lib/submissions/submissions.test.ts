// Submitting input on real databases: one row per form instance however often it is sent,
// unique contiguous references under concurrency, draft conflicts between members, revisions, the
// deadline in the consultation's time zone, attachments judged by content inside the same
// transaction, and who may see what.
import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  attachments,
  auditEvents,
  consultations,
  emailOutbox,
  storedFiles,
  submissionRevisions,
  submissions,
  themeTranslations,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { drivers, rowCounts, type TestDatabase } from "@/lib/testing/db";
import { openWorld, type World } from "@/lib/testing/fixtures";
import { zonedLocalToUtc } from "@/lib/time";
import {
  editSubmission,
  getAttachmentForDownload,
  getOwnSubmission,
  listDrafts,
  saveDraft,
  submitSubmission,
  listOwnSubmissions,
  withdrawSubmission,
  type UploadedFile,
} from "./index";
import { draftSchema, submissionSchema, type SubmissionContent } from "./schemas";
import { executable, oversizedPdf, pdf } from "@/lib/testing/files";
import {
  beforeDeadlines as before,
  caught,
  idempotencyKey as key,
  inputContent,
  lastReference as lastReferenceOf,
} from "@/lib/testing/inputs";

// ---------------------------------------------------------------- fixtures
const content = (title: string, body = "What the organisation has to say."): SubmissionContent =>
  inputContent({
    title,
    body,
    themes: [3, 1],
    recommendations: ["Ratify the convention", ""],
    countries: ["TH", "PH"],
  });

describe.each(drivers)("submissions on %s", (driver) => {
  let t: TestDatabase;
  let w: World;
  let memberA: Actor;
  let ownerA: Actor;
  let memberB: Actor;
  let anchorX: Actor;
  let anchorY: Actor;
  let secretariat: Actor;

  const submitInput = (
    title: string,
    over: { idempotencyKey?: string; submissionId?: string; version?: number; body?: string } = {},
  ) =>
    submissionSchema.parse({
      consultationId: w.consultationX,
      organisationId: w.orgA,
      submissionId: over.submissionId,
      version: over.version ?? 0,
      idempotencyKey: over.idempotencyKey ?? key(),
      intent: "submit",
      ...content(title, over.body),
    });
  const draftInput = (title: string, over: { idempotencyKey?: string; submissionId?: string; version?: number } = {}) =>
    draftSchema.parse({
      consultationId: w.consultationX,
      organisationId: w.orgA,
      submissionId: over.submissionId,
      version: over.version ?? 0,
      idempotencyKey: over.idempotencyKey ?? key(),
      intent: "draft",
      title,
      body: `Draft body of ${title}`,
    });
  const submit = (
    actor: Actor,
    title: string,
    opts: { files?: UploadedFile[]; now?: Date; idempotencyKey?: string } = {},
  ) =>
    submitSubmission({
      actor,
      input: submitInput(title, { idempotencyKey: opts.idempotencyKey }),
      files: opts.files,
      now: opts.now ?? before,
    });

  const stored = async (id: string) => (await t.db.select().from(submissions).where(eq(submissions.id, id)))[0]!;
  const lastReference = () => lastReferenceOf(t.db, w.consultationX);
  const totals = async () => ({
    ...(await rowCounts(t.db, {
      submissions,
      attachments,
      storedFiles,
      revisions: submissionRevisions,
      audit: auditEvents,
      outbox: emailOutbox,
    })),
    lastReference: await lastReference(),
  });

  beforeAll(async () => {
    ({ t, w } = await openWorld(driver));
    memberA = await w.actor("memberA");
    ownerA = await w.actor("ownerA");
    memberB = await w.actor("memberB");
    anchorX = await w.actor("anchorX");
    anchorY = await w.actor("anchorY");
    secretariat = await w.actor("secretariat");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("gives unique contiguous references to 20 inputs submitted at once", async () => {
    const from = await lastReference();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => submit(i % 2 ? memberA : ownerA, `Concurrent ${i}`)),
    );
    const references = results.map((r) => r.reference);
    for (const r of references) expect(r).toMatch(/^ASIA-\d{4}$/);
    expect(new Set(references).size).toBe(20);
    expect(new Set(results.map((r) => r.id)).size).toBe(20);
    expect(results.every((r) => !r.replayed)).toBe(true);
    const numbers = references.map((r) => Number(r.slice("ASIA-".length))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => from + i + 1));
    expect(await lastReference()).toBe(from + 20);
    if (from === 0) expect(references).toContain("ASIA-0001");
  });

  it("creates one submission per idempotency key, sent twice or twice at once", async () => {
    const k = key();
    const input = submitInput("Sent twice", { idempotencyKey: k });
    const first = await submitSubmission({ actor: memberA, input, now: before });
    const second = await submitSubmission({ actor: memberA, input, now: before });
    expect(first.replayed).toBe(false);
    expect(second).toEqual({ id: first.id, reference: first.reference, replayed: true });
    const [rows] = await t.db.select({ n: count() }).from(submissions).where(eq(submissions.idempotencyKey, k));
    expect(rows?.n).toBe(1);

    const k2 = key();
    const from = await lastReference();
    const outboxBefore = (await totals()).outbox;
    const both = await Promise.all([
      submitSubmission({ actor: memberA, input: submitInput("Double click", { idempotencyKey: k2 }), now: before }),
      submitSubmission({ actor: ownerA, input: submitInput("Double click", { idempotencyKey: k2 }), now: before }),
    ]);
    expect(both[0].id).toBe(both[1].id);
    expect(both[0].reference).toBe(both[1].reference);
    expect(both.map((r) => r.replayed).sort()).toEqual([false, true]);
    const [rows2] = await t.db.select({ n: count() }).from(submissions).where(eq(submissions.idempotencyKey, k2));
    expect(rows2?.n).toBe(1);
    // The loser's reference number was rolled back with its transaction: none is skipped.
    expect(await lastReference()).toBe(from + 1);
    // One receipt each to the submitter and the contact person, for the one submission.
    expect((await totals()).outbox).toBe(outboxBefore + 2);
  });

  it("keeps drafts to the organisation, and refuses the second of two saves from one version", async () => {
    const created = await saveDraft({ actor: memberA, input: draftInput("Our draft") });
    expect(created.version).toBe(1);
    const row = await stored(created.id);
    expect(row.status).toBe("draft");
    expect(row.reference).toBeNull();
    expect(row.organisationId).toBe(w.orgA);

    // memberA and ownerA both opened version 1; memberA saves first.
    const first = await saveDraft({
      actor: memberA,
      input: draftInput("memberA's text", { submissionId: created.id, version: 1 }),
    });
    expect(first).toEqual({ id: created.id, version: 2 });
    const second = await caught(
      saveDraft({ actor: ownerA, input: draftInput("ownerA's text", { submissionId: created.id, version: 1 }) }),
    );
    expect(second).toBeInstanceOf(ConflictError);
    expect(second.code).toBe("staleDraft");
    expect((await stored(created.id)).title).toBe("memberA's text");

    // The same race, at once: exactly one wins, and its text is the one stored.
    const race = await Promise.allSettled([
      saveDraft({ actor: memberA, input: draftInput("race memberA", { submissionId: created.id, version: 2 }) }),
      saveDraft({ actor: ownerA, input: draftInput("race ownerA", { submissionId: created.id, version: 2 }) }),
    ]);
    const won = race.findIndex((r) => r.status === "fulfilled");
    expect(race.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = race[1 - won] as PromiseRejectedResult;
    expect((lost.reason as DomainError).code).toBe("staleDraft");
    expect((await stored(created.id)).title).toBe(won === 0 ? "race memberA" : "race ownerA");
    expect((await stored(created.id)).version).toBe(3);

    // Organisation B sees nothing of it.
    await expect(getOwnSubmission({ actor: memberB, submissionId: created.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      listDrafts({ actor: memberB, organisationId: w.orgA, consultationId: w.consultationX }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      saveDraft({
        actor: memberB,
        input: { ...draftInput("hijack", { submissionId: created.id, version: 3 }), organisationId: w.orgB },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await stored(created.id)).title).not.toBe("hijack");
    const mine = await listDrafts({ actor: ownerA, organisationId: w.orgA, consultationId: w.consultationX });
    expect(mine.map((d) => d.id)).toContain(created.id);
    expect((await getOwnSubmission({ actor: ownerA, submissionId: created.id })).editable).toBe(true);
  });

  it("makes one draft of two first saves of one form sent at once (autosave and a click)", async () => {
    const k = key();
    const both = await Promise.all([
      saveDraft({ actor: memberA, input: draftInput("autosave", { idempotencyKey: k }) }),
      saveDraft({ actor: memberA, input: draftInput("click", { idempotencyKey: k }) }),
    ]);
    expect(both[0].id).toBe(both[1].id);
    expect(both.map((r) => r.version).sort()).toEqual([1, 2]);
    const rows = await t.db.select().from(submissions).where(eq(submissions.idempotencyKey, k));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe("draft");
  });

  it("submits a draft: reference, revision 1, audit row and a receipt with a copy to the submitter and the contact person", async () => {
    const k = key();
    const draft = await saveDraft({ actor: memberA, input: draftInput("To be submitted", { idempotencyKey: k }) });
    const r = await submitSubmission({
      actor: ownerA,
      input: submitInput("Submitted title", { idempotencyKey: k, submissionId: draft.id, version: draft.version }),
      now: before,
    });
    expect(r.id).toBe(draft.id);
    expect(r.replayed).toBe(false);
    expect(r.reference).toMatch(/^ASIA-\d{4}$/);

    const row = await stored(draft.id);
    expect(row.status).toBe("submitted");
    expect(row.reference).toBe(r.reference);
    expect(row.title).toBe("Submitted title");
    expect(row.submittedAt?.toISOString()).toBe(before.toISOString());
    expect(row.themes).toEqual([1, 3]);
    expect(row.recommendations).toEqual(["Ratify the convention"]);

    const revisions = await t.db
      .select()
      .from(submissionRevisions)
      .where(eq(submissionRevisions.submissionId, draft.id));
    expect(revisions.map((v) => v.number)).toEqual([1]);
    expect((revisions[0]!.content as { title: string }).title).toBe("Submitted title");

    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.submissionId, draft.id));
    expect(audit.map((a) => [a.action, a.fromState, a.toState, a.actorId])).toEqual([
      ["submission.submit", "draft", "submitted", w.ids.ownerA],
    ]);

    // The receipt goes to the person who submitted and to the contact person the form names (the
    // addresses the confirmation page names), each once, with a copy of what was submitted.
    const receipts = (
      await t.db.select().from(emailOutbox).where(eq(emailOutbox.template, "submissionReceipt"))
    ).filter((m) => m.subject.includes(r.reference));
    expect(receipts.map((m) => m.to).sort()).toEqual([ownerA.email, "contact@example.net"].sort());
    for (const receipt of receipts) {
      expect(receipt.text).toContain("Submitted title");
      expect(receipt.text).toContain(`/submissions/${draft.id}`);
      // The copy: the full text, themes, recommendations and countries by name.
      expect(receipt.text).toContain("What the organisation has to say.");
      expect(receipt.text).toContain("1. Ratify the convention");
      expect(receipt.text).toContain("Thailand and Philippines");
      expect(receipt.text).toMatch(/- Human rights of all migrants/);
    }

    // No longer a draft: a later draft save of the same form is refused, the submission kept.
    const again = await caught(saveDraft({ actor: memberA, input: draftInput("overwrite", { idempotencyKey: k }) }));
    expect(again.code).toBe("alreadySubmitted");
    expect((await stored(draft.id)).title).toBe("Submitted title");
  });

  it("writes each receipt in its recipient's language, topics' names included, in one insert", async () => {
    // The submitter reads French; the contact person gets the organisation's language (English).
    const r = await submit({ ...memberA, locale: "fr" }, "Receipts in two languages");
    const receipts = (
      await t.db.select().from(emailOutbox).where(eq(emailOutbox.template, "submissionReceipt"))
    ).filter((m) => m.subject.includes(r.reference));
    expect(receipts.map((m) => [m.to, m.locale]).sort()).toEqual(
      [
        [memberA.email, "fr"],
        ["contact@example.net", "en"],
      ].sort(),
    );
    const names = await t.db
      .select({ locale: themeTranslations.locale, name: themeTranslations.name })
      .from(themeTranslations)
      .where(eq(themeTranslations.themeId, 1));
    const nameIn = (l: string) => names.find((n) => n.locale === l)!.name;
    expect(nameIn("fr")).not.toBe(nameIn("en"));
    const fr = receipts.find((m) => m.locale === "fr")!;
    const en = receipts.find((m) => m.locale === "en")!;
    expect(fr.text).toContain(`- ${nameIn("fr")}`);
    expect(fr.text).not.toContain(nameIn("en"));
    expect(en.text).toContain(`- ${nameIn("en")}`);
    expect(en.text).not.toContain(nameIn("fr"));
  });

  it("keeps every revision on edit, refuses a stale edit, and puts changes requested back to submitted", async () => {
    const r = await submit(memberA, "Original title");
    const v1 = (await stored(r.id)).version;
    const edited = await editSubmission({
      actor: ownerA,
      submissionId: r.id,
      version: v1,
      content: content("Edited title", "A new body."),
      now: before,
    });
    expect(edited).toEqual({ version: v1 + 1, revision: 2 });

    const revisions = await t.db
      .select()
      .from(submissionRevisions)
      .where(eq(submissionRevisions.submissionId, r.id))
      .orderBy(submissionRevisions.number);
    expect(
      revisions.map((v) => [
        v.number,
        (v.content as { title: string; body: string }).title,
        (v.content as { body: string }).body,
      ]),
    ).toEqual([
      [1, "Original title", "What the organisation has to say."],
      [2, "Edited title", "A new body."],
    ]);
    expect((await stored(r.id)).title).toBe("Edited title");
    expect((await stored(r.id)).reference).toBe(r.reference);

    const stale = await caught(
      editSubmission({ actor: memberA, submissionId: r.id, version: v1, content: content("Stale title"), now: before }),
    );
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.code).toBe("staleSubmission");
    expect((await stored(r.id)).title).toBe("Edited title");

    await t.db
      .update(submissions)
      .set({ status: "changes_requested", moderatorMessage: "Please shorten." })
      .where(eq(submissions.id, r.id));
    const again = await editSubmission({
      actor: memberA,
      submissionId: r.id,
      version: edited.version,
      content: content("Shorter title"),
      now: before,
    });
    expect(again.revision).toBe(3);
    const row = await stored(r.id);
    expect(row.status).toBe("submitted");
    expect(row.title).toBe("Shorter title");
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.submissionId, r.id), eq(auditEvents.action, "submission.edit")));
    expect(audit.map((a) => [a.fromState, a.toState])).toEqual([
      ["submitted", "submitted"],
      ["changes_requested", "submitted"],
    ]);

    // Nobody outside organisation A edits it.
    await expect(
      editSubmission({
        actor: memberB,
        submissionId: r.id,
        version: row.version,
        content: content("B's title"),
        now: before,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      editSubmission({
        actor: anchorX,
        submissionId: r.id,
        version: row.version,
        content: content("Anchor's title"),
        now: before,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("closes submitting and editing at 23:59 in Bangkok, not in UTC", async () => {
    // 23:59 on 1 August in Bangkok (UTC+7) is 16:59 UTC.
    const deadline = zonedLocalToUtc("2017-08-01T23:59", "Asia/Bangkok");
    expect(deadline.toISOString()).toBe("2017-08-01T16:59:00.000Z");
    await t.db.update(consultations).set({ submissionDeadline: deadline }).where(eq(consultations.id, w.consultationX));
    try {
      const late = new Date("2017-08-01T17:30:00Z"); // still 1 August in UTC, already 2 August in Bangkok
      const onTime = new Date("2017-08-01T16:00:00Z");
      const beforeLate = await totals();
      const refused = await caught(submit(memberA, "Too late", { now: late }));
      expect(refused.code).toBe("submissionClosed");
      expect(refused.values.zone).toBe("Bangkok time (UTC+7)");
      expect(String(refused.values.deadline)).toMatch(/2017/);
      expect(await totals()).toEqual(beforeLate);

      const r = await submit(memberA, "Just in time", { now: onTime });
      expect(r.reference).toMatch(/^ASIA-\d{4}$/);
      const v = (await stored(r.id)).version;
      const edit = await caught(
        editSubmission({ actor: memberA, submissionId: r.id, version: v, content: content("Edited late"), now: late }),
      );
      expect(edit.code).toBe("submissionClosed");
      expect((await stored(r.id)).title).toBe("Just in time");
      expect((await getOwnSubmission({ actor: memberA, submissionId: r.id, now: late })).editable).toBe(false);
      expect((await getOwnSubmission({ actor: memberA, submissionId: r.id, now: onTime })).editable).toBe(true);
    } finally {
      await t.db.update(consultations).set({ submissionDeadline: null }).where(eq(consultations.id, w.consultationX));
    }
  });

  it("stores a PDF byte for byte and shows it only to the organisation, the consultation's anchors and the secretariat", async () => {
    const bytes = pdf("first");
    const original = "../../tmp/Rapport final\u202E.pdf";
    const r = await submit(memberA, "With a PDF", { files: [{ name: original, bytes }] });
    const [a] = await t.db.select().from(attachments).where(eq(attachments.submissionId, r.id));
    expect(a?.mediaType).toBe("application/pdf");
    expect(a?.fileName).toBe("Rapport final.pdf");
    expect(a?.size).toBe(bytes.byteLength);
    expect(a?.uploadedBy).toBe(w.ids.memberA);

    for (const actor of [memberA, ownerA, anchorX, secretariat]) {
      const got = await getAttachmentForDownload({ actor, attachmentId: a!.id });
      expect(got.attachment.id).toBe(a!.id);
      expect(Buffer.compare(Buffer.from(got.bytes), Buffer.from(bytes))).toBe(0);
    }
    for (const actor of [memberB, anchorY]) {
      await expect(getAttachmentForDownload({ actor, attachmentId: a!.id })).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getAttachmentForDownload({ actor: memberA, attachmentId: randomUUID() })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("refuses an executable named .pdf, an oversized file and a fourth attachment, storing nothing", async () => {
    // A refused file in a submit: no attachment, no stored bytes, no submission, no reference used.
    const start = await totals();
    const exe = await caught(
      submit(memberA, "With an executable", {
        files: [
          { name: "report.pdf", bytes: pdf("ok") },
          { name: "report.pdf", bytes: executable() },
        ],
      }),
    );
    expect(exe.code).toBe("attachment_unsupportedType");
    expect(await totals()).toEqual(start);

    // … nor in a first draft save.
    const draftExe = await caught(
      saveDraft({
        actor: memberA,
        input: draftInput("Draft with an executable"),
        files: [{ name: "report.pdf", bytes: executable() }],
      }),
    );
    expect(draftExe.code).toBe("attachment_unsupportedType");
    expect(await totals()).toEqual(start);

    const big = await caught(
      submit(memberA, "With a big file", { files: [{ name: "big.pdf", bytes: oversizedPdf() }] }),
    );
    expect(big.code).toBe("attachment_tooLarge");
    expect(big.values.max).toBe(10);
    expect(await totals()).toEqual(start);

    // Three are allowed; a fourth is refused, and the edit that brought it is not kept either.
    const r = await submit(memberA, "Three files", { files: [{ name: "one.pdf", bytes: pdf("1") }] });
    let version = (await stored(r.id)).version;
    ({ version } = await editSubmission({
      actor: memberA,
      submissionId: r.id,
      version,
      content: content("Three files"),
      files: [
        { name: "two.pdf", bytes: pdf("2") },
        { name: "three.pdf", bytes: pdf("3") },
      ],
      now: before,
    }));
    const withThree = await totals();
    expect(
      (await t.db.select().from(attachments).where(eq(attachments.submissionId, r.id))).map((x) => x.fileName).sort(),
    ).toEqual(["one.pdf", "three.pdf", "two.pdf"]);
    const fourth = await caught(
      editSubmission({
        actor: memberA,
        submissionId: r.id,
        version,
        content: content("Four files"),
        files: [{ name: "four.pdf", bytes: pdf("4") }],
        now: before,
      }),
    );
    expect(fourth.code).toBe("tooManyAttachments");
    expect(await totals()).toEqual(withThree);
    expect((await stored(r.id)).title).toBe("Three files");

    const tooMany = await caught(
      submit(memberA, "Four at once", {
        files: ["a", "b", "c", "d"].map((n) => ({ name: `${n}.pdf`, bytes: pdf(n) })),
      }),
    );
    expect(tooMany.code).toBe("tooManyAttachments");
    expect(await totals()).toEqual(withThree);
  });

  it("withdraws a submitted input and discards a draft with its files", async () => {
    const r = await submit(memberA, "To withdraw");
    const s = await stored(r.id);
    await expect(withdrawSubmission({ actor: memberB, submissionId: r.id, version: s.version })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await withdrawSubmission({ actor: ownerA, submissionId: r.id, version: s.version })).toBe("withdrawn");
    const after = await stored(r.id);
    expect(after.status).toBe("withdrawn");
    expect(after.reference).toBe(r.reference);
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.submissionId, r.id), eq(auditEvents.action, "submission.withdraw")));
    expect(audit.map((a) => [a.fromState, a.toState, a.actorId])).toEqual([["submitted", "withdrawn", w.ids.ownerA]]);
    // Withdrawn is final for the organisation.
    await expect(
      editSubmission({
        actor: ownerA,
        submissionId: r.id,
        version: after.version,
        content: content("Back"),
        now: before,
      }),
    ).rejects.toMatchObject({ code: "notEditable" });

    const draft = await saveDraft({
      actor: memberA,
      input: draftInput("Throwaway"),
      files: [{ name: "draft.pdf", bytes: pdf("draft") }],
    });
    const [file] = await t.db.select().from(attachments).where(eq(attachments.submissionId, draft.id));
    expect(file).toBeDefined();
    const stale = await caught(
      withdrawSubmission({ actor: memberA, submissionId: draft.id, version: draft.version - 1 }),
    );
    expect(stale.code).toBe("staleSubmission");
    expect(await withdrawSubmission({ actor: memberA, submissionId: draft.id, version: draft.version })).toBe(
      "discarded",
    );
    expect(await t.db.select().from(submissions).where(eq(submissions.id, draft.id))).toEqual([]);
    expect(await t.db.select().from(attachments).where(eq(attachments.submissionId, draft.id))).toEqual([]);
    expect(await t.db.select().from(storedFiles).where(eq(storedFiles.key, file!.storageKey))).toEqual([]);
  });

  it("lists the organisation's own inputs a page at a time, newest change first, to its members only", async () => {
    const all = await listOwnSubmissions({ actor: memberA, organisationId: w.orgA, pageSize: 1000 });
    expect(all.total).toBeGreaterThan(3);
    expect(all.rows).toHaveLength(all.total);
    const walked: string[] = [];
    for (let page = 1; page <= Math.ceil(all.total / 3); page++) {
      const p = await listOwnSubmissions({ actor: memberA, organisationId: w.orgA, page, pageSize: 3 });
      expect(p).toMatchObject({ total: all.total, page, pages: Math.ceil(all.total / 3) });
      walked.push(...p.rows.map((r) => r.id));
    }
    expect(walked).toEqual(all.rows.map((r) => r.id));
    const times = all.rows.map((r) => r.updatedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    await expect(listOwnSubmissions({ actor: memberB, organisationId: w.orgA })).rejects.toBeInstanceOf(NotFoundError);
  });
});
