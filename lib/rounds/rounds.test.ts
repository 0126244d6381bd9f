// Rounds (issue 17): a second round copied from 2017, its own codes and topics, anchors of 2017 with
// no access to it unless appointed, topics frozen (but for renames and additions) from the first input.
import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, consultations, roleGrants, rounds, submissions, themes } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { updateConsultation } from "@/lib/consultations/admin";
import { listPublicConsultations } from "@/lib/consultations/queries";
import { DomainError } from "@/lib/errors";
import { getOverview, listQueue } from "@/lib/moderation/queue";
import { queueFiltersSchema } from "@/lib/moderation/schemas";
import { getConsultationForModeration } from "@/lib/consultations/moderation";
import { saveDraft, submitSubmission } from "@/lib/submissions";
import { draftSchema, submissionSchema } from "@/lib/submissions/schemas";
import { drivers, type TestDatabase } from "@/lib/testing/db";
import { openWorld, type World } from "@/lib/testing/fixtures";
import {
  addConsultation,
  addTopic,
  addTopicGroup,
  createRound,
  currentRound,
  deleteTopic,
  getRound,
  groupTopic,
  importGcmObjectives,
  listPublicRounds,
  moveTopic,
  renameTopic,
  updateConsultationDetails,
  updateRound,
} from ".";
import { gcmObjectives, gcmRoundTables } from "./gcm-objectives";
import { createRoundSchema } from "./schemas";

const names = (s: string) => ({ en: `${s} en`, fr: `${s} fr`, es: `${s} es`, ar: `${s} ar` });
const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, "should have been refused").toBeInstanceOf(DomainError);
  return (e as DomainError).code;
};
const input = (w: World, consultationId: string, themes: number[], title = "Round input") =>
  submissionSchema.parse({
    consultationId,
    organisationId: w.orgA,
    version: 0,
    idempotencyKey: randomUUID().replaceAll("-", ""),
    title,
    themes,
    summary: "Summary",
    body: "Body",
    countries: ["FJ"],
    language: "en",
    contactName: "Contact",
    contactEmail: "contact@example.net",
    publication: "none",
    intent: "submit",
  });

describe.each(drivers)("rounds on %s", (driver) => {
  let t: TestDatabase;
  let w: World;
  let secretariat: Actor;
  let round2017: string;
  beforeAll(async () => {
    ({ t, w } = await openWorld(driver));
    secretariat = await w.actor("secretariat");
    round2017 = (await t.db.select({ id: rounds.id }).from(rounds).where(eq(rounds.slug, "2017")))[0]!.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const versionOf = async (slug: string) =>
    (await t.db.select({ v: rounds.version }).from(rounds).where(eq(rounds.slug, slug)))[0]!.v;
  const auditCount = async () => (await t.db.select().from(auditEvents)).length;

  it("seeds the one round 2017, open and current, with the seven consultations and themes 1–6", async () => {
    const r = await getRound({ actor: secretariat, slug: "2017" });
    expect(r.consultations.map((c) => c.code)).toEqual(["ASIA", "MENA", "AFR", "NAM", "EUR", "LAC", "PAC"]);
    expect(r.topics.map((x) => x.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.names.fr).toBe("Consultations régionales 2017");
    expect((await currentRound({ locale: "en" }))?.slug).toBe("2017");
  });

  it("copies 2017 into a new round: consultations as drafts with their own slugs and codes, anchors appointed, topics renumbered", async () => {
    const before = await auditCount();
    const { id } = await createRound({
      actor: secretariat,
      input: createRoundSchema.parse({
        slug: "2025",
        names: names("Review 2025"),
        startsOn: "2025-03-01",
        endsOn: "2025-06-30",
        copyFrom: round2017,
        copyAnchors: "on",
        copyTopics: "on",
      }),
    });
    const r = await getRound({ actor: secretariat, slug: "2025" });
    expect(r.id).toBe(id);
    expect(r.status).toBe("preparing");
    expect(r.consultations.map((c) => [c.slug, c.code, c.status, c.startsOn])).toContainEqual([
      "pacific-2025",
      "PAC-2025",
      "draft",
      "2025-03-01",
    ]);
    expect(r.consultations).toHaveLength(7);
    expect(r.topics.map((x) => x.id)).toEqual([7, 8, 9, 10, 11, 12]);
    expect(r.topics[0]!.names.en).toMatch(/^Human rights/);
    // anchorX (of 2017's Asia) is appointed to Asia 2025 by the copy: a grant of its own.
    const asia2025 = r.consultations.find((c) => c.slug === "asia-2025")!;
    const grants = await t.db
      .select()
      .from(roleGrants)
      .where(and(eq(roleGrants.userId, w.ids.anchorX), eq(roleGrants.role, "anchor")));
    expect(grants.map((g) => g.consultationId).sort()).toEqual([w.consultationX, asia2025.id].sort());
    expect(await auditCount()).toBeGreaterThan(before);
    const [created] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.roundId, id), eq(auditEvents.action, "round.create")));
    expect(created?.actorId).toBe(w.ids.secretariat);
    // Preparing: not public, and 2017 stays the current round.
    expect((await listPublicRounds({ locale: "en" })).map((x) => x.slug)).toEqual(["2017"]);
    expect((await currentRound({ locale: "en" }))?.slug).toBe("2017");
  });

  it("gives a 2017 anchor no access to a new round unless appointed", async () => {
    await createRound({
      actor: secretariat,
      input: createRoundSchema.parse({
        slug: "2029",
        names: names("Review 2029"),
        startsOn: "2029-03-01",
        endsOn: "2029-06-30",
        copyFrom: round2017,
        copyTopics: "on",
      }),
    });
    const r = await getRound({ actor: secretariat, slug: "2029" });
    const asia2029 = r.consultations.find((c) => c.slug === "asia-2029")!;
    const anchorX = await w.actor("anchorX");
    expect(anchorX.anchorOf).not.toContain(asia2029.id);
    expect(await refusal(getConsultationForModeration({ actor: anchorX, slug: "asia-2029" }))).toMatch(
      /notFound|forbidden/,
    );
    expect(
      await refusal(listQueue({ actor: anchorX, consultationId: asia2029.id, filters: queueFiltersSchema.parse({}) })),
    ).toMatch(/notFound|forbidden/);
    expect(await refusal(getOverview({ actor: anchorX, consultationId: asia2029.id }))).toMatch(/notFound|forbidden/);
    // Appointed (as inviteAnchor's acceptance does: a grant on that consultation), the anchor moderates it.
    await t.db.insert(roleGrants).values({ userId: w.ids.anchorX, role: "anchor", consultationId: asia2029.id });
    await expect(
      getConsultationForModeration({ actor: await w.actor("anchorX"), slug: "asia-2029" }),
    ).resolves.toBeTruthy();
    // anchorY (Middle East 2017) still has nothing there.
    expect(await refusal(getConsultationForModeration({ actor: await w.actor("anchorY"), slug: "asia-2029" }))).toMatch(
      /notFound|forbidden/,
    );
  });

  it("numbers a new round's inputs with its own code, accepts only its topics, and leaves 2017's references alone", async () => {
    const r = await getRound({ actor: secretariat, slug: "2025" });
    const asia2025 = r.consultations.find((c) => c.slug === "asia-2025")!;
    await updateConsultation({
      actor: secretariat,
      input: {
        consultationId: asia2025.id,
        version: asia2025.version,
        startsOn: "2025-03-01",
        endsOn: "2025-03-02",
        inPersonCapacity: null,
        status: "open",
        registrationDeadline: undefined,
        submissionDeadline: undefined,
      },
    });
    // Open, but its round is in preparation: not public yet.
    expect((await listPublicConsultations()).map((c) => c.slug)).not.toContain("asia-2025");
    const ownerA = await w.actor("ownerA");
    expect(await refusal(submitSubmission({ actor: ownerA, input: input(w, asia2025.id, [1]) }))).toBe(
      "topicNotInRound",
    );
    const s = await submitSubmission({ actor: ownerA, input: input(w, asia2025.id, [7, 9]) });
    expect(s.reference).toBe("ASIA-2025-0001");
    // Exports name and number its topics as its round does: 7 and 9 are the round's topics 1 and 3.
    const { loadExportLabels } = await import("@/lib/exports/labels");
    const labels = await loadExportLabels("en");
    expect([7, 9].map(labels.themeNumber)).toEqual(["1", "3"]);
    expect(labels.theme(7)).toMatch(/^Human rights/);
    // 2017's Asia refuses the new round's topics, takes its own, and numbers as before.
    expect(await refusal(submitSubmission({ actor: ownerA, input: input(w, w.consultationX, [7]) }))).toBe(
      "topicNotInRound",
    );
    const old = await submitSubmission({ actor: ownerA, input: input(w, w.consultationX, [1, 3]) });
    expect(old.reference).toMatch(/^ASIA-\d{4}$/);
    // Drafts too.
    expect(
      await refusal(
        saveDraft({ actor: ownerA, input: draftSchema.parse({ ...input(w, asia2025.id, [2]), intent: "draft" }) }),
      ),
    ).toBe("topicNotInRound");
  });

  it("edits topics: before the round's first input anything, after it only renames and additions", async () => {
    // 2029 has no input yet.
    let v = await versionOf("2029");
    const { id: added } = await addTopic({
      actor: secretariat,
      input: {
        roundId: (await getRound({ actor: secretariat, slug: "2029" })).id,
        version: v,
        names: names("Added"),
        groupId: null,
      },
    });
    const r = await getRound({ actor: secretariat, slug: "2029" });
    expect(r.topics.at(-1)).toMatchObject({ id: added, names: names("Added") });
    v = await versionOf("2029");
    const { id: group } = await addTopicGroup({
      actor: secretariat,
      input: { roundId: r.id, version: v, names: names("Round table 1") },
    });
    await groupTopic({
      actor: secretariat,
      input: { roundId: r.id, version: await versionOf("2029"), topicId: added, groupId: group },
    });
    await moveTopic({
      actor: secretariat,
      input: { roundId: r.id, version: await versionOf("2029"), topicId: added, direction: "up" },
    });
    const moved = await t.db
      .select({ id: themes.id })
      .from(themes)
      .where(eq(themes.roundId, r.id))
      .orderBy(asc(themes.position));
    expect(moved.at(-2)?.id).toBe(added);
    const first = r.topics[0]!.id;
    await deleteTopic({
      actor: secretariat,
      input: { roundId: r.id, version: await versionOf("2029"), topicId: first },
    });
    expect((await getRound({ actor: secretariat, slug: "2029" })).topics.map((x) => x.id)).not.toContain(first);
    // A stale form: refused, nothing changed.
    const stale = (await versionOf("2029")) - 1;
    const audits = await auditCount();
    expect(
      await refusal(
        renameTopic({
          actor: secretariat,
          input: { roundId: r.id, version: stale, topicId: added, names: names("Stale") },
        }),
      ),
    ).toBe("staleRound");
    expect(await auditCount()).toBe(audits);

    // 2025 has an input: deletions, moves and regrouping refused; renames and additions allowed.
    const r25 = await getRound({ actor: secretariat, slug: "2025" });
    expect(r25.hasInputs).toBe(true);
    const topic = r25.topics[0]!.id;
    expect(
      await refusal(
        deleteTopic({ actor: secretariat, input: { roundId: r25.id, version: r25.version, topicId: topic } }),
      ),
    ).toBe("topicsLocked");
    expect(
      await refusal(
        moveTopic({
          actor: secretariat,
          input: { roundId: r25.id, version: r25.version, topicId: topic, direction: "down" },
        }),
      ),
    ).toBe("topicsLocked");
    expect(
      await refusal(
        groupTopic({
          actor: secretariat,
          input: { roundId: r25.id, version: r25.version, topicId: topic, groupId: null },
        }),
      ),
    ).toBe("topicsLocked");
    expect(await versionOf("2025")).toBe(r25.version);
    await renameTopic({
      actor: secretariat,
      input: { roundId: r25.id, version: r25.version, topicId: topic, names: names("Renamed") },
    });
    await addTopic({
      actor: secretariat,
      input: { roundId: r25.id, version: await versionOf("2025"), names: names("Another"), groupId: null },
    });
    const after = await getRound({ actor: secretariat, slug: "2025" });
    expect(after.topics[0]!.names.en).toBe("Renamed en");
    expect(after.topics).toHaveLength(7);
    // A draft alone (no topic) also counts as the first input.
    const r29 = await getRound({ actor: secretariat, slug: "2029" });
    const asia2029 = r29.consultations.find((c) => c.slug === "asia-2029")!;
    await t.db.update(consultations).set({ status: "open" }).where(eq(consultations.id, asia2029.id));
    await saveDraft({
      actor: await w.actor("ownerA"),
      input: draftSchema.parse({ ...input(w, asia2029.id, [r29.topics.at(-1)!.id]), themes: [], intent: "draft" }),
    });
    expect(
      await refusal(
        deleteTopic({ actor: secretariat, input: { roundId: r29.id, version: r29.version, topicId: added } }),
      ),
    ).toBe("topicsLocked");
  });

  it("refuses a topic of another round in a round's topic edits", async () => {
    const r25 = await getRound({ actor: secretariat, slug: "2025" });
    expect(
      await refusal(
        renameTopic({
          actor: secretariat,
          input: { roundId: r25.id, version: r25.version, topicId: 1, names: names("x") },
        }),
      ),
    ).toBe("notFound");
  });

  it("updates a round under its version; opening it makes it the current round", async () => {
    const r = await getRound({ actor: secretariat, slug: "2025" });
    await updateRound({
      actor: secretariat,
      input: {
        roundId: r.id,
        version: r.version,
        names: names("GCM review 2025"),
        startsOn: r.startsOn,
        endsOn: r.endsOn,
        status: "open",
      },
    });
    expect(
      await refusal(
        updateRound({
          actor: secretariat,
          input: {
            roundId: r.id,
            version: r.version,
            names: names("x"),
            startsOn: r.startsOn,
            endsOn: r.endsOn,
            status: "closed",
          },
        }),
      ),
    ).toBe("staleRound");
    expect(await currentRound({ locale: "fr" })).toMatchObject({ slug: "2025", name: "GCM review 2025 fr" });
    expect((await listPublicConsultations()).map((c) => c.slug)).toContain("asia-2025");
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.roundId, r.id), eq(auditEvents.action, "round.update")));
    expect(audit).toMatchObject({ fromState: "preparing", toState: "open" });
  });

  it("adds a consultation to a round; slugs and codes stay unique", async () => {
    const r = await getRound({ actor: secretariat, slug: "2025" });
    const base = {
      roundId: r.id,
      region: "Caribbean",
      city: "Kingston",
      country: "JM" as const,
      startsOn: "2025-04-01",
      endsOn: "2025-04-02",
      timeZone: "America/Jamaica",
      anchors: "",
      inPersonCapacity: 40,
      registrationDeadline: "2025-03-20T23:59",
      submissionDeadline: undefined,
    };
    const { slug } = await addConsultation({
      actor: secretariat,
      input: { ...base, version: r.version, slug: "caribbean-2025", code: "CAR-2025" },
    });
    expect(slug).toBe("caribbean-2025");
    const [c] = await t.db.select().from(consultations).where(eq(consultations.slug, slug));
    expect(c).toMatchObject({ roundId: r.id, status: "draft", code: "CAR-2025" });
    expect(c!.registrationDeadline?.toISOString()).toBe("2025-03-21T04:59:00.000Z");
    expect(
      await refusal(
        addConsultation({
          actor: secretariat,
          input: { ...base, version: await versionOf("2025"), slug: "asia", code: "NEW" },
        }),
      ),
    ).toBe("slugTaken");
    expect(
      await refusal(
        addConsultation({
          actor: secretariat,
          input: { ...base, version: await versionOf("2025"), slug: "new-one", code: "MENA" },
        }),
      ),
    ).toBe("codeTaken");
    expect(
      await refusal(
        createRound({
          actor: secretariat,
          input: createRoundSchema.parse({
            slug: "2025",
            names: names("Again"),
            startsOn: "2025-01-01",
            endsOn: "2025-01-02",
          }),
        }),
      ),
    ).toBe("roundSlugTaken");
  });

  it("loads the Compact's 23 objectives into an empty round, each under one of the four round tables", async () => {
    expect(gcmObjectives.map((o) => o.number)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(gcmRoundTables.flatMap((g) => g.objectives).sort((a, b) => a - b)).toEqual(
      gcmObjectives.map((o) => o.number),
    );
    for (const o of gcmObjectives)
      for (const l of ["en", "fr", "es", "ar"] as const)
        expect(o.names[l].length, `${o.number} ${l}`).toBeGreaterThan(20);
    const { id } = await createRound({
      actor: secretariat,
      input: createRoundSchema.parse({
        slug: "2031",
        names: names("Review 2031"),
        startsOn: "2031-03-01",
        endsOn: "2031-06-30",
      }),
    });
    await importGcmObjectives({ actor: secretariat, roundId: id, version: await versionOf("2031") });
    const r = await getRound({ actor: secretariat, slug: "2031" });
    expect(r.topics).toHaveLength(23);
    expect(r.groups.map((g) => g.names.en)).toEqual([
      "Round table 1",
      "Round table 2",
      "Round table 3",
      "Round table 4",
    ]);
    expect(r.topics[0]).toMatchObject({ slug: "objective-1", position: 1, groupId: r.groups[3]!.id });
    expect(r.topics[22]!.names.en).toBe(
      "Strengthen international cooperation and global partnerships for safe, orderly and regular migration",
    );
    // The public list of a round's topics: by round table, then in the Compact's order.
    const { listThemes } = await import("@/lib/consultations/themes");
    const listed = await listThemes({ locale: "fr", roundId: id });
    expect(listed.slice(0, 5).map((x) => x.position)).toEqual([2, 5, 6, 12, 18]);
    expect(listed[0]!.group).toBe("Table ronde 1");
    // A second load into a round with topics: refused.
    expect(
      await refusal(importGcmObjectives({ actor: secretariat, roundId: id, version: await versionOf("2031") })),
    ).toBe("topicsNotEmpty");
  });

  it("moves a consultation of a round to another city under its version, with an audit row", async () => {
    const [c] = await t.db.select().from(consultations).where(eq(consultations.slug, "pacific-2025"));
    await updateConsultationDetails({
      actor: secretariat,
      input: {
        consultationId: c!.id,
        version: c!.version,
        region: "Pacific",
        city: "Suva",
        country: "FJ",
        timeZone: "Pacific/Fiji",
        anchors: "PIANGO",
      },
    });
    const [after] = await t.db.select().from(consultations).where(eq(consultations.id, c!.id));
    expect(after).toMatchObject({ city: "Suva", anchors: "PIANGO", version: c!.version + 1, code: "PAC-2025" });
    expect(
      await refusal(
        updateConsultationDetails({
          actor: secretariat,
          input: {
            consultationId: c!.id,
            version: c!.version,
            region: "Pacific",
            city: "Lautoka",
            country: "FJ",
            timeZone: "Pacific/Fiji",
            anchors: "",
          },
        }),
      ),
    ).toBe("staleConsultation");
    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.consultationId, c!.id), eq(auditEvents.action, "consultation.details")));
    expect(audits).toHaveLength(1);
    // 2017's Pacific is where it was.
    const [pacific] = await t.db.select().from(consultations).where(eq(consultations.slug, "pacific"));
    expect(pacific).toMatchObject({ city: "Nadi", code: "PAC" });
  });

  it("keeps every 2017 row of the seed as it was", async () => {
    const old = await t.db
      .select({ slug: consultations.slug, code: consultations.code })
      .from(consultations)
      .where(eq(consultations.roundId, round2017))
      .orderBy(asc(consultations.sortOrder));
    expect(old.map((c) => c.code)).toEqual(["ASIA", "MENA", "AFR", "NAM", "EUR", "LAC", "PAC"]);
    const refs = await t.db
      .select({ reference: submissions.reference })
      .from(submissions)
      .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
      .where(eq(consultations.roundId, round2017));
    for (const r of refs) if (r.reference) expect(r.reference).toMatch(/^ASIA-\d{4}$/);
  });
});
