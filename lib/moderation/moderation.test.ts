// Moderation and published inputs on real databases: two moderators deciding on one
// version, each decision with its audit row and e-mail in one transaction, what the organisation
// sees (the message, never internal notes), the queue's filters, search in four languages and keyset
// pages, revision diffs, bulk decisions, and what the public sees of an anonymous input.
import { randomUUID } from "node:crypto";
import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { attachments, auditEvents, emailOutbox, internalNotes, organisations, submissions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { getPublishedAttachment, getPublishedInput, listPublishedInputs } from "@/lib/public/inputs";
import { editSubmission, getOwnSubmission, saveDraft, submitSubmission } from "@/lib/submissions";
import { draftSchema, submissionSchema, type SubmissionContent } from "@/lib/submissions/schemas";
import { createTestDatabase, drivers, type TestDatabase } from "@/lib/testing/db";
import { buildWorld, type World } from "@/lib/testing/fixtures";
import { addInternalNote, bulkModerate, moderate } from "./decisions";
import { diffRevisions, getSubmissionForModeration } from "./detail";
import { getOverview, listQueue } from "./queue";
import { bulkSchema, moderationActionSchema, queueFiltersSchema } from "./schemas";
import { beforeDeadlines as before, caught, idempotencyKey as key, inputContent as content } from "@/lib/testing/inputs";

// ---------------------------------------------------------------- helpers

interface Setup {
  t: TestDatabase;
  w: World;
  memberA: Actor;
  memberB: Actor;
  anchorX: Actor;
  anchorY: Actor;
  secretariat: Actor;
}

/** The world and its actors, in a database already given to lib/ with useDatabaseForTests. */
async function setUp(t: TestDatabase): Promise<Setup> {
  const w = await buildWorld(t.db);
  return {
    t,
    w,
    memberA: await w.actor("memberA"),
    memberB: await w.actor("memberB"),
    anchorX: await w.actor("anchorX"),
    anchorY: await w.actor("anchorY"),
    secretariat: await w.actor("secretariat"),
  };
}

/** Helpers bound to one database and world. */
function bind(get: () => Setup) {
  type SubmitOptions = Partial<SubmissionContent> & { consultationId?: string; organisationId?: string; now?: Date };
  const submit = async (actor: Actor, over: SubmitOptions = {}) => {
    const { w } = get();
    const { consultationId = w.consultationX, organisationId = actor.memberships[0]!.organisationId, now = before, ...c } = over;
    return submitSubmission({
      actor,
      input: submissionSchema.parse({ consultationId, organisationId, version: 0, idempotencyKey: key(), intent: "submit", ...content(c) }),
      now,
    });
  };
  const stored = async (id: string) => (await get().t.db.select().from(submissions).where(eq(submissions.id, id)))[0]!;
  const versionOf = async (id: string) => (await stored(id)).version;
  const act = (actor: Actor, raw: Record<string, unknown>) => moderate({ actor, input: moderationActionSchema.parse(raw) });
  /** The audit rows of moderators' actions on one input (the organisation's own submit/edit left out). */
  const moderationAudit = async (id: string) =>
    (
      await get()
        .t.db.select()
        .from(auditEvents)
        .where(and(eq(auditEvents.submissionId, id), ne(auditEvents.action, "submission.submit"), ne(auditEvents.action, "submission.edit")))
        .orderBy(asc(auditEvents.id))
    ).map((a) => ({ who: a.actorId, action: a.action, from: a.fromState, to: a.toState, note: a.note }));
  const mailsAbout = async (reference: string, template = "changesRequested") =>
    (await get().t.db.select().from(emailOutbox).where(eq(emailOutbox.template, template))).filter((m) => m.subject.includes(reference));
  return { submit, stored, versionOf, act, moderationAudit, mailsAbout };
}

describe.each(drivers)("moderation on %s", (driver) => {
  // ================================================================ decisions, detail, public inputs
  describe("decisions", () => {
    let s: Setup;
    const { submit, stored, versionOf, act, moderationAudit, mailsAbout } = bind(() => s);
    beforeAll(async () => {
      const t = await createTestDatabase(driver);
      useDatabaseForTests(t);
      s = await setUp(t);
    });
    afterAll(async () => {
      await s?.t.close();
    });

    /** Runs fn while every insert into `table` fails: proves the change is undone with it. */
    const whileInsertsFail = async (table: "audit_events" | "email_outbox", fn: () => Promise<unknown>) => {
      const db = s.t.db;
      await db.execute(sql`create or replace function test_refuse_insert() returns trigger language plpgsql as $$ begin raise exception 'refused by test'; end $$`);
      await db.execute(sql`create trigger test_refuse before insert on ${sql.identifier(table)} for each row execute function test_refuse_insert()`);
      try {
        return await fn().then(
          () => null,
          (e: unknown) => e,
        );
      } finally {
        await db.execute(sql`drop trigger test_refuse on ${sql.identifier(table)}`);
      }
    };

    it("lets one of two moderators deciding on the same version win, one after the other", async () => {
      const { anchorX, secretariat, w } = s;
      const r = await submit(s.memberA, { title: "Race, one after the other" });
      const v = await versionOf(r.id);
      expect(await act(anchorX, { action: "accept", submissionId: r.id, version: v })).toEqual({ version: v + 1 });
      const stale = await caught(act(secretariat, { action: "requestChanges", submissionId: r.id, version: v, message: "Please shorten." }));
      expect(stale.code).toBe("staleModeration");
      expect(stale.status).toBe(409);
      expect(stale.values).toMatchObject({ who: "anchorX", action: "submission.accept", from: "submitted", to: "accepted" });
      expect(String(stale.values.when)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

      const row = await stored(r.id);
      expect(row.status).toBe("accepted");
      expect(row.moderatorMessage).toBeNull();
      expect(row.version).toBe(v + 1);
      expect(await moderationAudit(r.id)).toEqual([{ who: w.ids.anchorX, action: "submission.accept", from: "submitted", to: "accepted", note: null }]);
      expect(await mailsAbout(r.reference)).toHaveLength(0);
    });

    it("lets exactly one of two moderators deciding on the same version at once win", async () => {
      const { anchorX, secretariat, w } = s;
      const r = await submit(s.memberA, { title: "Race, at once" });
      const v = await versionOf(r.id);
      const both = await Promise.allSettled([
        act(anchorX, { action: "accept", submissionId: r.id, version: v }),
        act(secretariat, { action: "requestChanges", submissionId: r.id, version: v, message: "Please add sources." }),
      ]);
      expect(both.filter((x) => x.status === "fulfilled")).toHaveLength(1);
      const acceptWon = both[0].status === "fulfilled";
      const lost = (acceptWon ? both[1] : both[0]) as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(DomainError);
      const e = lost.reason as DomainError;
      expect(e.code).toBe("staleModeration");
      const row = await stored(r.id);
      expect(row.version).toBe(v + 1);
      if (acceptWon) {
        expect(e.values).toMatchObject({ who: "anchorX", action: "submission.accept", from: "submitted", to: "accepted" });
        expect(row.status).toBe("accepted");
        expect(row.moderatorMessage).toBeNull();
        expect(await moderationAudit(r.id)).toEqual([{ who: w.ids.anchorX, action: "submission.accept", from: "submitted", to: "accepted", note: null }]);
        expect(await mailsAbout(r.reference)).toHaveLength(0);
      } else {
        expect(e.values).toMatchObject({ who: "secretariat", action: "submission.requestChanges", from: "submitted", to: "changes_requested" });
        expect(row.status).toBe("changes_requested");
        expect(row.moderatorMessage).toBe("Please add sources.");
        expect(await moderationAudit(r.id)).toEqual([
          { who: w.ids.secretariat, action: "submission.requestChanges", from: "submitted", to: "changes_requested", note: "Please add sources." },
        ]);
        expect(await mailsAbout(r.reference)).toHaveLength(1);
      }
    });

    it("requests changes: status, message, audit row and an e-mail to the organisation, all in one transaction", async () => {
      const { anchorX, w, t } = s;
      const r = await submit(s.memberA, { title: "Needs changes" });
      const v = await versionOf(r.id);
      const message = "Please name the countries concerned.";

      // The e-mail cannot be written: nothing of the decision is kept.
      const failed = await whileInsertsFail("email_outbox", () => act(anchorX, { action: "requestChanges", submissionId: r.id, version: v, message }));
      expect(failed).toBeInstanceOf(Error);
      expect(failed).not.toBeInstanceOf(DomainError);
      expect((await stored(r.id)).status).toBe("submitted");
      expect((await stored(r.id)).moderatorMessage).toBeNull();
      expect(await versionOf(r.id)).toBe(v);
      expect(await moderationAudit(r.id)).toEqual([]);

      await act(anchorX, { action: "requestChanges", submissionId: r.id, version: v, message });
      const row = await stored(r.id);
      expect(row.status).toBe("changes_requested");
      expect(row.moderatorMessage).toBe(message);
      expect(row.version).toBe(v + 1);
      expect(await moderationAudit(r.id)).toEqual([{ who: w.ids.anchorX, action: "submission.requestChanges", from: "submitted", to: "changes_requested", note: message }]);
      const [org] = await t.db.select({ email: organisations.contactEmail }).from(organisations).where(eq(organisations.id, w.orgA));
      const mails = await mailsAbout(r.reference);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.to).toBe(org!.email);
      expect(mails[0]!.text).toContain(message);
      expect(mails[0]!.text).toContain(`/submissions/${r.id}`);
      // Requesting changes again while the organisation has not answered is not a transition.
      expect((await caught(act(anchorX, { action: "requestChanges", submissionId: r.id, version: v + 1, message: "Again" }))).code).toBe("invalidTransition");
    });

    it("accepts with its audit row in the same transaction", async () => {
      const { anchorX, w } = s;
      const r = await submit(s.memberA, { title: "To accept" });
      const v = await versionOf(r.id);
      const failed = await whileInsertsFail("audit_events", () => act(anchorX, { action: "accept", submissionId: r.id, version: v }));
      expect(failed).toBeInstanceOf(Error);
      expect((await stored(r.id)).status).toBe("submitted");
      expect(await versionOf(r.id)).toBe(v);

      await act(anchorX, { action: "accept", submissionId: r.id, version: v });
      expect((await stored(r.id)).status).toBe("accepted");
      expect(await moderationAudit(r.id)).toEqual([{ who: w.ids.anchorX, action: "submission.accept", from: "submitted", to: "accepted", note: null }]);
    });

    it("rejects only with a reason, and keeps it", async () => {
      const { secretariat, w } = s;
      const r = await submit(s.memberA, { title: "To reject" });
      const v = await versionOf(r.id);
      for (const reason of [undefined, "", "   "]) {
        const parsed = moderationActionSchema.safeParse({ action: "reject", submissionId: r.id, version: v, reason });
        expect(parsed.success).toBe(false);
        expect(parsed.error?.issues.map((i) => i.path.join("."))).toContain("reason");
      }
      await act(secretariat, { action: "reject", submissionId: r.id, version: v, reason: "Outside the scope of the consultation." });
      const row = await stored(r.id);
      expect(row.status).toBe("rejected");
      expect(row.moderatorMessage).toBe("Outside the scope of the consultation.");
      expect(await moderationAudit(r.id)).toEqual([
        { who: w.ids.secretariat, action: "submission.reject", from: "submitted", to: "rejected", note: "Outside the scope of the consultation." },
      ]);
      // Rejected is final: no accepting, no requesting changes, no publishing afterwards.
      expect((await caught(act(secretariat, { action: "accept", submissionId: r.id, version: v + 1 }))).code).toBe("invalidTransition");
      expect((await caught(act(secretariat, { action: "requestChanges", submissionId: r.id, version: v + 1, message: "x" }))).code).toBe("invalidTransition");
      expect((await caught(act(secretariat, { action: "publish", submissionId: r.id, version: v + 1 }))).code).toBe("publishOnlyAccepted");
      expect(await versionOf(r.id)).toBe(v + 1);
      expect(await moderationAudit(r.id)).toHaveLength(1);
    });

    it("marks a duplicate only of an existing input of the same consultation", async () => {
      const { anchorX, w } = s;
      const original = await submit(s.memberA, { title: "The original" });
      const copy = await submit(s.memberA, { title: "The copy" });
      const inY = await submit(s.memberA, { title: "In another consultation", consultationId: w.consultationY });
      expect(inY.reference).toMatch(/^MENA-\d{4}$/);
      const v = await versionOf(copy.id);
      expect(moderationActionSchema.safeParse({ action: "markDuplicate", submissionId: copy.id, version: v, duplicateOf: "not a reference" }).success).toBe(false);
      for (const ref of ["ASIA-9999", inY.reference, copy.reference]) {
        const e = await caught(act(anchorX, { action: "markDuplicate", submissionId: copy.id, version: v, duplicateOf: ref }));
        expect(e.code).toBe("duplicateNotFound");
        expect(e.values.reference).toBe(ref);
      }
      expect(await versionOf(copy.id)).toBe(v);
      expect(await moderationAudit(copy.id)).toEqual([]);

      await act(anchorX, { action: "markDuplicate", submissionId: copy.id, version: v, duplicateOf: original.reference });
      const row = await stored(copy.id);
      expect(row.status).toBe("duplicate");
      expect(row.duplicateOfId).toBe(original.id);
      expect(await moderationAudit(copy.id)).toEqual([{ who: w.ids.anchorX, action: "submission.markDuplicate", from: "submitted", to: "duplicate", note: original.reference }]);
      const detail = await getSubmissionForModeration({ actor: anchorX, submissionId: copy.id });
      expect(detail.duplicateOfReference).toBe(original.reference);
      expect((await caught(act(anchorX, { action: "accept", submissionId: copy.id, version: v + 1 }))).code).toBe("invalidTransition");
    });

    it("tags with themes and lower-cased keywords, never removing existing ones", async () => {
      const { anchorX, w } = s;
      const r = await submit(s.memberA, { title: "To tag", themes: [3, 1] });
      let v = await versionOf(r.id);
      ({ version: v } = await act(anchorX, { action: "tag", submissionId: r.id, version: v, themes: ["2"], keywords: " Domestic Work, VISAS ,domestic work,, " }));
      let row = await stored(r.id);
      expect(row.themes).toEqual([1, 2, 3]);
      expect(row.keywords).toEqual(["domestic work", "visas"]);
      ({ version: v } = await act(anchorX, { action: "tag", submissionId: r.id, version: v, themes: [1], keywords: "Kafala" }));
      row = await stored(r.id);
      expect(row.themes).toEqual([1, 2, 3]);
      expect(row.keywords).toEqual(["domestic work", "visas", "kafala"]);
      expect(row.status).toBe("submitted");
      expect(row.version).toBe(v);
      expect(await moderationAudit(r.id)).toEqual([
        { who: w.ids.anchorX, action: "submission.tag", from: "submitted", to: "submitted", note: "themes 2; keywords domestic work,visas" },
        { who: w.ids.anchorX, action: "submission.tag", from: "submitted", to: "submitted", note: "themes 1; keywords kafala" },
      ]);
    });

    it("publishes only accepted inputs whose organisation consented", async () => {
      const { anchorX, w } = s;
      const named = await submit(s.memberA, { title: "Publish me", publication: "named" });
      let v = await versionOf(named.id);
      expect((await caught(act(anchorX, { action: "publish", submissionId: named.id, version: v }))).code).toBe("publishOnlyAccepted");
      expect((await stored(named.id)).publishedAt).toBeNull();
      ({ version: v } = await act(anchorX, { action: "accept", submissionId: named.id, version: v }));
      ({ version: v } = await act(anchorX, { action: "publish", submissionId: named.id, version: v }));
      expect((await stored(named.id)).publishedAt).toBeInstanceOf(Date);
      expect((await moderationAudit(named.id)).at(-1)).toEqual({ who: w.ids.anchorX, action: "submission.publish", from: "accepted", to: "accepted", note: "named" });

      const none = await submit(s.memberA, { title: "Do not publish me", publication: "none" });
      let n = await versionOf(none.id);
      ({ version: n } = await act(anchorX, { action: "accept", submissionId: none.id, version: n }));
      const refused = await caught(act(anchorX, { action: "publish", submissionId: none.id, version: n }));
      expect(refused.code).toBe("publishNotConsented");
      const row = await stored(none.id);
      expect(row.publishedAt).toBeNull();
      expect(row.version).toBe(n);
      expect((await moderationAudit(none.id)).map((a) => a.action)).toEqual(["submission.accept"]);
    });

    it("e-mails the organisation, in its language and in the decision's transaction, when its input is accepted and when it is published", async () => {
      const { anchorX, w, t } = s;
      await t.db.update(organisations).set({ locale: "fr" }).where(eq(organisations.id, w.orgA));
      try {
        const r = await submit(s.memberA, { title: "Tell us when", publication: "anonymous" });
        let v = await versionOf(r.id);
        // The e-mail cannot be written: the input is not accepted either.
        expect(await whileInsertsFail("email_outbox", () => act(anchorX, { action: "accept", submissionId: r.id, version: v }))).toBeInstanceOf(Error);
        expect((await stored(r.id)).status).toBe("submitted");
        expect(await mailsAbout(r.reference, "submissionAccepted")).toHaveLength(0);

        ({ version: v } = await act(anchorX, { action: "accept", submissionId: r.id, version: v }));
        const [org] = await t.db.select({ email: organisations.contactEmail }).from(organisations).where(eq(organisations.id, w.orgA));
        const accepted = await mailsAbout(r.reference, "submissionAccepted");
        expect(accepted).toHaveLength(1);
        expect(accepted[0]).toMatchObject({ to: org!.email, locale: "fr", organisationId: w.orgA });
        expect(accepted[0]!.subject).toBe(`Contribution acceptée : ${r.reference}`);
        expect(accepted[0]!.text).toContain(`/fr/submissions/${r.id}`);

        expect(await whileInsertsFail("email_outbox", () => act(anchorX, { action: "publish", submissionId: r.id, version: v }))).toBeInstanceOf(Error);
        expect((await stored(r.id)).publishedAt).toBeNull();
        await act(anchorX, { action: "publish", submissionId: r.id, version: v });
        const published = await mailsAbout(r.reference, "submissionPublished");
        expect(published).toHaveLength(1);
        expect(published[0]).toMatchObject({ to: org!.email, locale: "fr" });
        // The link is the input's public page, by its reference.
        expect(published[0]!.text).toContain(`/fr/inputs/${r.reference}`);
        const page = await listPublishedInputs({ q: r.reference });
        expect(page.rows.map((x) => x.id)).toEqual([r.id]);
      } finally {
        await t.db.update(organisations).set({ locale: "en" }).where(eq(organisations.id, w.orgA));
      }
    });

    it("shows a published input's own page to anyone, its files only when it is published with the organisation's name", async () => {
      const { anchorX, memberA, w, t } = s;
      const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
      const withFile = async (title: string, publication: "named" | "anonymous") =>
        submitSubmission({
          actor: memberA,
          input: submissionSchema.parse({ consultationId: w.consultationX, organisationId: w.orgA, version: 0, idempotencyKey: key(), intent: "submit", ...content({ title, publication, recommendations: ["One thing to do."] }) }),
          files: [{ name: `${title}.pdf`, bytes: pdf }],
          now: before,
        });
      const named = await withFile("Named with a file", "named");
      const anonymous = await withFile("Anonymous with a file", "anonymous");
      const fileOf = async (id: string) => (await t.db.select().from(attachments).where(eq(attachments.submissionId, id)))[0]!.id;
      const [namedFile, anonymousFile] = [await fileOf(named.id), await fileOf(anonymous.id)];
      // Not yet published: no page, no file.
      await expect(getPublishedInput({ reference: named.reference })).rejects.toBeInstanceOf(NotFoundError);
      await expect(getPublishedAttachment({ attachmentId: namedFile })).rejects.toBeInstanceOf(NotFoundError);
      for (const r of [named, anonymous]) {
        let v = await versionOf(r.id);
        ({ version: v } = await act(anchorX, { action: "accept", submissionId: r.id, version: v }));
        await act(anchorX, { action: "publish", submissionId: r.id, version: v });
      }
      const page = await getPublishedInput({ reference: named.reference });
      expect(page).toMatchObject({ title: "Named with a file", body: "What the organisation has to say.", recommendations: ["One thing to do."] });
      expect(page.organisation?.name).toMatch(/^Org A /);
      expect(page.attachments.map((a) => a.id)).toEqual([namedFile]);
      expect((await getPublishedAttachment({ attachmentId: namedFile })).bytes).toEqual(pdf);
      // Anonymous: the text, nothing of who wrote it, and its files (which may name their authors) withheld.
      const anon = await getPublishedInput({ reference: anonymous.reference });
      expect(anon.organisation).toBeNull();
      expect(anon.attachments).toEqual([]);
      expect(JSON.stringify(anon)).not.toMatch(/Org A|Contact Person|contact@example\.net/);
      await expect(getPublishedAttachment({ attachmentId: anonymousFile })).rejects.toBeInstanceOf(NotFoundError);
      // Unpublished again: gone.
      await act(anchorX, { action: "unpublish", submissionId: named.id, version: await versionOf(named.id) });
      await expect(getPublishedInput({ reference: named.reference })).rejects.toBeInstanceOf(NotFoundError);
      await expect(getPublishedAttachment({ attachmentId: namedFile })).rejects.toBeInstanceOf(NotFoundError);
      // The public search finds the anonymous input by its words, never by its organisation's name.
      const orgName = page.organisation!.name;
      expect((await listPublishedInputs({ q: "Anonymous with a file" })).rows.map((r) => r.id)).toContain(anonymous.id);
      expect((await listPublishedInputs({ q: orgName })).rows.map((r) => r.id)).not.toContain(anonymous.id);
    });

    it("refuses drafts, other consultations' inputs and non-moderators as not found", async () => {
      const { anchorX, anchorY, memberA, memberB, w } = s;
      const draft = await saveDraft({
        actor: memberA,
        input: draftSchema.parse({ consultationId: w.consultationX, organisationId: w.orgA, version: 0, idempotencyKey: key(), intent: "draft", title: "A draft" }),
      });
      await expect(act(anchorX, { action: "accept", submissionId: draft.id, version: draft.version })).rejects.toBeInstanceOf(NotFoundError);
      await expect(getSubmissionForModeration({ actor: anchorX, submissionId: draft.id })).rejects.toBeInstanceOf(NotFoundError);
      await expect(addInternalNote({ actor: anchorX, submissionId: draft.id, body: "x" })).rejects.toBeInstanceOf(NotFoundError);

      const r = await submit(memberA, { title: "Not theirs" });
      const v = await versionOf(r.id);
      for (const actor of [anchorY, memberA, memberB]) {
        await expect(act(actor, { action: "accept", submissionId: r.id, version: v })).rejects.toBeInstanceOf(NotFoundError);
        await expect(getSubmissionForModeration({ actor, submissionId: r.id })).rejects.toBeInstanceOf(NotFoundError);
        await expect(addInternalNote({ actor, submissionId: r.id, body: "x" })).rejects.toBeInstanceOf(NotFoundError);
      }
      expect((await stored(r.id)).status).toBe("submitted");
      expect(await versionOf(r.id)).toBe(v);
      expect(await moderationAudit(r.id)).toEqual([]);
    });

    it("shows the organisation the moderators' message, never their internal notes", async () => {
      const { anchorX, secretariat, memberA, w, t } = s;
      const r = await submit(memberA, { title: "Message and notes" });
      const v = await versionOf(r.id);
      const note = `INTERNAL-${randomUUID()} the contact seemed unsure`;
      await addInternalNote({ actor: anchorX, submissionId: r.id, body: note });
      await addInternalNote({ actor: secretariat, submissionId: r.id, body: `${note} (second)` });
      const message = `MESSAGE-${randomUUID()} please add a summary in English`;
      await act(anchorX, { action: "requestChanges", submissionId: r.id, version: v, message });

      // Notes are kept, with their author, and audited.
      const notes = await t.db.select().from(internalNotes).where(eq(internalNotes.submissionId, r.id));
      expect(notes.map((x) => [x.authorId, x.body])).toEqual([
        [w.ids.anchorX, note],
        [w.ids.secretariat, `${note} (second)`],
      ]);
      expect((await moderationAudit(r.id)).map((a) => a.action)).toEqual(["submission.note", "submission.note", "submission.requestChanges"]);
      const detail = await getSubmissionForModeration({ actor: anchorX, submissionId: r.id });
      expect(detail.notes.map((x) => [x.body, x.by])).toEqual([
        [note, "anchorX"],
        [`${note} (second)`, "secretariat"],
      ]);

      const own = await getOwnSubmission({ actor: memberA, submissionId: r.id });
      expect(own.submission.moderatorMessage).toBe(message);
      expect(own.submission.status).toBe("changes_requested");
      const json = JSON.stringify(own);
      expect(json).toContain(message);
      expect(json).not.toContain("INTERNAL-");
      expect(json).not.toContain(note.slice(0, 45));
      expect(json).not.toContain("seemed unsure");
    });

    it("shows the difference between two revisions, changed fields only", async () => {
      const { anchorX, anchorY, secretariat, memberA } = s;
      const original = content({ title: "Fair recruitment", summary: "Recruitment fees.", body: "Migrant workers need fair recruitment and decent housing." });
      const r = await submit(memberA, original);
      const v = await versionOf(r.id);
      // Revision 2 adds a theme and a country and changes the language; revision 3 lists the themes in
      // another order (no difference) and swaps a country.
      await editSubmission({
        actor: memberA,
        submissionId: r.id,
        version: v,
        content: { ...original, body: "Migrant workers need ethical recruitment and decent housing.", themes: [1, 4], countries: ["PH", "TH"], language: "fr" },
        now: before,
      });
      const v2 = await versionOf(r.id);
      await editSubmission({ actor: memberA, submissionId: r.id, version: v2, content: { ...original, body: "Migrant workers need ethical recruitment and decent housing.", themes: [4, 1], countries: ["PH", "LB"], language: "fr" }, now: before });

      for (const actor of [anchorX, secretariat]) {
        const diff = await diffRevisions({ actor, submissionId: r.id, from: 1, to: 2 });
        expect(diff.map((d) => d.field)).toEqual(["body", "themes", "countries", "language"]);
        const body = diff.find((d) => d.field === "body")!;
        if (body.kind !== "text") throw new Error("body is text");
        expect(body.parts.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(["fair"]);
        expect(body.parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(["ethical"]);
        // The unchanged words are there once, neither added nor removed.
        expect(body.parts.filter((p) => !p.added && !p.removed).map((p) => p.value).join("")).toBe("Migrant workers need  recruitment and decent housing.");
        expect(diff.find((d) => d.field === "themes")).toEqual({ kind: "set", field: "themes", added: ["4"], removed: [] });
        expect(diff.find((d) => d.field === "countries")).toEqual({ kind: "set", field: "countries", added: ["PH"], removed: [] });
        expect(diff.find((d) => d.field === "language")).toEqual({ kind: "value", field: "language", before: "en", after: "fr" });
      }
      // Themes in another order are the same themes; a country swapped is one added, one removed.
      expect(await diffRevisions({ actor: anchorX, submissionId: r.id, from: 2, to: 3 })).toEqual([{ kind: "set", field: "countries", added: ["LB"], removed: ["TH"] }]);
      expect(await diffRevisions({ actor: anchorX, submissionId: r.id, from: 1, to: 1 })).toEqual([]);
      await expect(diffRevisions({ actor: anchorX, submissionId: r.id, from: 1, to: 4 })).rejects.toBeInstanceOf(NotFoundError);
      await expect(diffRevisions({ actor: anchorY, submissionId: r.id, from: 1, to: 2 })).rejects.toBeInstanceOf(NotFoundError);
      await expect(diffRevisions({ actor: memberA, submissionId: r.id, from: 1, to: 2 })).rejects.toBeInstanceOf(NotFoundError);
      expect((await getSubmissionForModeration({ actor: anchorX, submissionId: r.id })).revisions.map((x) => x.number)).toEqual([1, 2, 3]);
    });

    it("publishes to the public only accepted, published, consented inputs, anonymous ones without any trace of who", async () => {
      const { anchorX, anchorY, secretariat, memberA, memberB, w, t } = s;
      const publish = async (id: string, actor = anchorX) => {
        let v = await versionOf(id);
        ({ version: v } = await act(actor, { action: "accept", submissionId: id, version: v }));
        await act(actor, { action: "publish", submissionId: id, version: v });
      };
      const named = await submit(memberA, { title: "Public named", themes: [5], contactName: "Named Contact Person", contactEmail: "named.contact@example.net" });
      const anonymous = await submit(memberB, {
        organisationId: w.orgB,
        title: "Public anonymous",
        themes: [5, 6],
        publication: "anonymous",
        contactName: "Hidden Contact Person",
        contactEmail: "hidden.contact@example.net",
      });
      const none = await submit(memberA, { title: "Never public", publication: "none", themes: [5] });
      const acceptedOnly = await submit(memberA, { title: "Accepted not published", themes: [5] });
      const submittedOnly = await submit(memberA, { title: "Only submitted", themes: [5] });
      const inY = await submit(memberA, { title: "Public in MENA", consultationId: w.consultationY, themes: [2] });
      await publish(named.id);
      await publish(anonymous.id, secretariat);
      await publish(inY.id, anchorY);
      await act(anchorX, { action: "accept", submissionId: acceptedOnly.id, version: await versionOf(acceptedOnly.id) });
      const nv = (await act(anchorX, { action: "accept", submissionId: none.id, version: await versionOf(none.id) })).version;
      expect((await caught(act(anchorX, { action: "publish", submissionId: none.id, version: nv }))).code).toBe("publishNotConsented");
      // Even with a publication date forced onto it, an input not consented for publication stays private.
      await t.db.update(submissions).set({ publishedAt: new Date() }).where(eq(submissions.id, none.id));

      const all = await listPublishedInputs({});
      const ids = all.rows.map((r) => r.id);
      expect(ids).toContain(named.id);
      expect(ids).toContain(anonymous.id);
      expect(ids).toContain(inY.id);
      for (const hidden of [none, acceptedOnly, submittedOnly]) expect(ids).not.toContain(hidden.id);
      for (const row of all.rows) {
        const [db] = await t.db.select({ status: submissions.status, publishedAt: submissions.publishedAt, publication: submissions.publication }).from(submissions).where(eq(submissions.id, row.id));
        expect(db?.status).toBe("accepted");
        expect(db?.publishedAt).not.toBeNull();
        expect(db?.publication).not.toBe("none");
      }

      const [orgA] = await t.db.select().from(organisations).where(eq(organisations.id, w.orgA));
      const [orgB] = await t.db.select().from(organisations).where(eq(organisations.id, w.orgB));
      expect(all.rows.find((r) => r.id === named.id)?.organisation).toEqual({ name: orgA!.name, country: orgA!.country });
      const anon = all.rows.find((r) => r.id === anonymous.id)!;
      expect(anon.organisation).toBeNull();
      expect(anon.reference).toBe(anonymous.reference);
      const json = JSON.stringify(all);
      for (const secret of [orgB!.name, orgB!.contactEmail, orgB!.id, "Hidden Contact Person", "hidden.contact@example.net", "Named Contact Person", "named.contact@example.net", orgA!.contactEmail]) {
        expect(json).not.toContain(secret);
      }

      const asia = await listPublishedInputs({ consultationSlug: "asia" });
      expect(asia.rows.every((r) => r.consultation.slug === "asia")).toBe(true);
      expect(asia.rows.map((r) => r.id)).not.toContain(inY.id);
      expect(asia.rows.map((r) => r.id)).toEqual(expect.arrayContaining([named.id, anonymous.id]));
      const mena = await listPublishedInputs({ consultationSlug: "mena" });
      expect(mena.rows.map((r) => r.id)).toEqual([inY.id]);
      const theme6 = await listPublishedInputs({ theme: 6 });
      expect(theme6.rows.map((r) => r.id)).toEqual([anonymous.id]);
      const theme5InAsia = await listPublishedInputs({ consultationSlug: "asia", theme: 5 });
      expect(theme5InAsia.rows.map((r) => r.id).sort()).toEqual([named.id, anonymous.id].sort());
      expect((await listPublishedInputs({ consultationSlug: "no-such-consultation" })).rows).toEqual([]);

      // Unpublishing or requesting changes takes it off the public list.
      await act(anchorX, { action: "unpublish", submissionId: named.id, version: await versionOf(named.id) });
      await act(secretariat, { action: "requestChanges", submissionId: anonymous.id, version: await versionOf(anonymous.id), message: "One more source." });
      expect((await stored(anonymous.id)).publishedAt).toBeNull();
      const after = (await listPublishedInputs({ consultationSlug: "asia" })).rows.map((r) => r.id);
      expect(after).not.toContain(named.id);
      expect(after).not.toContain(anonymous.id);
    });

    it("accepts in bulk row by row, skipping stale rows and other consultations' rows", async () => {
      const { anchorX, anchorY, secretariat, memberA, w } = s;
      const [r1, r2, r3] = [await submit(memberA, { title: "Bulk 1" }), await submit(memberA, { title: "Bulk 2" }), await submit(memberA, { title: "Bulk 3" })];
      const y1 = await submit(memberA, { title: "Bulk in MENA", consultationId: w.consultationY });
      const [v1, v2, v3, vy] = [await versionOf(r1.id), await versionOf(r2.id), await versionOf(r3.id), await versionOf(y1.id)];
      // Someone tags r2 after the anchor loaded the queue.
      await act(secretariat, { action: "tag", submissionId: r2.id, version: v2, keywords: "meanwhile" });
      const snapshot = async (id: string) => {
        const row = await stored(id);
        return { status: row.status, version: row.version, keywords: row.keywords, audit: await moderationAudit(id) };
      };
      const r2Before = await snapshot(r2.id);
      const y1Before = await snapshot(y1.id);

      // An anchor of Y cannot act on X at all; an anchor of X cannot name Y as the consultation.
      const selected = [`${r1.id}:${v1}`, `${r2.id}:${v2}`, `${r3.id}:${v3}`, `${y1.id}:${vy}`];
      await expect(bulkModerate({ actor: anchorY, input: bulkSchema.parse({ consultationId: w.consultationX, action: "accept", selected }) })).rejects.toBeInstanceOf(NotFoundError);
      await expect(bulkModerate({ actor: anchorX, input: bulkSchema.parse({ consultationId: w.consultationY, action: "accept", selected: [`${y1.id}:${vy}`] }) })).rejects.toBeInstanceOf(NotFoundError);
      await expect(bulkModerate({ actor: memberA, input: bulkSchema.parse({ consultationId: w.consultationX, action: "accept", selected }) })).rejects.toBeInstanceOf(NotFoundError);
      for (const id of [r1.id, r3.id]) expect((await stored(id)).status).toBe("submitted");

      const result = await bulkModerate({ actor: anchorX, input: bulkSchema.parse({ consultationId: w.consultationX, action: "accept", selected }) });
      expect(result).toEqual({ done: 2, skipped: 2 });
      for (const [id, v] of [
        [r1.id, v1],
        [r3.id, v3],
      ] as const) {
        const row = await stored(id);
        expect(row.status).toBe("accepted");
        expect(row.version).toBe(v + 1);
        expect(await moderationAudit(id)).toEqual([{ who: w.ids.anchorX, action: "submission.accept", from: "submitted", to: "accepted", note: null }]);
      }
      expect(await snapshot(r2.id)).toEqual(r2Before);
      expect(await snapshot(y1.id)).toEqual(y1Before);

      // A keyword in bulk: lower-cased, added to what is there, one audit row per row.
      const kw = await bulkModerate({
        actor: anchorX,
        input: bulkSchema.parse({ consultationId: w.consultationX, action: "keyword", keyword: " Fair Recruitment ", selected: [`${r1.id}:${v1 + 1}`, `${r2.id}:${v2 + 1}`] }),
      });
      expect(kw).toEqual({ done: 2, skipped: 0 });
      expect((await stored(r1.id)).keywords).toEqual(["fair recruitment"]);
      expect((await stored(r2.id)).keywords).toEqual(["meanwhile", "fair recruitment"]);
      expect((await moderationAudit(r2.id)).map((a) => [a.who, a.action, a.note])).toEqual([
        [w.ids.secretariat, "submission.tag", "keywords meanwhile"],
        [w.ids.anchorX, "submission.tag", "keywords fair recruitment"],
      ]);
    });

    it("requests changes and does not accept in bulk, with one message e-mailed to each organisation", async () => {
      const { anchorX, memberA, memberB, w } = s;
      const a1 = await submit(memberA, { title: "Bulk changes A" });
      const b1 = await submit(memberB, { title: "Bulk changes B", organisationId: w.orgB });
      const a2 = await submit(memberA, { title: "Bulk no A" });
      const message = "Please add the countries your members work in.";
      // No message: refused by the schema, for both actions.
      for (const action of ["requestChanges", "reject"] as const) {
        expect(bulkSchema.safeParse({ consultationId: w.consultationX, action, selected: [`${a1.id}:1`] }).success).toBe(false);
        expect(bulkSchema.safeParse({ consultationId: w.consultationX, action, message: "  ", selected: [`${a1.id}:1`] }).success).toBe(false);
      }
      const changes = await bulkModerate({
        actor: anchorX,
        input: bulkSchema.parse({ consultationId: w.consultationX, action: "requestChanges", message, selected: [`${a1.id}:${await versionOf(a1.id)}`, `${b1.id}:${await versionOf(b1.id)}`] }),
      });
      expect(changes).toEqual({ done: 2, skipped: 0 });
      for (const r of [a1, b1]) {
        expect(await stored(r.id)).toMatchObject({ status: "changes_requested", moderatorMessage: message });
        const mails = await mailsAbout(r.reference);
        expect(mails).toHaveLength(1);
        expect(mails[0]!.text).toContain(message);
      }
      expect((await mailsAbout(a1.reference))[0]!.organisationId).toBe(w.orgA);
      expect((await mailsAbout(b1.reference))[0]!.organisationId).toBe(w.orgB);
      const rejected = await bulkModerate({ actor: anchorX, input: bulkSchema.parse({ consultationId: w.consultationX, action: "reject", message: "Outside the themes.", selected: [`${a2.id}:${await versionOf(a2.id)}`] }) });
      expect(rejected).toEqual({ done: 1, skipped: 0 });
      expect(await stored(a2.id)).toMatchObject({ status: "rejected", moderatorMessage: "Outside the themes." });
      expect((await moderationAudit(a2.id)).map((a) => [a.action, a.note])).toEqual([["submission.reject", "Outside the themes."]]);
    });
  });

  // ================================================================ queue and overview
  describe("queue", () => {
    let s: Setup;
    const { submit, stored, versionOf, act } = bind(() => s);
    const at = (day: number, hour = 8) => new Date(Date.UTC(2017, 5, day, hour));
    const ids: Record<string, string> = {};
    const id = (name: string) => ids[name]!;
    const filters = (raw: Record<string, unknown> = {}) => queueFiltersSchema.parse(raw);
    const queueIds = async (raw: Record<string, unknown>, actor = s.anchorX, consultationId: string | null = s.w.consultationX) =>
      (await listQueue({ actor, consultationId, filters: filters(raw), pageSize: 100 })).rows.map((r) => r.id).sort();
    const named = (...names: string[]) => names.map(id).sort();

    beforeAll(async () => {
      const opened = await createTestDatabase(driver);
      useDatabaseForTests(opened);
      s = await setUp(opened);
      const { w, memberA, memberB, t } = s;
      await t.db.update(organisations).set({ type: "trade_union" }).where(eq(organisations.id, w.orgB));
      const b = { organisationId: w.orgB };
      const made = {
        en: await submit(memberA, { title: "Rights of every domestic worker", body: "Each worker keeps her passport.", themes: [1], countries: ["TH"], now: at(1) }),
        fr: await submit(memberA, {
          title: "Protéger chaque travailleuse domestique",
          summary: "Un résumé.",
          body: "La travailleuse migrante garde son passeport.",
          language: "fr",
          themes: [2],
          countries: ["PH"],
          now: at(2),
        }),
        es: await submit(memberA, { title: "Derechos del trabajador migrante", summary: "Un resumen.", body: "El trabajador migrante necesita protección.", language: "es", themes: [3], countries: ["MX"], now: at(3) }),
        ar: await submit(memberB, { ...b, title: "حماية العمال المهاجرين", summary: "ملخص قصير", body: "نص المساهمة", language: "ar", themes: [4], countries: ["LB"], now: at(4) }),
        climate: await submit(memberB, { ...b, title: "Climate and human mobility", body: "Displacement after storms.", themes: [1, 5], countries: ["TH", "FJ"], now: at(5) }),
        same1: await submit(memberA, { title: "Same moment one", themes: [6], countries: ["PH"], now: at(6) }),
        same2: await submit(memberA, { title: "Same moment two", themes: [6], countries: ["PH"], now: at(6) }),
        inY: await submit(memberA, { title: "A worker in Beirut", consultationId: w.consultationY, themes: [1], countries: ["LB"], now: at(3, 12) }),
      };
      for (const [name, r] of Object.entries(made)) ids[name] = r.id;
      const draft = await saveDraft({
        actor: memberA,
        input: draftSchema.parse({ consultationId: w.consultationX, organisationId: w.orgA, version: 0, idempotencyKey: key(), intent: "draft", title: "Draft about workers", body: "workers", themes: [1], countries: ["TH"] }),
      });
      ids.draft = draft.id;
      await act(s.anchorX, { action: "accept", submissionId: id("en"), version: await versionOf(id("en")) });
      await act(s.anchorX, { action: "requestChanges", submissionId: id("fr"), version: await versionOf(id("fr")), message: "Merci." });
      await act(s.anchorX, { action: "reject", submissionId: id("climate"), version: await versionOf(id("climate")), reason: "Off topic." });
    });
    afterAll(async () => {
      await s?.t.close();
    });

    it("filters by status, theme, country, organisation type, language and dates, never showing drafts", async () => {
      const inX = named("en", "fr", "es", "ar", "climate", "same1", "same2");
      expect(await queueIds({})).toEqual(inX);
      expect(await queueIds({}, s.secretariat)).toEqual(inX);
      expect(await queueIds({ status: "accepted" })).toEqual(named("en"));
      expect(await queueIds({ status: "changes_requested" })).toEqual(named("fr"));
      expect(await queueIds({ status: "rejected" })).toEqual(named("climate"));
      expect(await queueIds({ status: "submitted" })).toEqual(named("es", "ar", "same1", "same2"));
      // "draft" is not a queue status: ignored like any malformed filter, and drafts still absent.
      expect(await queueIds({ status: "draft" })).toEqual(inX);
      expect(await queueIds({ theme: "1" })).toEqual(named("en", "climate"));
      expect(await queueIds({ theme: 6 })).toEqual(named("same1", "same2"));
      expect(await queueIds({ country: "PH" })).toEqual(named("fr", "same1", "same2"));
      expect(await queueIds({ country: "FJ" })).toEqual(named("climate"));
      expect(await queueIds({ orgType: "trade_union" })).toEqual(named("ar", "climate"));
      expect(await queueIds({ orgType: "ngo" })).toEqual(named("en", "fr", "es", "same1", "same2"));
      expect(await queueIds({ language: "fr" })).toEqual(named("fr"));
      expect(await queueIds({ language: "en" })).toEqual(named("en", "climate", "same1", "same2"));
      expect(await queueIds({ from: "2017-06-02", to: "2017-06-04" })).toEqual(named("fr", "es", "ar"));
      expect(await queueIds({ from: "2017-06-06" })).toEqual(named("same1", "same2"));
      expect(await queueIds({ to: "2017-06-01" })).toEqual(named("en"));
      expect(await queueIds({ theme: 1, orgType: "trade_union" })).toEqual(named("climate"));
      expect(await queueIds({ theme: 1, status: "submitted" })).toEqual([]);
      const all = await listQueue({ actor: s.secretariat, consultationId: null, filters: filters(), pageSize: 100 });
      expect(all.rows.map((r) => r.id).sort()).toEqual([...inX, id("inY")].sort());
      expect(all.total).toBe(8);
      expect(all.rows.map((r) => r.id)).not.toContain(id("draft"));
      const row = all.rows.find((r) => r.id === id("ar"))!;
      expect(row.organisation).toMatchObject({ id: s.w.orgB, type: "trade_union", registered: false });
      expect(all.rows.find((r) => r.id === id("en"))!.organisation).toMatchObject({ id: s.w.orgA, type: "ngo", registered: true });
    });

    it("searches stemmed English, French, Spanish and Arabic", async () => {
      expect(await queueIds({ q: "workers" })).toEqual(named("en"));
      expect(await queueIds({ q: "passports" })).toEqual(named("en"));
      expect(await queueIds({ q: "passeports" })).toEqual(named("fr"));
      expect(await queueIds({ q: "travailleuses" })).toEqual(named("fr"));
      expect(await queueIds({ q: "trabajadores" })).toEqual(named("es"));
      expect(await queueIds({ q: "العمال" })).toEqual(named("ar"));
      expect(await queueIds({ q: "المهاجرين" })).toEqual(named("ar"));
      expect(await queueIds({ q: "nothing matches this" })).toEqual([]);
      expect(await queueIds({ q: "workers", status: "submitted" })).toEqual([]);
      // Across consultations (the secretariat): the MENA input too; the draft never.
      expect(await queueIds({ q: "workers" }, s.secretariat, null)).toEqual(named("en", "inY"));
      // A search counts up to a cap, then says "more than"; the rows are the same either way.
      const search = (searchCountCap: number) => listQueue({ actor: s.secretariat, consultationId: null, filters: filters({ q: "workers" }), searchCountCap });
      expect(await search(2)).toMatchObject({ total: 2, totalCapped: false });
      const capped = await search(1);
      expect(capped).toMatchObject({ total: 1, totalCapped: true });
      expect(capped.rows).toHaveLength(2);
      // Without a search the count is exact whatever the cap.
      expect(await listQueue({ actor: s.secretariat, consultationId: null, filters: filters(), searchCountCap: 1 })).toMatchObject({ total: 8, totalCapped: false });
    });

    it("finds an input by its reference, however typed, and by its organisation's name or acronym", async () => {
      const ref = (await stored(id("es"))).reference!;
      const [code, digits] = ref.split("-") as [string, string];
      expect(await queueIds({ q: ref })).toEqual(named("es"));
      expect(await queueIds({ q: ref.toLowerCase() })).toEqual(named("es"));
      expect(await queueIds({ q: `${code} ${Number(digits)}` })).toEqual(named("es"));
      expect(await queueIds({ q: `${code}${digits}` })).toEqual(named("es"));
      // Another consultation's reference is not found in this one, even by the secretariat.
      const refY = (await stored(id("inY"))).reference!;
      expect(await queueIds({ q: refY })).toEqual([]);
      expect(await queueIds({ q: refY }, s.secretariat, null)).toEqual(named("inY"));
      // The organisation's name, in part and in any case; its acronym; combined with the filters.
      const [orgB] = await s.t.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, s.w.orgB));
      expect(await queueIds({ q: orgB!.name })).toEqual(named("ar", "climate"));
      expect(await queueIds({ q: orgB!.name.toUpperCase().slice(0, -1) })).toEqual(named("ar", "climate"));
      expect(await queueIds({ q: orgB!.name, status: "rejected" })).toEqual(named("climate"));
      await s.t.db.update(organisations).set({ acronym: "TUWB" }).where(eq(organisations.id, s.w.orgB));
      expect(await queueIds({ q: "tuwb" })).toEqual(named("ar", "climate"));
      // LIKE's wildcards typed are literal; two letters are too few to search names with.
      expect(await queueIds({ q: "%%%" })).toEqual([]);
      expect(await queueIds({ q: "Or" })).toEqual([]);
      // Words still work, and a word that is also in a name finds both.
      expect(await queueIds({ q: "workers" })).toEqual(named("en"));
    });

    it("walks keyset pages of two, every row once and in order, both ways", async () => {
      for (const sort of ["newest", "oldest"] as const) {
        const full = await listQueue({ actor: s.anchorX, consultationId: s.w.consultationX, filters: filters({ sort }), pageSize: 100 });
        expect(full.nextCursor).toBeNull();
        const expected = [...full.rows].sort((a, b) => a.submittedAt!.getTime() - b.submittedAt!.getTime() || (a.id < b.id ? -1 : 1));
        if (sort === "newest") expected.reverse();
        expect(full.rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
        expect(full.rows).toHaveLength(7);

        const walked: string[] = [];
        let after: string | undefined;
        let pages = 0;
        do {
          const page = await listQueue({ actor: s.anchorX, consultationId: s.w.consultationX, filters: filters({ sort, after }), pageSize: 2 });
          expect(page.total).toBe(7);
          expect(page.rows.length).toBeLessThanOrEqual(2);
          walked.push(...page.rows.map((r) => r.id));
          after = page.nextCursor ?? undefined;
          if (after) expect(filters({ after }).after, "the cursor survives the URL schema").toBe(after);
          pages++;
        } while (after && pages < 10);
        expect(pages).toBe(4);
        expect(walked).toEqual(expected.map((r) => r.id));
      }
    });

    it("keeps each consultation's queue to its anchors, and the whole queue to the secretariat", async () => {
      const { w, anchorX, anchorY, memberA, secretariat } = s;
      await expect(listQueue({ actor: anchorY, consultationId: w.consultationX, filters: filters() })).rejects.toBeInstanceOf(NotFoundError);
      await expect(listQueue({ actor: anchorX, consultationId: w.consultationY, filters: filters() })).rejects.toBeInstanceOf(NotFoundError);
      await expect(listQueue({ actor: memberA, consultationId: w.consultationX, filters: filters() })).rejects.toBeInstanceOf(NotFoundError);
      for (const actor of [anchorX, anchorY, memberA]) {
        await expect(listQueue({ actor, consultationId: null, filters: filters() })).rejects.toBeInstanceOf(ForbiddenError);
        await expect(getOverview({ actor, consultationId: null })).rejects.toBeInstanceOf(ForbiddenError);
      }
      await expect(getOverview({ actor: anchorY, consultationId: w.consultationX })).rejects.toBeInstanceOf(NotFoundError);
      expect((await listQueue({ actor: anchorY, consultationId: w.consultationY, filters: filters() })).rows.map((r) => r.id)).toEqual([id("inY")]);
      expect((await listQueue({ actor: secretariat, consultationId: w.consultationY, filters: filters() })).total).toBe(1);
    });

    it("counts the overview by status, theme, country, organisation type and language", async () => {
      const o = await getOverview({ actor: s.anchorX, consultationId: s.w.consultationX });
      expect(o.total).toBe(7);
      expect(o.byStatus).toEqual({ accepted: 1, changes_requested: 1, rejected: 1, submitted: 4 });
      expect(o.byTheme).toEqual({ "1": 2, "2": 1, "3": 1, "4": 1, "5": 1, "6": 2 });
      expect(Object.fromEntries(o.byCountry.map((c) => [c.key, c.n]))).toEqual({ TH: 2, PH: 3, MX: 1, LB: 1, FJ: 1 });
      expect(o.byCountry[0]).toEqual({ key: "PH", n: 3 });
      expect(o.byOrgType).toEqual({ ngo: 5, trade_union: 2 });
      expect(o.byLanguage).toEqual({ en: 4, fr: 1, es: 1, ar: 1 });
      expect(o.registrations.byStatus).toEqual({ pending: 1 });

      // The same figures, counted independently from the table.
      const [n] = await s.t.db
        .select({ n: count() })
        .from(submissions)
        .where(and(eq(submissions.consultationId, s.w.consultationX), ne(submissions.status, "draft")));
      expect(o.total).toBe(n!.n);

      const everything = await getOverview({ actor: s.secretariat, consultationId: null });
      expect(everything.total).toBe(8);
      expect(everything.byCountry.find((c) => c.key === "LB")).toEqual({ key: "LB", n: 2 });
      expect(everything.byStatus.submitted).toBe(5);
    });
  });
});
