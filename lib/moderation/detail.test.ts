// What each reader sees of a moderated input, on real databases: the moderators' page (drafts and
// other consultations' inputs refused), the organisation's (the message, never internal notes),
// revision diffs, and the public's (published, consented inputs only; anonymous ones without a trace
// of who).
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { attachments, internalNotes, organisations, submissions } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { getPublishedAttachment, getPublishedInput, listPublishedInputs } from "@/lib/public/inputs";
import { editSubmission, getOwnSubmission, saveDraft, submitSubmission } from "@/lib/submissions";
import { draftSchema, submissionSchema } from "@/lib/submissions/schemas";
import { createTestDatabase, drivers } from "@/lib/testing/db";
import { addInternalNote } from "./decisions";
import { diffRevisions, getSubmissionForModeration } from "./detail";
import { beforeDeadlines as before, caught, inputContent as content, newInput } from "@/lib/testing/inputs";
import { bind, setUp, type Setup } from "@/lib/testing/moderation";

describe.each(drivers)("moderation on %s", (driver) => {
  describe("decisions", () => {
    let s: Setup;
    const { submit, stored, versionOf, act, moderationAudit } = bind(() => s);
    beforeAll(async () => {
      const t = await createTestDatabase(driver);
      useDatabaseForTests(t);
      s = await setUp(t);
    });
    afterAll(async () => {
      await s?.t.close();
    });

    it("shows a published input's own page to anyone, its files only when it is published with the organisation's name", async () => {
      const { anchorX, memberA, w, t } = s;
      const pdf = new TextEncoder().encode(
        "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
      );
      const withFile = async (title: string, publication: "named" | "anonymous") =>
        submitSubmission({
          actor: memberA,
          input: submissionSchema.parse({
            ...newInput(w.consultationX, w.orgA, "submit"),
            ...content({ title, publication, recommendations: ["One thing to do."] }),
          }),
          files: [{ name: `${title}.pdf`, bytes: pdf }],
          now: before,
        });
      const named = await withFile("Named with a file", "named");
      const anonymous = await withFile("Anonymous with a file", "anonymous");
      const fileOf = async (id: string) =>
        (await t.db.select().from(attachments).where(eq(attachments.submissionId, id)))[0]!.id;
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
      expect(page).toMatchObject({
        title: "Named with a file",
        body: "What the organisation has to say.",
        recommendations: ["One thing to do."],
      });
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
        input: draftSchema.parse({
          ...newInput(w.consultationX, w.orgA, "draft"),
          title: "A draft",
        }),
      });
      await expect(
        act(anchorX, { action: "accept", submissionId: draft.id, version: draft.version }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(getSubmissionForModeration({ actor: anchorX, submissionId: draft.id })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(addInternalNote({ actor: anchorX, submissionId: draft.id, body: "x" })).rejects.toBeInstanceOf(
        NotFoundError,
      );

      const r = await submit(memberA, { title: "Not theirs" });
      const v = await versionOf(r.id);
      for (const actor of [anchorY, memberA, memberB]) {
        await expect(act(actor, { action: "accept", submissionId: r.id, version: v })).rejects.toBeInstanceOf(
          NotFoundError,
        );
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
      expect((await moderationAudit(r.id)).map((a) => a.action)).toEqual([
        "submission.note",
        "submission.note",
        "submission.requestChanges",
      ]);
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
      const original = content({
        title: "Fair recruitment",
        summary: "Recruitment fees.",
        body: "Migrant workers need fair recruitment and decent housing.",
      });
      const r = await submit(memberA, original);
      const v = await versionOf(r.id);
      // Revision 2 adds a theme and a country and changes the language; revision 3 lists the themes in
      // another order (no difference) and swaps a country.
      await editSubmission({
        actor: memberA,
        submissionId: r.id,
        version: v,
        content: {
          ...original,
          body: "Migrant workers need ethical recruitment and decent housing.",
          themes: [1, 4],
          countries: ["PH", "TH"],
          language: "fr",
        },
        now: before,
      });
      const v2 = await versionOf(r.id);
      await editSubmission({
        actor: memberA,
        submissionId: r.id,
        version: v2,
        content: {
          ...original,
          body: "Migrant workers need ethical recruitment and decent housing.",
          themes: [4, 1],
          countries: ["PH", "LB"],
          language: "fr",
        },
        now: before,
      });

      for (const actor of [anchorX, secretariat]) {
        const diff = await diffRevisions({ actor, submissionId: r.id, from: 1, to: 2 });
        expect(diff.map((d) => d.field)).toEqual(["body", "themes", "countries", "language"]);
        const body = diff.find((d) => d.field === "body")!;
        if (body.kind !== "text") throw new Error("body is text");
        expect(body.parts.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(["fair"]);
        expect(body.parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(["ethical"]);
        // The unchanged words are there once, neither added nor removed.
        expect(
          body.parts
            .filter((p) => !p.added && !p.removed)
            .map((p) => p.value)
            .join(""),
        ).toBe("Migrant workers need  recruitment and decent housing.");
        expect(diff.find((d) => d.field === "themes")).toEqual({
          kind: "set",
          field: "themes",
          added: ["4"],
          removed: [],
        });
        expect(diff.find((d) => d.field === "countries")).toEqual({
          kind: "set",
          field: "countries",
          added: ["PH"],
          removed: [],
        });
        expect(diff.find((d) => d.field === "language")).toEqual({
          kind: "value",
          field: "language",
          before: "en",
          after: "fr",
        });
      }
      // Themes in another order are the same themes; a country swapped is one added, one removed.
      expect(await diffRevisions({ actor: anchorX, submissionId: r.id, from: 2, to: 3 })).toEqual([
        { kind: "set", field: "countries", added: ["LB"], removed: ["TH"] },
      ]);
      expect(await diffRevisions({ actor: anchorX, submissionId: r.id, from: 1, to: 1 })).toEqual([]);
      await expect(diffRevisions({ actor: anchorX, submissionId: r.id, from: 1, to: 4 })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(diffRevisions({ actor: anchorY, submissionId: r.id, from: 1, to: 2 })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(diffRevisions({ actor: memberA, submissionId: r.id, from: 1, to: 2 })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      expect(
        (await getSubmissionForModeration({ actor: anchorX, submissionId: r.id })).revisions.map((x) => x.number),
      ).toEqual([1, 2, 3]);
    });

    it("publishes to the public only accepted, published, consented inputs, anonymous ones without any trace of who", async () => {
      const { anchorX, anchorY, secretariat, memberA, memberB, w, t } = s;
      const publish = async (id: string, actor = anchorX) => {
        let v = await versionOf(id);
        ({ version: v } = await act(actor, { action: "accept", submissionId: id, version: v }));
        await act(actor, { action: "publish", submissionId: id, version: v });
      };
      const named = await submit(memberA, {
        title: "Public named",
        themes: [5],
        contactName: "Named Contact Person",
        contactEmail: "named.contact@example.net",
      });
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
      await act(anchorX, {
        action: "accept",
        submissionId: acceptedOnly.id,
        version: await versionOf(acceptedOnly.id),
      });
      const nv = (await act(anchorX, { action: "accept", submissionId: none.id, version: await versionOf(none.id) }))
        .version;
      expect((await caught(act(anchorX, { action: "publish", submissionId: none.id, version: nv }))).code).toBe(
        "publishNotConsented",
      );
      // Even with a publication date forced onto it, an input not consented for publication stays private.
      await t.db.update(submissions).set({ publishedAt: new Date() }).where(eq(submissions.id, none.id));

      const all = await listPublishedInputs({});
      const ids = all.rows.map((r) => r.id);
      expect(ids).toContain(named.id);
      expect(ids).toContain(anonymous.id);
      expect(ids).toContain(inY.id);
      for (const hidden of [none, acceptedOnly, submittedOnly]) expect(ids).not.toContain(hidden.id);
      for (const row of all.rows) {
        const [db] = await t.db
          .select({
            status: submissions.status,
            publishedAt: submissions.publishedAt,
            publication: submissions.publication,
          })
          .from(submissions)
          .where(eq(submissions.id, row.id));
        expect(db?.status).toBe("accepted");
        expect(db?.publishedAt).not.toBeNull();
        expect(db?.publication).not.toBe("none");
      }

      const [orgA] = await t.db.select().from(organisations).where(eq(organisations.id, w.orgA));
      const [orgB] = await t.db.select().from(organisations).where(eq(organisations.id, w.orgB));
      expect(all.rows.find((r) => r.id === named.id)?.organisation).toEqual({
        name: orgA!.name,
        country: orgA!.country,
      });
      const anon = all.rows.find((r) => r.id === anonymous.id)!;
      expect(anon.organisation).toBeNull();
      expect(anon.reference).toBe(anonymous.reference);
      const json = JSON.stringify(all);
      for (const secret of [
        orgB!.name,
        orgB!.contactEmail,
        orgB!.id,
        "Hidden Contact Person",
        "hidden.contact@example.net",
        "Named Contact Person",
        "named.contact@example.net",
        orgA!.contactEmail,
      ]) {
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
      await act(secretariat, {
        action: "requestChanges",
        submissionId: anonymous.id,
        version: await versionOf(anonymous.id),
        message: "One more source.",
      });
      expect((await stored(anonymous.id)).publishedAt).toBeNull();
      const after = (await listPublishedInputs({ consultationSlug: "asia" })).rows.map((r) => r.id);
      expect(after).not.toContain(named.id);
      expect(after).not.toContain(anonymous.id);
    });
  });
});
