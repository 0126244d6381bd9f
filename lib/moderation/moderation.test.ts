// Moderators' decisions on real databases: two moderators deciding on one version, each decision
// with its audit row and e-mail in one transaction (undone together when one fails), and bulk
// decisions row by row.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { organisations } from "@/db/schema";
import { DomainError, NotFoundError } from "@/lib/errors";
import { listPublishedInputs } from "@/lib/public/inputs";
import { createTestDatabase, drivers } from "@/lib/testing/db";
import { bulkModerate } from "./decisions";
import { getSubmissionForModeration } from "./detail";
import { bulkSchema, moderationActionSchema } from "./schemas";
import { caught } from "@/lib/testing/inputs";
import { bind, setUp, type Setup } from "@/lib/testing/moderation";

describe.each(drivers)("moderation on %s", (driver) => {
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
      await db.execute(
        sql`create or replace function test_refuse_insert() returns trigger language plpgsql as $$ begin raise exception 'refused by test'; end $$`,
      );
      await db.execute(
        sql`create trigger test_refuse before insert on ${sql.identifier(table)} for each row execute function test_refuse_insert()`,
      );
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
      const stale = await caught(
        act(secretariat, { action: "requestChanges", submissionId: r.id, version: v, message: "Please shorten." }),
      );
      expect(stale.code).toBe("staleModeration");
      expect(stale.status).toBe(409);
      expect(stale.values).toMatchObject({
        who: "anchorX",
        action: "submission.accept",
        from: "submitted",
        to: "accepted",
      });
      expect(String(stale.values.when)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

      const row = await stored(r.id);
      expect(row.status).toBe("accepted");
      expect(row.moderatorMessage).toBeNull();
      expect(row.version).toBe(v + 1);
      expect(await moderationAudit(r.id)).toEqual([
        { who: w.ids.anchorX, action: "submission.accept", from: "submitted", to: "accepted", note: null },
      ]);
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
        expect(e.values).toMatchObject({
          who: "anchorX",
          action: "submission.accept",
          from: "submitted",
          to: "accepted",
        });
        expect(row.status).toBe("accepted");
        expect(row.moderatorMessage).toBeNull();
        expect(await moderationAudit(r.id)).toEqual([
          { who: w.ids.anchorX, action: "submission.accept", from: "submitted", to: "accepted", note: null },
        ]);
        expect(await mailsAbout(r.reference)).toHaveLength(0);
      } else {
        expect(e.values).toMatchObject({
          who: "secretariat",
          action: "submission.requestChanges",
          from: "submitted",
          to: "changes_requested",
        });
        expect(row.status).toBe("changes_requested");
        expect(row.moderatorMessage).toBe("Please add sources.");
        expect(await moderationAudit(r.id)).toEqual([
          {
            who: w.ids.secretariat,
            action: "submission.requestChanges",
            from: "submitted",
            to: "changes_requested",
            note: "Please add sources.",
          },
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
      const failed = await whileInsertsFail("email_outbox", () =>
        act(anchorX, { action: "requestChanges", submissionId: r.id, version: v, message }),
      );
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
      expect(await moderationAudit(r.id)).toEqual([
        {
          who: w.ids.anchorX,
          action: "submission.requestChanges",
          from: "submitted",
          to: "changes_requested",
          note: message,
        },
      ]);
      const [org] = await t.db
        .select({ email: organisations.contactEmail })
        .from(organisations)
        .where(eq(organisations.id, w.orgA));
      const mails = await mailsAbout(r.reference);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.to).toBe(org!.email);
      expect(mails[0]!.text).toContain(message);
      expect(mails[0]!.text).toContain(`/submissions/${r.id}`);
      // Requesting changes again while the organisation has not answered is not a transition.
      expect(
        (await caught(act(anchorX, { action: "requestChanges", submissionId: r.id, version: v + 1, message: "Again" })))
          .code,
      ).toBe("invalidTransition");
    });

    it("accepts with its audit row in the same transaction", async () => {
      const { anchorX, w } = s;
      const r = await submit(s.memberA, { title: "To accept" });
      const v = await versionOf(r.id);
      const failed = await whileInsertsFail("audit_events", () =>
        act(anchorX, { action: "accept", submissionId: r.id, version: v }),
      );
      expect(failed).toBeInstanceOf(Error);
      expect((await stored(r.id)).status).toBe("submitted");
      expect(await versionOf(r.id)).toBe(v);

      await act(anchorX, { action: "accept", submissionId: r.id, version: v });
      expect((await stored(r.id)).status).toBe("accepted");
      expect(await moderationAudit(r.id)).toEqual([
        { who: w.ids.anchorX, action: "submission.accept", from: "submitted", to: "accepted", note: null },
      ]);
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
      await act(secretariat, {
        action: "reject",
        submissionId: r.id,
        version: v,
        reason: "Outside the scope of the consultation.",
      });
      const row = await stored(r.id);
      expect(row.status).toBe("rejected");
      expect(row.moderatorMessage).toBe("Outside the scope of the consultation.");
      expect(await moderationAudit(r.id)).toEqual([
        {
          who: w.ids.secretariat,
          action: "submission.reject",
          from: "submitted",
          to: "rejected",
          note: "Outside the scope of the consultation.",
        },
      ]);
      // Rejected is final: no accepting, no requesting changes, no publishing afterwards.
      expect((await caught(act(secretariat, { action: "accept", submissionId: r.id, version: v + 1 }))).code).toBe(
        "invalidTransition",
      );
      expect(
        (await caught(act(secretariat, { action: "requestChanges", submissionId: r.id, version: v + 1, message: "x" })))
          .code,
      ).toBe("invalidTransition");
      expect((await caught(act(secretariat, { action: "publish", submissionId: r.id, version: v + 1 }))).code).toBe(
        "publishOnlyAccepted",
      );
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
      expect(
        moderationActionSchema.safeParse({
          action: "markDuplicate",
          submissionId: copy.id,
          version: v,
          duplicateOf: "not a reference",
        }).success,
      ).toBe(false);
      for (const ref of ["ASIA-9999", inY.reference, copy.reference]) {
        const e = await caught(
          act(anchorX, { action: "markDuplicate", submissionId: copy.id, version: v, duplicateOf: ref }),
        );
        expect(e.code).toBe("duplicateNotFound");
        expect(e.values.reference).toBe(ref);
      }
      expect(await versionOf(copy.id)).toBe(v);
      expect(await moderationAudit(copy.id)).toEqual([]);

      await act(anchorX, {
        action: "markDuplicate",
        submissionId: copy.id,
        version: v,
        duplicateOf: original.reference,
      });
      const row = await stored(copy.id);
      expect(row.status).toBe("duplicate");
      expect(row.duplicateOfId).toBe(original.id);
      expect(await moderationAudit(copy.id)).toEqual([
        {
          who: w.ids.anchorX,
          action: "submission.markDuplicate",
          from: "submitted",
          to: "duplicate",
          note: original.reference,
        },
      ]);
      const detail = await getSubmissionForModeration({ actor: anchorX, submissionId: copy.id });
      expect(detail.duplicateOfReference).toBe(original.reference);
      expect((await caught(act(anchorX, { action: "accept", submissionId: copy.id, version: v + 1 }))).code).toBe(
        "invalidTransition",
      );
    });

    it("tags with themes and lower-cased keywords, never removing existing ones", async () => {
      const { anchorX, w } = s;
      const r = await submit(s.memberA, { title: "To tag", themes: [3, 1] });
      let v = await versionOf(r.id);
      ({ version: v } = await act(anchorX, {
        action: "tag",
        submissionId: r.id,
        version: v,
        themes: ["2"],
        keywords: " Domestic Work, VISAS ,domestic work,, ",
      }));
      let row = await stored(r.id);
      expect(row.themes).toEqual([1, 2, 3]);
      expect(row.keywords).toEqual(["domestic work", "visas"]);
      ({ version: v } = await act(anchorX, {
        action: "tag",
        submissionId: r.id,
        version: v,
        themes: [1],
        keywords: "Kafala",
      }));
      row = await stored(r.id);
      expect(row.themes).toEqual([1, 2, 3]);
      expect(row.keywords).toEqual(["domestic work", "visas", "kafala"]);
      expect(row.status).toBe("submitted");
      expect(row.version).toBe(v);
      expect(await moderationAudit(r.id)).toEqual([
        {
          who: w.ids.anchorX,
          action: "submission.tag",
          from: "submitted",
          to: "submitted",
          note: "themes 2; keywords domestic work,visas",
        },
        {
          who: w.ids.anchorX,
          action: "submission.tag",
          from: "submitted",
          to: "submitted",
          note: "themes 1; keywords kafala",
        },
      ]);
    });

    it("publishes only accepted inputs whose organisation consented", async () => {
      const { anchorX, w } = s;
      const named = await submit(s.memberA, { title: "Publish me", publication: "named" });
      let v = await versionOf(named.id);
      expect((await caught(act(anchorX, { action: "publish", submissionId: named.id, version: v }))).code).toBe(
        "publishOnlyAccepted",
      );
      expect((await stored(named.id)).publishedAt).toBeNull();
      ({ version: v } = await act(anchorX, { action: "accept", submissionId: named.id, version: v }));
      ({ version: v } = await act(anchorX, { action: "publish", submissionId: named.id, version: v }));
      expect((await stored(named.id)).publishedAt).toBeInstanceOf(Date);
      expect((await moderationAudit(named.id)).at(-1)).toEqual({
        who: w.ids.anchorX,
        action: "submission.publish",
        from: "accepted",
        to: "accepted",
        note: "named",
      });

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
        expect(
          await whileInsertsFail("email_outbox", () =>
            act(anchorX, { action: "accept", submissionId: r.id, version: v }),
          ),
        ).toBeInstanceOf(Error);
        expect((await stored(r.id)).status).toBe("submitted");
        expect(await mailsAbout(r.reference, "submissionAccepted")).toHaveLength(0);

        ({ version: v } = await act(anchorX, { action: "accept", submissionId: r.id, version: v }));
        const [org] = await t.db
          .select({ email: organisations.contactEmail })
          .from(organisations)
          .where(eq(organisations.id, w.orgA));
        const accepted = await mailsAbout(r.reference, "submissionAccepted");
        expect(accepted).toHaveLength(1);
        expect(accepted[0]).toMatchObject({ to: org!.email, locale: "fr", organisationId: w.orgA });
        expect(accepted[0]!.subject).toBe(`Contribution acceptée : ${r.reference}`);
        expect(accepted[0]!.text).toContain(`/fr/submissions/${r.id}`);

        expect(
          await whileInsertsFail("email_outbox", () =>
            act(anchorX, { action: "publish", submissionId: r.id, version: v }),
          ),
        ).toBeInstanceOf(Error);
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

    it("accepts in bulk row by row, skipping stale rows and other consultations' rows", async () => {
      const { anchorX, anchorY, secretariat, memberA, w } = s;
      const [r1, r2, r3] = [
        await submit(memberA, { title: "Bulk 1" }),
        await submit(memberA, { title: "Bulk 2" }),
        await submit(memberA, { title: "Bulk 3" }),
      ];
      const y1 = await submit(memberA, { title: "Bulk in MENA", consultationId: w.consultationY });
      const [v1, v2, v3, vy] = [
        await versionOf(r1.id),
        await versionOf(r2.id),
        await versionOf(r3.id),
        await versionOf(y1.id),
      ];
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
      await expect(
        bulkModerate({
          actor: anchorY,
          input: bulkSchema.parse({ consultationId: w.consultationX, action: "accept", selected }),
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        bulkModerate({
          actor: anchorX,
          input: bulkSchema.parse({ consultationId: w.consultationY, action: "accept", selected: [`${y1.id}:${vy}`] }),
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        bulkModerate({
          actor: memberA,
          input: bulkSchema.parse({ consultationId: w.consultationX, action: "accept", selected }),
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
      for (const id of [r1.id, r3.id]) expect((await stored(id)).status).toBe("submitted");

      const result = await bulkModerate({
        actor: anchorX,
        input: bulkSchema.parse({ consultationId: w.consultationX, action: "accept", selected }),
      });
      expect(result).toEqual({ done: 2, skipped: 2 });
      for (const [id, v] of [
        [r1.id, v1],
        [r3.id, v3],
      ] as const) {
        const row = await stored(id);
        expect(row.status).toBe("accepted");
        expect(row.version).toBe(v + 1);
        expect(await moderationAudit(id)).toEqual([
          { who: w.ids.anchorX, action: "submission.accept", from: "submitted", to: "accepted", note: null },
        ]);
      }
      expect(await snapshot(r2.id)).toEqual(r2Before);
      expect(await snapshot(y1.id)).toEqual(y1Before);

      // A keyword in bulk: lower-cased, added to what is there, one audit row per row.
      const kw = await bulkModerate({
        actor: anchorX,
        input: bulkSchema.parse({
          consultationId: w.consultationX,
          action: "keyword",
          keyword: " Fair Recruitment ",
          selected: [`${r1.id}:${v1 + 1}`, `${r2.id}:${v2 + 1}`],
        }),
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
        expect(
          bulkSchema.safeParse({ consultationId: w.consultationX, action, selected: [`${a1.id}:1`] }).success,
        ).toBe(false);
        expect(
          bulkSchema.safeParse({ consultationId: w.consultationX, action, message: "  ", selected: [`${a1.id}:1`] })
            .success,
        ).toBe(false);
      }
      const changes = await bulkModerate({
        actor: anchorX,
        input: bulkSchema.parse({
          consultationId: w.consultationX,
          action: "requestChanges",
          message,
          selected: [`${a1.id}:${await versionOf(a1.id)}`, `${b1.id}:${await versionOf(b1.id)}`],
        }),
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
      const rejected = await bulkModerate({
        actor: anchorX,
        input: bulkSchema.parse({
          consultationId: w.consultationX,
          action: "reject",
          message: "Outside the themes.",
          selected: [`${a2.id}:${await versionOf(a2.id)}`],
        }),
      });
      expect(rejected).toEqual({ done: 1, skipped: 0 });
      expect(await stored(a2.id)).toMatchObject({ status: "rejected", moderatorMessage: "Outside the themes." });
      expect((await moderationAudit(a2.id)).map((a) => [a.action, a.note])).toEqual([
        ["submission.reject", "Outside the themes."],
      ]);
    });
  });
});
