// The region's contribution on real databases (PGlite and PostgreSQL): two anchors saving one theme
// from the same version (one conflict, never an overwrite), citations of inputs withdrawn or rejected
// later flagged in the draft and in coverage, the counts beside each citation as the database has
// them, the workflow draft → submitted → returned → final with its audit rows, what the secretariat
// and other regions' anchors may see, and similar inputs found by pg_trgm.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, contributionCitations, contributionRevisions, submissions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { DomainError, NotFoundError } from "@/lib/errors";
import { moderate } from "@/lib/moderation/decisions";
import { moderationActionSchema } from "@/lib/moderation/schemas";
import { submitSubmission, withdrawSubmission } from "@/lib/submissions";
import { submissionSchema, type SubmissionContent } from "@/lib/submissions/schemas";
import { drivers, type TestDatabase } from "@/lib/testing/db";
import {
  beforeDeadlines as before,
  caught,
  idempotencyKey as key,
  inputContent as content,
} from "@/lib/testing/inputs";
import { buildWorld, openWorld, type World } from "@/lib/testing/fixtures";
import { getCoverage, markReadNotCited, similarInputs } from "./coverage";
import { buildContributionDocx } from "./docx";
import { buildCompilationDocx, buildCompilationXlsx } from "./compilation";
import {
  changeContributionStatus,
  getContribution,
  getPublishedContribution,
  listSectionRevisions,
  saveSection,
} from "./index";
import { contributionStepSchema, readNotCitedSchema, sectionSchema } from "./schemas";

describe.each(drivers)("the region's contribution on %s", (driver) => {
  let t: TestDatabase;
  let w: World;
  let memberA: Actor, anchorX: Actor, anchorY: Actor, secretariat: Actor, anchorX2: Actor;
  const accepted: string[] = [];

  const submit = async (over: Partial<SubmissionContent> = {}) => {
    const { id } = await submitSubmission({
      actor: memberA,
      input: submissionSchema.parse({
        consultationId: w.consultationX,
        organisationId: w.orgA,
        version: 0,
        idempotencyKey: key(),
        intent: "submit",
        ...content(over),
      }),
      now: before,
    });
    return id;
  };
  const accept = async (id: string) => {
    const [s] = await t.db.select({ version: submissions.version }).from(submissions).where(eq(submissions.id, id));
    const { version } = await moderate({
      actor: anchorX,
      input: moderationActionSchema.parse({ submissionId: id, version: s!.version, action: "accept" }),
    });
    await moderate({
      actor: anchorX,
      input: moderationActionSchema.parse({ submissionId: id, version, action: "publish" }),
    });
  };
  const section = (raw: Record<string, unknown>) =>
    sectionSchema.parse({ consultationId: w.consultationX, themeId: 1, ...raw });
  const step = (raw: Record<string, unknown>) =>
    contributionStepSchema.parse({ consultationId: w.consultationX, ...raw });

  beforeAll(async () => {
    ({ t, w } = await openWorld(driver));
    memberA = await w.actor("memberA");
    anchorX = await w.actor("anchorX");
    anchorY = await w.actor("anchorY");
    secretariat = await w.actor("secretariat");
    // A second anchor of the same consultation.
    const other = await buildWorld(t.db);
    await t.db.execute(
      sql`insert into role_grants (user_id, role, consultation_id) values (${other.ids.anchorY}, 'anchor', ${w.consultationX})`,
    );
    anchorX2 = await other.actor("anchorY");
    const inputs: Partial<SubmissionContent>[] = [
      {
        title: "Protect domestic workers",
        summary: "Domestic workers who migrate need legal protection and labour inspection.",
        countries: ["TH", "PH"],
      },
      {
        title: "Protecting migrant domestic workers",
        summary: "Migrant domestic workers need legal protection, labour inspection and unions.",
        countries: ["PH"],
      },
      {
        title: "Portable pensions",
        summary: "Social security that follows workers across borders.",
        countries: ["ID"],
        themes: [2],
      },
      {
        title: "Firewalls between services and immigration enforcement",
        summary: "Health care without fear of detention.",
        countries: ["MY"],
      },
    ];
    for (const over of inputs) {
      const id = await submit(over);
      await accept(id);
      accepted.push(id);
    }
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it("two anchors saving one theme from the same version: the second gets a conflict and nothing of it is written", async () => {
    const first = await saveSection({
      actor: anchorX,
      input: section({
        version: 0,
        items: [{ kind: "paragraph", text: "Domestic workers first.", citations: [accepted[0]] }],
      }),
    });
    expect(first.version).toBe(1);
    const e = await caught(
      saveSection({
        actor: anchorX2,
        input: section({ version: 0, items: [{ kind: "paragraph", text: "Overwrite!", citations: [] }] }),
      }),
    );
    expect(e.code).toBe("contributionConflict");
    const view = await getContribution({ actor: anchorX2, consultationId: w.consultationX, locale: "en" });
    expect(view.sections[0]!.items.map((i) => i.text)).toEqual(["Domestic workers first."]);
    // From the version it now sees, the second anchor saves; both versions are in the history.
    await saveSection({
      actor: anchorX2,
      input: section({
        version: 1,
        items: [
          { kind: "paragraph", text: "Domestic workers, by both anchors.", citations: [accepted[0], accepted[1]] },
          { kind: "recommendation", text: "Ratify ILO C189.", citations: [accepted[1]] },
        ],
      }),
    });
    const revisions = await listSectionRevisions({ actor: anchorX, consultationId: w.consultationX, themeId: 1 });
    expect(revisions.map((r) => [r.number, r.items[0]!.text])).toEqual([
      [1, "Domestic workers first."],
      [2, "Domestic workers, by both anchors."],
    ]);
  });

  it("the counts beside each citation are the database's", async () => {
    const view = await getContribution({ actor: anchorX, consultationId: w.consultationX, locale: "en" });
    for (const [position, item] of view.sections[0]!.items.entries()) {
      const rows = await t.db.execute<{ inputs: number; organisations: number; countries: number }>(sql`
        select count(distinct s.id)::int as inputs, count(distinct s.organisation_id)::int as organisations,
          (select count(distinct c) from submissions s2, unnest(s2.countries) c where s2.id in (
            select submission_id from contribution_citations where theme_id = 1 and position = ${position}) and s2.status = 'accepted')::int as countries
        from contribution_citations cc join submissions s on s.id = cc.submission_id
        where cc.theme_id = 1 and cc.position = ${position} and s.status = 'accepted'`);
      const db = (
        (Array.isArray(rows) ? rows : (rows as unknown as { rows: unknown[] }).rows) as {
          inputs: number;
          organisations: number;
          countries: number;
        }[]
      )[0]!;
      expect(item.counts).toEqual({
        inputs: Number(db.inputs),
        organisations: Number(db.organisations),
        countries: Number(db.countries),
      });
    }
    expect(view.sections[0]!.items[0]!.counts).toEqual({ inputs: 2, organisations: 1, countries: 2 });
  });

  it("only the consultation's accepted inputs may be cited", async () => {
    const draftless = await submit({ title: "Still submitted, not accepted" });
    const e = await caught(
      saveSection({
        actor: anchorX,
        input: section({ version: 2, items: [{ kind: "paragraph", text: "x", citations: [draftless] }] }),
      }),
    );
    expect(e.code).toBe("citationNotAccepted");
    const stored = await t.db.select().from(contributionRevisions).orderBy(asc(contributionRevisions.id));
    expect(stored).toHaveLength(2);
  });

  it("coverage lists what is not cited yet, counts the ones read and not cited, and flags a cited input withdrawn since", async () => {
    let cov = await getCoverage({ actor: anchorX, consultationId: w.consultationX, themeId: 1 });
    const theme1 = cov.themes.find((x) => x.themeId === 1)!;
    expect(theme1).toMatchObject({ accepted: 3, cited: 2, readNotCited: 0, unread: 1 });
    expect(theme1.inputs.map((i) => i.id)).toEqual([accepted[3]]);
    await markReadNotCited({
      actor: anchorX,
      input: readNotCitedSchema.parse({
        consultationId: w.consultationX,
        submissionId: accepted[3],
        note: "Covered by the health chapter",
      }),
    });
    cov = await getCoverage({ actor: anchorX, consultationId: w.consultationX, themeId: 1 });
    expect(cov.themes.find((x) => x.themeId === 1)).toMatchObject({ readNotCited: 1, unread: 0 });
    expect(cov.themes.find((x) => x.themeId === 1)!.inputs[0]!.note).toBe("Covered by the health chapter");

    // The organisation withdraws a cited input: the draft and the coverage flag it.
    const [s] = await t.db.select().from(submissions).where(eq(submissions.id, accepted[1]!));
    await withdrawSubmission({ actor: memberA, submissionId: s!.id, version: s!.version });
    cov = await getCoverage({ actor: anchorX, consultationId: w.consultationX });
    expect(cov.flagged.map((f) => [f.id, f.status])).toEqual([[accepted[1], "withdrawn"]]);
    const view = await getContribution({ actor: anchorX, consultationId: w.consultationX, locale: "en" });
    expect(view.flagged).toBe(2);
    const flaggedCitation = view.sections[0]!.items[1]!.citations[0]!;
    expect(flaggedCitation).toMatchObject({ id: accepted[1], current: false, status: "withdrawn" });
    // Withdrawn inputs no longer count behind a citation.
    expect(view.sections[0]!.items[0]!.counts.inputs).toBe(1);
    // The flagged citation may stay while the anchors rework the text (saving keeps it).
    await saveSection({
      actor: anchorX,
      input: section({
        version: 2,
        items: view.sections[0]!.items.map((i) => ({
          kind: i.kind,
          text: i.text,
          citations: i.citations.map((c) => c.id),
        })),
      }),
    });
  });

  it("workflow: the secretariat sees nothing of a draft; submitted, returned with a comment, finalised, published", async () => {
    expect(
      await caught(getContribution({ actor: secretariat, consultationId: w.consultationX, locale: "en" })),
    ).toBeInstanceOf(NotFoundError);
    expect(
      await caught(getContribution({ actor: anchorY, consultationId: w.consultationX, locale: "en" })),
    ).toBeInstanceOf(NotFoundError);
    expect(await getPublishedContribution({ consultationId: w.consultationX, locale: "en" })).toBeNull();
    // Only the anchors submit; a stale version is refused.
    expect(
      (await caught(changeContributionStatus({ actor: anchorX, input: step({ version: 99, step: "submit" }) }))).code,
    ).toBe("contributionConflict");
    const submitted = await changeContributionStatus({ actor: anchorX, input: step({ version: 1, step: "submit" }) });
    expect(submitted.status).toBe("submitted");
    // Locked while with the secretariat.
    expect((await caught(saveSection({ actor: anchorX, input: section({ version: 3, items: [] }) }))).code).toBe(
      "contributionLocked",
    );
    const seen = await getContribution({ actor: secretariat, consultationId: w.consultationX, locale: "en" });
    expect(seen.can).toEqual({ edit: false, steps: ["return", "finalise"] });
    // Returning needs a comment (the schema), and anchors cannot return.
    expect(() => step({ version: 2, step: "return" })).toThrow();
    expect(
      (
        await caught(
          changeContributionStatus({ actor: anchorX, input: step({ version: 2, step: "return", comment: "x" }) }),
        )
      ).code,
    ).toBe("forbidden");
    await changeContributionStatus({
      actor: secretariat,
      input: step({ version: 2, step: "return", comment: "Please cite the Pacific inputs on climate." }),
    });
    const back = await getContribution({ actor: anchorX, consultationId: w.consultationX, locale: "en" });
    expect(back.contribution).toMatchObject({
      status: "returned",
      returnComment: "Please cite the Pacific inputs on climate.",
    });
    expect(back.can.edit).toBe(true);
    await changeContributionStatus({ actor: anchorX, input: step({ version: 3, step: "finalise" }) });
    // The public page's copy (cached, null above) is forgotten when the finalising commit's
    // notification arrives: at once on PGlite, within milliseconds on PostgreSQL; without the
    // notification it would stay null for the cache's 5 s.
    let published = await getPublishedContribution({ consultationId: w.consultationX, locale: "en" });
    for (let i = 0; !published && i < 100; i++) {
      await new Promise((r) => setTimeout(r, 10));
      published = await getPublishedContribution({ consultationId: w.consultationX, locale: "en" });
    }
    expect(published?.contribution.status).toBe("final");
    // The public sees the organisation's name only for a named, published input.
    const cited = published!.sections[0]!.items[0]!.citations[0]!;
    expect(cited.published).toBe(true);
    const audit = await t.db
      .select({
        action: auditEvents.action,
        from: auditEvents.fromState,
        to: auditEvents.toState,
        note: auditEvents.note,
      })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.consultationId, w.consultationX),
          sql`${auditEvents.action} in ('contribution.submit', 'contribution.return', 'contribution.finalise')`,
        ),
      )
      .orderBy(asc(auditEvents.id));
    expect(audit).toEqual([
      { action: "contribution.submit", from: "draft", to: "submitted", note: null },
      {
        action: "contribution.return",
        from: "submitted",
        to: "returned",
        note: "Please cite the Pacific inputs on climate.",
      },
      { action: "contribution.finalise", from: "returned", to: "final", note: null },
    ]);
  });

  it("similar inputs: the nearest by title and summary in the same consultation, for its moderators only", async () => {
    const similar = await similarInputs({ actor: anchorX, submissionId: accepted[0]! });
    expect(similar[0]!.id).toBe(accepted[1]);
    expect(similar[0]!.similarity).toBeGreaterThan(0.3);
    expect(similar.map((s) => s.id)).not.toContain(accepted[0]);
    expect(await caught(similarInputs({ actor: anchorY, submissionId: accepted[0]! }))).toBeInstanceOf(NotFoundError);
    expect(await caught(similarInputs({ actor: memberA, submissionId: accepted[0]! }))).toBeInstanceOf(NotFoundError);
  });

  it("the DOCX, read back by LibreOffice (to PDF) and pdftotext, holds every paragraph, every citation and the annex", async () => {
    const { docx } = await buildContributionDocx({ actor: anchorX, consultationId: w.consultationX });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "contribution-"));
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
    try {
      const file = path.join(dir, "contribution.docx");
      fs.writeFileSync(file, docx);
      execFileSync(
        "libreoffice",
        [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", file, "--outdir", dir],
        { stdio: "pipe", timeout: 120_000 },
      );
      const text = execFileSync("pdftotext", [path.join(dir, "contribution.pdf"), "-"])
        .toString("utf8")
        .replace(/\s+/g, " ");
      const [row] = await t.db
        .select({ refs: sql<string[]>`array_agg(distinct ${submissions.reference})` })
        .from(contributionCitations)
        .innerJoin(submissions, eq(submissions.id, contributionCitations.submissionId));
      expect(row!.refs.length).toBeGreaterThan(0);
      for (const ref of row!.refs) expect(text).toContain(ref);
      expect(text).toContain("Domestic workers, by both anchors.");
      expect(text).toContain("Ratify ILO C189.");
      expect(text).toContain("Annex: the inputs cited");
      expect(text).toContain("Protect domestic workers");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(profile, { recursive: true, force: true });
    }
  }, 180_000);

  it("the secretariat's compilation: XLSX with a row per citation and DOCX with the regions side by side, read back by LibreOffice; refused to anchors", async () => {
    expect(await caught(buildCompilationXlsx({ actor: anchorX, locale: "en" }))).toBeInstanceOf(DomainError);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compilation-"));
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
    const soffice = (args: string[]) =>
      execFileSync("libreoffice", [`-env:UserInstallation=file://${profile}`, "--headless", ...args, "--outdir", dir], {
        stdio: "pipe",
        timeout: 120_000,
      });
    try {
      fs.writeFileSync(path.join(dir, "c.xlsx"), await buildCompilationXlsx({ actor: secretariat, locale: "en" }));
      soffice(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", path.join(dir, "c.xlsx")]);
      const csv = execFileSync("python3", [
        "-c",
        "import csv,sys,json; print(json.dumps(list(csv.reader(open(sys.argv[1], encoding='utf-8')))))",
        path.join(dir, "c.csv"),
      ]).toString("utf8");
      const rows = JSON.parse(csv) as string[][];
      expect(rows[0]).toEqual([
        "Region",
        "Status",
        "Theme",
        "Kind",
        "No.",
        "Text",
        "Reference",
        "Input",
        "Organisation",
        "Countries",
      ]);
      const [cited] = await t.db.select({ n: sql<number>`count(*)::int` }).from(contributionCitations);
      const citationRows = rows.slice(1).filter((r) => r[6] !== "");
      expect(citationRows).toHaveLength(Number(cited!.n));
      expect(citationRows.every((r) => r[0] === "Asia" && r[1] === "Final")).toBe(true);
      expect(rows.some((r) => r[5] === "Ratify ILO C189." && r[3] === "Recommendation")).toBe(true);

      fs.writeFileSync(path.join(dir, "c.docx"), await buildCompilationDocx({ actor: secretariat, locale: "fr" }));
      soffice(["--convert-to", "pdf", path.join(dir, "c.docx")]);
      const text = execFileSync("pdftotext", [path.join(dir, "c.pdf"), "-"])
        .toString("utf8")
        .replace(/\s+/g, " ");
      expect(text).toContain("Les contributions des régions, thème par thème");
      for (const r of citationRows) expect(text).toContain(r[6]!);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(profile, { recursive: true, force: true });
    }
  }, 180_000);

  it("citations are stored one row per item and input, rewritten with the section", async () => {
    const rows = await t.db
      .select()
      .from(contributionCitations)
      .where(eq(contributionCitations.themeId, 1))
      .orderBy(asc(contributionCitations.position));
    expect(rows.map((r) => [r.position, r.submissionId]).sort()).toEqual(
      [
        [0, accepted[0]],
        [0, accepted[1]],
        [1, accepted[1]],
      ].sort(),
    );
  });
});
