// The anchors' queue and overview on real databases: filters, search in four languages, references
// and organisation names, keyset pages, each consultation's queue to its anchors.
import { and, count, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { organisations, submissions } from "@/db/schema";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { saveDraft } from "@/lib/submissions";
import { draftSchema } from "@/lib/submissions/schemas";
import { createTestDatabase, drivers } from "@/lib/testing/db";
import { getOverview, listQueue } from "./queue";
import { queueFiltersSchema } from "./schemas";
import { newInput } from "@/lib/testing/inputs";
import { bind, setUp, type Setup } from "@/lib/testing/moderation";

describe.each(drivers)("moderation on %s", (driver) => {
  describe("queue", () => {
    let s: Setup;
    const { submit, stored, versionOf, act } = bind(() => s);
    const at = (day: number, hour = 8) => new Date(Date.UTC(2017, 5, day, hour));
    const ids: Record<string, string> = {};
    const id = (name: string) => ids[name]!;
    const filters = (raw: Record<string, unknown> = {}) => queueFiltersSchema.parse(raw);
    const queueIds = async (
      raw: Record<string, unknown>,
      actor = s.anchorX,
      consultationId: string | null = s.w.consultationX,
    ) =>
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
        en: await submit(memberA, {
          title: "Rights of every domestic worker",
          body: "Each worker keeps her passport.",
          themes: [1],
          countries: ["TH"],
          now: at(1),
        }),
        fr: await submit(memberA, {
          title: "Protéger chaque travailleuse domestique",
          summary: "Un résumé.",
          body: "La travailleuse migrante garde son passeport.",
          language: "fr",
          themes: [2],
          countries: ["PH"],
          now: at(2),
        }),
        es: await submit(memberA, {
          title: "Derechos del trabajador migrante",
          summary: "Un resumen.",
          body: "El trabajador migrante necesita protección.",
          language: "es",
          themes: [3],
          countries: ["MX"],
          now: at(3),
        }),
        ar: await submit(memberB, {
          ...b,
          title: "حماية العمال المهاجرين",
          summary: "ملخص قصير",
          body: "نص المساهمة",
          language: "ar",
          themes: [4],
          countries: ["LB"],
          now: at(4),
        }),
        climate: await submit(memberB, {
          ...b,
          title: "Climate and human mobility",
          body: "Displacement after storms.",
          themes: [1, 5],
          countries: ["TH", "FJ"],
          now: at(5),
        }),
        same1: await submit(memberA, { title: "Same moment one", themes: [6], countries: ["PH"], now: at(6) }),
        same2: await submit(memberA, { title: "Same moment two", themes: [6], countries: ["PH"], now: at(6) }),
        inY: await submit(memberA, {
          title: "A worker in Beirut",
          consultationId: w.consultationY,
          themes: [1],
          countries: ["LB"],
          now: at(3, 12),
        }),
      };
      for (const [name, r] of Object.entries(made)) ids[name] = r.id;
      const draft = await saveDraft({
        actor: memberA,
        input: draftSchema.parse({
          ...newInput(w.consultationX, w.orgA, "draft"),
          title: "Draft about workers",
          body: "workers",
          themes: [1],
          countries: ["TH"],
        }),
      });
      ids.draft = draft.id;
      await act(s.anchorX, { action: "accept", submissionId: id("en"), version: await versionOf(id("en")) });
      await act(s.anchorX, {
        action: "requestChanges",
        submissionId: id("fr"),
        version: await versionOf(id("fr")),
        message: "Merci.",
      });
      await act(s.anchorX, {
        action: "reject",
        submissionId: id("climate"),
        version: await versionOf(id("climate")),
        reason: "Off topic.",
      });
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
      expect(all.rows.find((r) => r.id === id("en"))!.organisation).toMatchObject({
        id: s.w.orgA,
        type: "ngo",
        registered: true,
      });
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
      const search = (searchCountCap: number) =>
        listQueue({ actor: s.secretariat, consultationId: null, filters: filters({ q: "workers" }), searchCountCap });
      expect(await search(2)).toMatchObject({ total: 2, totalCapped: false });
      const capped = await search(1);
      expect(capped).toMatchObject({ total: 1, totalCapped: true });
      expect(capped.rows).toHaveLength(2);
      // Without a search the count is exact whatever the cap.
      expect(
        await listQueue({ actor: s.secretariat, consultationId: null, filters: filters(), searchCountCap: 1 }),
      ).toMatchObject({ total: 8, totalCapped: false });
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
      const [orgB] = await s.t.db
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, s.w.orgB));
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
        const full = await listQueue({
          actor: s.anchorX,
          consultationId: s.w.consultationX,
          filters: filters({ sort }),
          pageSize: 100,
        });
        expect(full.nextCursor).toBeNull();
        const expected = [...full.rows].sort(
          (a, b) => a.submittedAt!.getTime() - b.submittedAt!.getTime() || (a.id < b.id ? -1 : 1),
        );
        if (sort === "newest") expected.reverse();
        expect(full.rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
        expect(full.rows).toHaveLength(7);

        const walked: string[] = [];
        let after: string | undefined;
        let pages = 0;
        do {
          const page = await listQueue({
            actor: s.anchorX,
            consultationId: s.w.consultationX,
            filters: filters({ sort, after }),
            pageSize: 2,
          });
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
      await expect(
        listQueue({ actor: anchorY, consultationId: w.consultationX, filters: filters() }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        listQueue({ actor: anchorX, consultationId: w.consultationY, filters: filters() }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        listQueue({ actor: memberA, consultationId: w.consultationX, filters: filters() }),
      ).rejects.toBeInstanceOf(NotFoundError);
      for (const actor of [anchorX, anchorY, memberA]) {
        await expect(listQueue({ actor, consultationId: null, filters: filters() })).rejects.toBeInstanceOf(
          ForbiddenError,
        );
        await expect(getOverview({ actor, consultationId: null })).rejects.toBeInstanceOf(ForbiddenError);
      }
      await expect(getOverview({ actor: anchorY, consultationId: w.consultationX })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      expect(
        (await listQueue({ actor: anchorY, consultationId: w.consultationY, filters: filters() })).rows.map(
          (r) => r.id,
        ),
      ).toEqual([id("inY")]);
      expect((await listQueue({ actor: secretariat, consultationId: w.consultationY, filters: filters() })).total).toBe(
        1,
      );
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
