// Inputs entered by an anchor on an organisation's behalf: received by e-mail, paper or
// voice, then an ordinary submitted input — reference from the same series, revision 1, audit row and
// receipt, all in one transaction — and only by the consultation's anchors or the secretariat.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  attachments,
  auditEvents,
  consultations,
  emailOutbox,
  memberships,
  organisations,
  submissionRevisions,
  submissions,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { moderate } from "@/lib/moderation/decisions";
import { getSubmissionForModeration } from "@/lib/moderation/detail";
import { listQueue } from "@/lib/moderation/queue";
import { queueFiltersSchema } from "@/lib/moderation/schemas";
import { drivers, rowCounts, type TestDatabase } from "@/lib/testing/db";
import { actorNames, openWorld, type ActorName, type World } from "@/lib/testing/fixtures";
import { fieldErrorsOf } from "@/lib/validation";
import {
  getOrganisationForBehalf,
  listOwnSubmissions,
  ORGANISATION_SEARCH_PAGE,
  searchOrganisationsForBehalf,
  submitOnBehalf,
  submitSubmission,
} from "./index";
import { behalfSubmissionSchema, submissionSchema } from "./schemas";
import {
  beforeDeadlines as before,
  caught,
  idempotencyKey as key,
  lastReference as lastReferenceOf,
} from "@/lib/testing/inputs";

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const executable = () => ascii("MZ\x90\x00\x03This program cannot be run in DOS mode.");

describe.each(drivers)("inputs entered on behalf on %s", (driver) => {
  let t: TestDatabase;
  let w: World;
  let anchorX: Actor;

  // What the anchors' form posts, parsed by its schema as the server action does.
  const form = (title: string, organisation: Record<string, string>, over: Record<string, unknown> = {}) =>
    behalfSubmissionSchema.parse({
      consultationId: w.consultationX,
      idempotencyKey: key(),
      channel: "paper",
      organisation,
      title,
      themes: ["2"],
      summary: "Received as a letter.",
      body: "The letter's text, typed in by the anchor.",
      recommendations: ["Regular pathways", ""],
      countries: ["FJ"],
      language: "en",
      contactName: "Sione Tuilagi",
      contactEmail: "",
      publication: "anonymous",
      ...over,
    });
  const forB = (title: string, over: Record<string, unknown> = {}) =>
    form(title, { mode: "existing", id: w.orgB }, over);
  const lastReference = () => lastReferenceOf(t.db, w.consultationX);
  const totals = async () => ({
    ...(await rowCounts(t.db, {
      submissions,
      organisations,
      memberships,
      revisions: submissionRevisions,
      attachments,
      audit: auditEvents,
      outbox: emailOutbox,
    })),
    lastReference: await lastReference(),
  });

  beforeAll(async () => {
    ({ t, w } = await openWorld(driver));
    anchorX = await w.actor("anchorX");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("creates a submitted input for an existing organisation: next reference, channel, entered by, revision 1, audit row, receipt", async () => {
    // A web input first: the entered one takes the next number of the same series.
    const web = await submitSubmission({
      actor: await w.actor("ownerA"),
      input: submissionSchema.parse({
        ...forB("Web input"),
        organisationId: w.orgA,
        version: 0,
        intent: "submit",
        contactEmail: "a@example.net",
      }),
      now: before,
    });
    const n = Number(web.reference.split("-")[1]);
    const r = await submitOnBehalf({ actor: anchorX, input: forB("Letter from B"), now: before });
    expect(r.reference).toBe(`ASIA-${String(n + 1).padStart(4, "0")}`);
    expect(r.organisationId).toBe(w.orgB);

    const [s] = await t.db.select().from(submissions).where(eq(submissions.id, r.id));
    expect(s).toMatchObject({
      status: "submitted",
      reference: r.reference,
      channel: "paper",
      enteredBy: w.ids.anchorX,
      createdBy: w.ids.anchorX,
      organisationId: w.orgB,
      contactEmail: null,
      submittedAt: before,
    });
    expect(s!.recommendations).toEqual(["Regular pathways"]);
    const revs = await t.db.select().from(submissionRevisions).where(eq(submissionRevisions.submissionId, r.id));
    expect(revs.map((x) => [x.number, (x.content as { title: string }).title, x.createdBy])).toEqual([
      [1, "Letter from B", w.ids.anchorX],
    ]);
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.submissionId, r.id));
    expect(audit.map((a) => [a.action, a.fromState, a.toState, a.actorId, a.note])).toEqual([
      ["submission.enteredOnBehalf", null, "submitted", w.ids.anchorX, "entered on behalf, channel paper"],
    ]);
    const [orgB] = await t.db.select().from(organisations).where(eq(organisations.id, w.orgB));
    const receipts = (await t.db.select().from(emailOutbox).where(eq(emailOutbox.to, orgB!.contactEmail!))).filter(
      (m) => m.subject.includes(r.reference),
    );
    expect(receipts.map((m) => m.template)).toEqual(["submissionEnteredOnBehalf"]);
    expect(receipts[0]!.text).toContain("on paper");

    // The same workflow: in the queue marked as paper, the detail names who entered it, and the
    // organisation's members see it marked as entered by the anchors.
    const queue = await listQueue({
      actor: anchorX,
      consultationId: w.consultationX,
      filters: queueFiltersSchema.parse({}),
    });
    expect(queue.rows.find((q) => q.id === r.id)?.channel).toBe("paper");
    expect((await getSubmissionForModeration({ actor: anchorX, submissionId: r.id })).enteredBy).toBe("anchorX");
    const { rows: own } = await listOwnSubmissions({ actor: await w.actor("memberB"), organisationId: w.orgB });
    expect(own.find((o) => o.id === r.id)).toMatchObject({ enteredByAnchors: true, channel: "paper" });
    expect(own.find((o) => o.id === web.id)).toBeUndefined();
  });

  it("creates a new organisation with the input: not verified, no members, no e-mail when it has no address", async () => {
    const beforeTotals = await totals();
    const r = await submitOnBehalf({
      actor: await w.actor("secretariat"),
      input: form(
        "Voice message",
        {
          mode: "new",
          name: "Fiji Seasonal Workers Group",
          country: "FJ",
          type: "grassroots",
          locale: "en",
          contactEmail: "",
        },
        { channel: "voice" },
      ),
      now: before,
    });
    const [org] = await t.db.select().from(organisations).where(eq(organisations.id, r.organisationId));
    expect(org).toMatchObject({
      name: "Fiji Seasonal Workers Group",
      type: "grassroots",
      contactEmail: null,
      verifiedAt: null,
    });
    expect(await t.db.select().from(memberships).where(eq(memberships.organisationId, org!.id))).toEqual([]);
    const after = await totals();
    expect(after).toEqual({
      ...beforeTotals,
      submissions: beforeTotals.submissions + 1,
      organisations: beforeTotals.organisations + 1,
      revisions: beforeTotals.revisions + 1,
      audit: beforeTotals.audit + 2,
      lastReference: beforeTotals.lastReference + 1,
    });
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.organisationId, org!.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["organisation.create", "submission.enteredOnBehalf"]);

    // With an address, the receipt goes there, in the organisation's language.
    const withEmail = await submitOnBehalf({
      actor: anchorX,
      input: form(
        "Courriel",
        {
          mode: "new",
          name: "Collectif des travailleurs",
          country: "FJ",
          type: "other",
          locale: "fr",
          contactEmail: "collectif@example.net",
        },
        { channel: "email" },
      ),
      now: before,
    });
    const [mail] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.to, "collectif@example.net"));
    expect(mail).toMatchObject({ template: "submissionEnteredOnBehalf", locale: "fr" });
    expect(mail!.subject).toContain(withEmail.reference);
    expect(mail!.text).toContain("par courriel");
  });

  it("offers no change request for an organisation nobody can sign in for, and refuses one, writing nothing", async () => {
    const memberless = await submitOnBehalf({
      actor: anchorX,
      input: form("Letter from a new group", {
        mode: "new",
        name: "Groupe sans compte",
        country: "FJ",
        type: "grassroots",
        locale: "fr",
        contactEmail: "groupe@example.net",
      }),
      now: before,
    });
    const withMembers = await submitOnBehalf({ actor: anchorX, input: forB("Letter from B"), now: before });
    const detail = await getSubmissionForModeration({ actor: anchorX, submissionId: memberless.id });
    expect(detail.organisation.hasMembers).toBe(false);
    expect(
      (await getSubmissionForModeration({ actor: anchorX, submissionId: withMembers.id })).organisation.hasMembers,
    ).toBe(true);

    const beforeTotals = await totals();
    const refused = await caught(
      moderate({
        actor: anchorX,
        input: {
          action: "requestChanges",
          submissionId: memberless.id,
          version: detail.submission.version,
          message: "Please add sources.",
        },
      }),
    );
    expect(refused.code).toBe("noOneToChange");
    expect(await totals()).toEqual(beforeTotals);
    const [s] = await t.db
      .select({ status: submissions.status, version: submissions.version })
      .from(submissions)
      .where(eq(submissions.id, memberless.id));
    expect(s).toEqual({ status: "submitted", version: detail.submission.version });

    // An organisation with members can be asked, as before.
    const v = (await getSubmissionForModeration({ actor: anchorX, submissionId: withMembers.id })).submission.version;
    await moderate({
      actor: anchorX,
      input: { action: "requestChanges", submissionId: withMembers.id, version: v, message: "Please add sources." },
    });
    const [b] = await t.db
      .select({ status: submissions.status })
      .from(submissions)
      .where(eq(submissions.id, withMembers.id));
    expect(b!.status).toBe("changes_requested");
  });

  it("writes nothing when any part fails (an executable attachment after the organisation and the input were inserted)", async () => {
    const beforeTotals = await totals();
    const e = await caught(
      submitOnBehalf({
        actor: anchorX,
        input: form("With a bad file", {
          mode: "new",
          name: "Never created",
          country: "FJ",
          type: "ngo",
          locale: "en",
          contactEmail: "never@example.net",
        }),
        files: [{ name: "letter.pdf", bytes: executable() }],
        now: before,
      }),
    );
    expect(e.code).toMatch(/^attachment_/);
    expect(await totals()).toEqual(beforeTotals);
  });

  it("makes one input (and one organisation) of one form sent twice", async () => {
    const input = form("Sent twice", {
      mode: "new",
      name: "Twice Group",
      country: "FJ",
      type: "ngo",
      locale: "en",
      contactEmail: "",
    });
    const [a, b] = await Promise.all([
      submitOnBehalf({ actor: anchorX, input, now: before }),
      submitOnBehalf({ actor: anchorX, input, now: before }),
    ]);
    expect(a.id).toBe(b.id);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(await t.db.select().from(organisations).where(eq(organisations.name, "Twice Group"))).toHaveLength(1);
  });

  it("is allowed after the deadline (post arrives late), noted in the audit; refused once the consultation is closed", async () => {
    const deadline = new Date("2017-08-01T16:59:00Z");
    await t.db.update(consultations).set({ submissionDeadline: deadline }).where(eq(consultations.id, w.consultationX));
    try {
      const late = new Date("2017-08-10T00:00:00Z");
      const r = await submitOnBehalf({ actor: anchorX, input: forB("Late letter"), now: late });
      const [a] = await t.db.select().from(auditEvents).where(eq(auditEvents.submissionId, r.id));
      expect(a!.note).toBe("entered on behalf, channel paper, after the deadline");

      await t.db.update(consultations).set({ status: "closed" }).where(eq(consultations.id, w.consultationX));
      const beforeTotals = await totals();
      expect((await caught(submitOnBehalf({ actor: anchorX, input: forB("Too late"), now: late }))).code).toBe(
        "consultationClosed",
      );
      expect(await totals()).toEqual(beforeTotals);
    } finally {
      await t.db
        .update(consultations)
        .set({ submissionDeadline: null, status: "open" })
        .where(eq(consultations.id, w.consultationX));
    }
  });

  it.each(actorNames.filter((n) => n !== "anchorX" && n !== "secretariat"))(
    "is refused to %s, writing nothing",
    async (name: ActorName) => {
      const actor = await w.actor(name);
      const beforeTotals = await totals();
      const targets: Record<string, string>[] = [
        { mode: "existing", id: w.orgB },
        { mode: "existing", id: w.orgA },
        { mode: "new", name: "Sneaky Group", country: "FJ", type: "ngo", locale: "en", contactEmail: "" },
      ];
      for (const organisation of targets) {
        expect(
          (await caught(submitOnBehalf({ actor, input: form("Not allowed", organisation), now: before }))).status,
        ).toBe(404);
      }
      expect(
        (await caught(searchOrganisationsForBehalf({ actor, consultationId: w.consultationX, q: "Org" }))).status,
      ).toBe(404);
      expect(
        (await caught(getOrganisationForBehalf({ actor, consultationId: w.consultationX, organisationId: w.orgB })))
          .status,
      ).toBe(404);
      expect(await totals()).toEqual(beforeTotals);
    },
  );

  it("refuses an idempotency key of another consultation's or an organisation's own input", async () => {
    const own = await submitSubmission({
      actor: await w.actor("ownerA"),
      input: submissionSchema.parse({
        ...forB("A's own"),
        organisationId: w.orgA,
        version: 0,
        intent: "submit",
        contactEmail: "a@example.net",
      }),
      now: before,
    });
    const [row] = await t.db
      .select({ key: submissions.idempotencyKey })
      .from(submissions)
      .where(eq(submissions.id, own.id));
    expect(
      (
        await caught(
          submitOnBehalf({ actor: anchorX, input: { ...forB("Replay"), idempotencyKey: row!.key! }, now: before }),
        )
      ).status,
    ).toBe(404);
  });

  it("finds organisations by name or acronym, a page at a time, with LIKE wildcards taken literally", async () => {
    const tag = key().slice(0, 8);
    await t.db.insert(organisations).values(
      Array.from({ length: ORGANISATION_SEARCH_PAGE + 3 }, (_, i) => ({
        name: `Search ${tag} ${String(i).padStart(2, "0")}`,
        country: "FJ",
        type: "ngo" as const,
        contactEmail: null,
      })),
    );
    await t.db.insert(organisations).values({
      name: "Acronym holder",
      acronym: `ZQ${tag}`,
      country: "TH",
      type: "academia",
      contactEmail: "z@example.net",
    });
    const first = await searchOrganisationsForBehalf({
      actor: anchorX,
      consultationId: w.consultationX,
      q: `search ${tag}`,
    });
    expect(first.rows).toHaveLength(ORGANISATION_SEARCH_PAGE);
    expect(first.more).toBe(true);
    const second = await searchOrganisationsForBehalf({
      actor: anchorX,
      consultationId: w.consultationX,
      q: `search ${tag}`,
      page: 2,
    });
    expect(second.rows.map((r) => r.name)).toEqual([20, 21, 22].map((i) => `Search ${tag} ${i}`));
    expect(second.more).toBe(false);
    expect(
      (await searchOrganisationsForBehalf({ actor: anchorX, consultationId: w.consultationX, q: `zq${tag}` })).rows.map(
        (r) => r.name,
      ),
    ).toEqual(["Acronym holder"]);
    expect(
      (await searchOrganisationsForBehalf({ actor: anchorX, consultationId: w.consultationX, q: `${tag}%` })).rows,
    ).toEqual([]);
    expect(
      (await searchOrganisationsForBehalf({ actor: anchorX, consultationId: w.consultationX, q: "  " })).rows,
    ).toEqual([]);
  });
});

describe("the anchors' form schema", () => {
  const t = (k: string) => k;
  it("asks for the channel and the new organisation's fields, field by field; the contact e-mail may be unknown", () => {
    const r = behalfSubmissionSchema.safeParse(
      {
        consultationId: randomUUID(),
        idempotencyKey: key(),
        organisation: { mode: "new", name: "", country: "", type: "", locale: "en" },
        title: "T",
        themes: ["1"],
        summary: "S",
        body: "B",
        language: "en",
        contactName: "C",
        contactEmail: "",
        publication: "none",
      },
      { reportInput: true },
    );
    expect(r.success).toBe(false);
    const errors = fieldErrorsOf(r.error!, t);
    expect(Object.keys(errors).sort()).toEqual([
      "channel",
      "organisation.country",
      "organisation.name",
      "organisation.type",
    ]);
    expect(errors.channel).toEqual(["channelRequired"]);
  });
});
