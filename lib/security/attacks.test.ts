// Attacks at the level of the action pipeline and lib/ (issue 8): fields a form does not have, posted
// anyway, change nothing they should not; fuzzed queue and listing parameters never throw anything
// but a validation result, and every row returned is in the actor's scope; hostile uploads are
// refused or stored under a safe name (ZIP bombs: zip-bombs.test.ts). The HTTP side is
// e2e/attacks.spec.ts.
import { randomUUID } from "node:crypto";
import { and, count, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  attachments,
  auditEvents,
  emailOutbox,
  memberships,
  organisations,
  registrations,
  submissions,
} from "@/db/schema";
import { ACTION_DEPS, type ActionDeps, type FormState } from "@/lib/actions";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { moderate } from "@/lib/moderation/decisions";
import { getOverview, listQueue } from "@/lib/moderation/queue";
import { moderationActionSchema, queueFiltersSchema } from "@/lib/moderation/schemas";
import { listPublishedInputs } from "@/lib/public/inputs";
import { publicInputsFiltersSchema } from "@/lib/public/schemas";
import { getAttachmentForDownload, saveDraft, submitSubmission } from "@/lib/submissions";
import { draftSchema, submissionSchema } from "@/lib/submissions/schemas";
import { drivers, type TestDatabase } from "@/lib/testing/db";
import { openWorld, type World } from "@/lib/testing/fixtures";
import { fuzzParams, prng } from "@/lib/testing/fuzz";
import { beforeDeadlines as before, idempotencyKey as key } from "@/lib/testing/inputs";

// ---------------------------------------------------------------- calling actions as an actor
type Action = ((prev: FormState, fd: FormData) => Promise<FormState>) | ((fd: FormData) => Promise<void>);

/** Runs a server action as `actor` with the posted fields; a redirect comes back as its target. */
async function post(
  actor: Actor,
  action: Action,
  fields: Record<string, string | string[]>,
): Promise<{ state?: FormState; redirect?: string }> {
  const deps: ActionDeps = {
    getActor: async () => actor,
    getLocale: async () => "en",
    getTranslations: async () => (k: string) => k,
  };
  (globalThis as Record<symbol, unknown>)[ACTION_DEPS] = deps;
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  try {
    const state = await (action.length >= 2
      ? (action as (p: FormState, f: FormData) => Promise<FormState>)({ status: "idle" }, fd)
      : (action as (f: FormData) => Promise<void>)(fd));
    return { state: state ?? undefined };
  } catch (e) {
    const m = /^NEXT_REDIRECT;[^;]*;([^;]+);/.exec(String((e as { digest?: string }).digest ?? ""));
    if (m) return { redirect: m[1] };
    throw e;
  } finally {
    delete (globalThis as Record<symbol, unknown>)[ACTION_DEPS];
  }
}

// What an attacker adds to every form: state that only the system or a moderator may set.
const extra = (w: World) => ({
  id: randomUUID(),
  status: "accepted",
  reference: "EVIL-0001",
  version: "99",
  verifiedAt: "2017-01-01T00:00:00Z",
  publishedAt: "2017-01-01T00:00:00Z",
  channel: "paper",
  keywords: "planted",
  moderatorMessage: "planted",
  inPersonSeats: "99",
  createdBy: w.ids.secretariat,
  enteredBy: w.ids.secretariat,
  role: "owner",
});

const submissionForm = (w: World, title: string) => ({
  organisationId: w.orgA,
  consultationId: w.consultationX,
  idempotencyKey: key(),
  version: "0",
  intent: "submit",
  title,
  themes: ["1"],
  summary: "Summary",
  body: "Body",
  "recommendations.0": "One",
  countries: ["TH"],
  language: "en",
  contactName: "Contact",
  contactEmail: "contact@example.net",
  publication: "named",
});

const FUZZ_CASES = 300;

describe.each(drivers)("attacks on %s", (driver) => {
  let t: TestDatabase;
  let w: World;
  let ownerA: Actor;
  const ids = { x: [] as string[], y: [] as string[] };

  beforeAll(async () => {
    ({ t, w } = await openWorld(driver));
    ownerA = await w.actor("ownerA");
    const ownerB = await w.actor("ownerB");
    // Inputs in X (from A) and in Y (from B), one of each published, for the fuzzed listings.
    for (const [actor, orgId, consultationId, list] of [
      [ownerA, w.orgA, w.consultationX, ids.x],
      [ownerB, w.orgB, w.consultationY, ids.y],
    ] as const) {
      for (let i = 0; i < 3; i++) {
        const input = submissionSchema.parse({
          ...submissionForm(w, `Seed ${i}`),
          organisationId: orgId,
          consultationId,
          themes: [1 + i],
          recommendations: ["R"],
          countries: ["TH"],
        });
        const s = await submitSubmission({ actor, input, now: new Date(before.getTime() + i * 60_000) });
        list.push(s.id);
      }
      const moderator = await w.actor("secretariat");
      await moderate({
        actor: moderator,
        input: moderationActionSchema.parse({ action: "accept", submissionId: list[0], version: 1 }),
      });
      await moderate({
        actor: moderator,
        input: moderationActionSchema.parse({ action: "publish", submissionId: list[0], version: 2 }),
      });
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  // ---------------------------------------------------------------- extra fields
  describe("fields a form does not have are ignored", () => {
    it("creating an organisation: not verified, a new id, the poster its only owner", async () => {
      const posted = {
        name: "Extra fields org",
        country: "FJ",
        type: "ngo",
        workingLanguages: ["en"],
        contactEmail: "x@example.net",
        locale: "en",
        ...extra(w),
        organisationId: w.orgA,
        consultationId: w.consultationX,
      };
      const { createOrganisationAction } = await import("@/app/[locale]/organisations/actions");
      const r = await post(ownerA, createOrganisationAction, posted);
      const id = /\/organisations\/([0-9a-f-]{36})/.exec(r.redirect ?? "")?.[1];
      expect(id, JSON.stringify(r)).toBeDefined();
      expect(id).not.toBe(posted.id);
      expect(id).not.toBe(w.orgA);
      const [org] = await t.db.select().from(organisations).where(eq(organisations.id, id!));
      expect(org).toMatchObject({ name: "Extra fields org", verifiedAt: null });
      const members = await t.db.select().from(memberships).where(eq(memberships.organisationId, id!));
      expect(members).toEqual([expect.objectContaining({ userId: w.ids.ownerA, role: "owner" })]);
      // Organisation A is untouched.
      const [a] = await t.db.select().from(organisations).where(eq(organisations.id, w.orgA));
      expect(a!.name).not.toBe("Extra fields org");
    });

    it("editing an organisation: verification stays as it was", async () => {
      const { updateOrganisationAction } = await import("@/app/[locale]/organisations/actions");
      const r = await post(ownerA, updateOrganisationAction, {
        name: "Org A renamed",
        country: "FJ",
        type: "ngo",
        workingLanguages: ["en"],
        contactEmail: "a@example.net",
        locale: "en",
        ...extra(w),
        organisationId: w.orgA,
        consultationId: w.consultationX,
      });
      // Outside Next.js the action's revalidatePath after the write throws ("unexpected"): the write is
      // what this test is about, and validation did pass.
      expect(r.state?.fieldErrors, JSON.stringify(r)).toBeUndefined();
      const [a] = await t.db.select().from(organisations).where(eq(organisations.id, w.orgA));
      expect(a).toMatchObject({ name: "Org A renamed", verifiedAt: null });
      expect(await t.db.select().from(memberships).where(eq(memberships.organisationId, w.orgA))).toHaveLength(2);
    });

    it("an organisation's website must be http(s), on the server", async () => {
      const { updateOrganisationAction } = await import("@/app/[locale]/organisations/actions");
      for (const website of [
        "javascript:window.__xss=1",
        "data:text/html,<script>window.__xss=1</script>",
        " JAVASCRIPT:alert(1)",
        "vbscript:x",
      ]) {
        const r = await post(ownerA, updateOrganisationAction, {
          name: "Org A",
          country: "FJ",
          type: "ngo",
          workingLanguages: ["en"],
          contactEmail: "a@example.net",
          locale: "en",
          website,
          organisationId: w.orgA,
        });
        expect(r.state?.status, website).toBe("error");
        expect(Object.keys(r.state?.fieldErrors ?? {})).toEqual(["website"]);
      }
      const [a] = await t.db.select().from(organisations).where(eq(organisations.id, w.orgA));
      expect(a!.website).toBeNull();
    });

    it("submitting an input: status, reference, version, publication state and channel are the system's", async () => {
      const { saveSubmissionAction } = await import("@/app/[locale]/consultations/[slug]/submit/actions");
      const r = await post(ownerA, saveSubmissionAction, { ...submissionForm(w, "Extra fields input"), ...extra(w) });
      const id = /\/submissions\/([0-9a-f-]{36})/.exec(r.redirect ?? "")?.[1];
      expect(id, JSON.stringify(r)).toBeDefined();
      const [s] = await t.db.select().from(submissions).where(eq(submissions.id, id!));
      expect(s).toMatchObject({
        status: "submitted",
        version: 1,
        publishedAt: null,
        channel: "web",
        keywords: [],
        moderatorMessage: null,
        enteredBy: null,
        createdBy: w.ids.ownerA,
      });
      expect(s!.reference).toMatch(/^[A-Z]{2,6}-\d{4}$/);
      expect(s!.reference).not.toBe("EVIL-0001");
    });

    it("submitting for another organisation is refused and writes nothing", async () => {
      const { saveSubmissionAction } = await import("@/app/[locale]/consultations/[slug]/submit/actions");
      const [n0] = await t.db.select({ n: count() }).from(submissions);
      const r = await post(ownerA, saveSubmissionAction, {
        ...submissionForm(w, "Planted in B"),
        organisationId: w.orgB,
      });
      expect(r.state?.status).toBe("error");
      const [n1] = await t.db.select({ n: count() }).from(submissions);
      expect(n1!.n).toBe(n0!.n);
    });

    it("editing an input: its consultation, organisation, reference and status stay", async () => {
      const { editSubmissionAction } = await import("@/app/[locale]/consultations/[slug]/submit/actions");
      const [s0] = await t.db.select().from(submissions).where(eq(submissions.id, ids.x[1]!));
      const r = await post(ownerA, editSubmissionAction, {
        ...submissionForm(w, "Edited with extra fields"),
        ...extra(w),
        submissionId: s0!.id,
        version: String(s0!.version),
        consultationId: w.consultationY,
        organisationId: w.orgB,
      });
      // X has no deadline in the seed: the edit goes through, with the posted fields that are content.
      expect(r.redirect, JSON.stringify(r)).toContain(`/submissions/${s0!.id}`);
      const [s1] = await t.db.select().from(submissions).where(eq(submissions.id, s0!.id));
      expect(s1).toMatchObject({
        title: "Edited with extra fields",
        consultationId: w.consultationX,
        organisationId: w.orgA,
        reference: s0!.reference,
        status: "submitted",
        version: s0!.version + 1,
        publishedAt: null,
        channel: "web",
        keywords: [],
      });
    });

    it("registering: status and seats are computed, not posted", async () => {
      const { saveRegistrationAction } = await import("@/app/[locale]/consultations/[slug]/register/actions");
      const r = await post(ownerA, saveRegistrationAction, {
        ...extra(w),
        status: "confirmed",
        consultationId: w.consultationY,
        organisationId: w.orgA,
        version: "0",
        consent: "on",
        "participants.0.name": "Remote Person",
        "participants.0.email": "remote@example.net",
        "participants.0.attendance": "remote",
      });
      expect(r.redirect, JSON.stringify(r)).toContain("ok=registration_");
      const [reg] = await t.db
        .select()
        .from(registrations)
        .where(and(eq(registrations.organisationId, w.orgA), eq(registrations.consultationId, w.consultationY)));
      // One remote participant: no seat, whatever was posted.
      expect(reg).toMatchObject({ inPersonSeats: 0, version: 1, createdBy: w.ids.ownerA });
      expect(reg!.id).not.toBe(extra(w).id);
    });

    it("registering with status=declined posted does not decline, and another organisation's registration is refused", async () => {
      const { saveRegistrationAction } = await import("@/app/[locale]/consultations/[slug]/register/actions");
      const base = {
        consent: "on",
        "participants.0.name": "P",
        "participants.0.email": "p@example.net",
        "participants.0.attendance": "remote",
      };
      const [n0] = await t.db.select({ n: count() }).from(registrations);
      const refused = await post(ownerA, saveRegistrationAction, {
        ...base,
        consultationId: w.consultationY,
        organisationId: w.orgB,
        version: "0",
        status: "confirmed",
      });
      expect(refused.state?.status).toBe("error");
      const [n1] = await t.db.select({ n: count() }).from(registrations);
      expect(n1!.n).toBe(n0!.n);
      const [mine] = await t.db
        .select()
        .from(registrations)
        .where(and(eq(registrations.organisationId, w.orgA), eq(registrations.consultationId, w.consultationY)));
      const r = await post(ownerA, saveRegistrationAction, {
        ...base,
        consultationId: w.consultationY,
        organisationId: w.orgA,
        version: String(mine!.version),
        status: "declined",
      });
      expect(r.redirect).toBeDefined();
      const [after] = await t.db.select().from(registrations).where(eq(registrations.id, mine!.id));
      expect(after!.status).not.toBe("declined");
    });
  });

  it("a button's repeated field sent once is still a list: tagging with one theme", async () => {
    const { moderateButtonAction } = await import("@/app/[locale]/moderation/actions");
    const [s0] = await t.db.select().from(submissions).where(eq(submissions.id, ids.x[2]!));
    const r = await post(await w.actor("anchorX"), moderateButtonAction, {
      slug: "asia",
      action: "tag",
      submissionId: s0!.id,
      version: String(s0!.version),
      themes: "4",
      keywords: "one",
    });
    expect(r.redirect).toContain("ok=moderated_tag");
    const [s1] = await t.db.select().from(submissions).where(eq(submissions.id, s0!.id));
    expect(s1!.keywords).toEqual(["one"]);
    expect(s1!.themes).toContain(4);
  });

  // ---------------------------------------------------------------- fuzzed filters
  describe("fuzzed search, sort and filter parameters", () => {
    it(`the moderation queue: ${FUZZ_CASES} seeded cases, no exception, every row in scope`, async () => {
      const r = prng(0x5eed);
      const anchorX = await w.actor("anchorX");
      const secretariat = await w.actor("secretariat");
      const ownerB = await w.actor("ownerB");
      let rowsSeen = 0;
      for (let i = 0; i < FUZZ_CASES; i++) {
        const params = fuzzParams(r);
        const label = `case ${i}: ${JSON.stringify(params).slice(0, 300)}`;
        const filters = queueFiltersSchema.parse(params); // never throws: bad values are dropped
        const who = i % 3;
        if (who === 0) {
          const page = await listQueue({ actor: anchorX, consultationId: w.consultationX, filters }).catch(
            (e: unknown) => {
              throw new Error(`${label}: ${String(e)}`);
            },
          );
          for (const row of page.rows) expect(row.consultationId, label).toBe(w.consultationX);
          rowsSeen += page.rows.length;
        } else if (who === 1) {
          const page = await listQueue({ actor: secretariat, consultationId: null, filters }).catch((e: unknown) => {
            throw new Error(`${label}: ${String(e)}`);
          });
          for (const row of page.rows) expect(row.status, label).not.toBe("draft");
          rowsSeen += page.rows.length;
        } else {
          // Out of scope: refused with a DomainError, never anything else, whatever the filters.
          const e = await listQueue({ actor: anchorX, consultationId: w.consultationY, filters }).then(
            () => null,
            (err: unknown) => err,
          );
          expect(e, label).toBeInstanceOf(DomainError);
          const e2 = await listQueue({ actor: ownerB, consultationId: null, filters }).then(
            () => null,
            (err: unknown) => err,
          );
          expect(e2, label).toBeInstanceOf(DomainError);
        }
      }
      // The generator did reach the rows (not every case filtered everything out).
      expect(rowsSeen).toBeGreaterThan(0);
      const [inX] = await t.db
        .select({ n: count() })
        .from(submissions)
        .where(and(eq(submissions.consultationId, w.consultationX), ne(submissions.status, "draft")));
      await expect(getOverview({ actor: anchorX, consultationId: w.consultationX })).resolves.toMatchObject({
        total: inX!.n,
      });
    });

    it(`the public listing: ${FUZZ_CASES} seeded cases, no exception, only published inputs`, async () => {
      const r = prng(0xbad5eed);
      const published = new Set([ids.x[0], ids.y[0]]);
      let rowsSeen = 0;
      for (let i = 0; i < FUZZ_CASES; i++) {
        const params = fuzzParams(r);
        const label = `case ${i}: ${JSON.stringify(params).slice(0, 300)}`;
        const f = publicInputsFiltersSchema.parse(params);
        const page = await listPublishedInputs({
          consultationSlug: f.consultation,
          theme: f.theme,
          after: f.after,
        }).catch((e: unknown) => {
          throw new Error(`${label}: ${String(e)}`);
        });
        for (const row of page.rows) expect(published.has(row.id), label).toBe(true);
        rowsSeen += page.rows.length;
      }
      expect(rowsSeen).toBeGreaterThan(0);
    });

    it("the listing function itself refuses nothing it is handed: a bad cursor is the first page", async () => {
      for (const after of [
        `2017-99-99T99:99Z_${randomUUID()}`,
        `2017-08-04T00:00:00Z_${"-".repeat(36)}`,
        `-010000-01-01T00:00:00.000Z_${randomUUID()}`,
        "\u0000",
      ]) {
        const page = await listPublishedInputs({ after });
        expect(page.rows.length).toBe(2);
      }
    });
  });

  // ---------------------------------------------------------------- hostile uploads
  describe("hostile uploads", () => {
    const pdf = new TextEncoder().encode(
      "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
    );
    const html = new TextEncoder().encode("<!DOCTYPE html><html><body><script>window.__xss=1</script></body></html>");
    const exe = Uint8Array.from([0x4d, 0x5a, ...new Array(200).fill(1)]);

    const draftOf = (title: string) =>
      draftSchema.parse({
        organisationId: w.orgA,
        consultationId: w.consultationX,
        idempotencyKey: key(),
        version: 0,
        title,
      });
    const traces = async () => {
      const [a] = await t.db.select({ n: count() }).from(attachments);
      const [s] = await t.db.select({ n: count() }).from(submissions);
      const [e] = await t.db.select({ n: count() }).from(auditEvents);
      const [o] = await t.db.select({ n: count() }).from(emailOutbox);
      return { attachments: a!.n, submissions: s!.n, audit: e!.n, outbox: o!.n };
    };

    it.each([
      ["HTML named .pdf", "report.pdf", html, "attachment_unsupportedType"],
      ["an EXE named .pdf", "invoice.pdf", exe, "attachment_unsupportedType"],
      ["PDF magic one byte late", "late.pdf", new Uint8Array([0x20, ...pdf]), "attachment_unsupportedType"],
    ])("refuses %s, writing nothing", async (_label, name, bytes, code) => {
      const before = await traces();
      const e = await saveDraft({ actor: ownerA, input: draftOf("Upload"), files: [{ name, bytes }] }).then(
        () => null,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe(code);
      expect(await traces()).toEqual(before);
    });

    it.each([
      ["a traversing name", "../../etc/passwd.pdf", "passwd.pdf"],
      ["a Windows traversing name", "..\\..\\Windows\\system.ini.pdf", "system.ini.pdf"],
      ["control characters and an RTL override", "inv\u0000oice\u202Efdp.exe\u0007.pdf", "invoicefdp.exe.pdf"],
      ["an HTML-looking name", '<img src=x onerror="window.__xss=1">.pdf', "_img src_x onerror_window._xss_1_.pdf"],
    ])("stores %s under a safe name, downloaded as it was stored", async (_label, name, stored) => {
      const d = await saveDraft({ actor: ownerA, input: draftOf("Names"), files: [{ name, bytes: pdf }] });
      const [a] = await t.db.select().from(attachments).where(eq(attachments.submissionId, d.id));
      expect(a!.fileName).toBe(stored);
      expect(a!.fileName).not.toMatch(/[/\\\p{Cc}\p{Cf}<>"]/u);
      const got = await getAttachmentForDownload({ actor: ownerA, attachmentId: a!.id });
      expect(Buffer.from(got.bytes).equals(Buffer.from(pdf))).toBe(true);
      expect(got.attachment.mediaType).toBe("application/pdf");
    });
  });
});
