// The regional summary and the secretariat's ZIP of every region on real databases.
// The DOCX is opened and its paragraphs read: each accepted input sits under its theme's heading;
// nothing else leaves the portal — no internal note, no rejected, withdrawn, duplicate or draft input,
// no contact person, no participant, no organisation behind an anonymous input; Arabic stays Arabic
// and right to left. Only the consultation's anchors and the secretariat get a summary; only the
// secretariat gets the ZIP.
import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedConsultations, seedThemes } from "@/db/seed-data";
import { exportLog, organisations, submissions, type Locale } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { addInternalNote, moderate } from "@/lib/moderation/decisions";
import { moderationActionSchema } from "@/lib/moderation/schemas";
import { saveRegistration } from "@/lib/registrations";
import { registrationSchema } from "@/lib/registrations/schemas";
import { saveDraft, submitSubmission, withdrawSubmission } from "@/lib/submissions";
import {
  draftSchema,
  submissionContentSchema,
  submissionSchema,
  type SubmissionContent,
} from "@/lib/submissions/schemas";
import { drivers, type TestDatabase } from "@/lib/testing/db";
import { openWorld, type World } from "@/lib/testing/fixtures";
import { buildAllRegionsZip } from "./all-regions";
import { buildRegionalSummary } from "./summary";
import { beforeDeadlines as before, caught, newInput } from "@/lib/testing/inputs";

// ---------------------------------------------------------------- reading a DOCX back
interface Para {
  style: string | null;
  text: string;
  bidi: boolean;
  rtl: boolean;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

async function documentXml(docx: Buffer | Uint8Array): Promise<string> {
  const file = (await JSZip.loadAsync(docx)).file("word/document.xml");
  expect(file, "word/document.xml").not.toBeNull();
  return file!.async("string");
}

/** Every paragraph (table cells' too), in document order. */
function paragraphsOf(xml: string): Para[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
    text: unescapeXml([...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("")),
    bidi: /<w:bidi\/>/.test(p),
    rtl: /<w:rtl\/>/.test(p),
  }));
}

async function toBuffer(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

// ---------------------------------------------------------------- the inputs
const content = (over: Partial<SubmissionContent>): SubmissionContent =>
  submissionContentSchema.parse({
    summary: "A short summary.",
    body: "What the organisation has to say.",
    countries: ["TH"],
    language: "en",
    contactName: "Contact Person Hidden",
    contactEmail: "contact.hidden@example.net",
    publication: "named",
    ...over,
  });

const ARABIC_TITLE = "حماية حقوق العمال المهاجرين في بلدان العبور";
const ARABIC_SUMMARY = "تدعو هذه المساهمة إلى ضمان الوصول إلى العدالة لجميع العمال المهاجرين.";
const NOTE = "Internal note: the anchors doubt this organisation";
const PARTICIPANT = { name: "Participant Nameless Hidden", email: "participant.hidden@example.net" };

describe.each(drivers)("regional summary on %s", (driver) => {
  let t: TestDatabase;
  let w: World;
  let memberA: Actor, memberB: Actor, anchorX: Actor, anchorY: Actor, secretariat: Actor;
  let orgBName: string;
  /** Accepted inputs of consultation X: title → themes. */
  const accepted = new Map<string, number[]>();
  const mustNotAppear: string[] = [];

  const submit = async (actor: Actor, over: Partial<SubmissionContent> & { consultationId?: string }) => {
    const { consultationId = w.consultationX, ...c } = over;
    const organisationId = actor.memberships[0]!.organisationId;
    return submitSubmission({
      actor,
      input: submissionSchema.parse({ ...newInput(consultationId, organisationId, "submit"), ...content(c) }),
      now: before,
    });
  };
  const versionOf = async (id: string) =>
    (await t.db.select({ v: submissions.version }).from(submissions).where(eq(submissions.id, id)))[0]!.v;
  const act = async (actor: Actor, id: string, raw: Record<string, unknown>) =>
    moderate({
      actor,
      input: moderationActionSchema.parse({ submissionId: id, version: await versionOf(id), ...raw }),
    });

  beforeAll(async () => {
    ({ t, w } = await openWorld(driver));
    memberA = await w.actor("memberA");
    memberB = await w.actor("memberB");
    anchorX = await w.actor("anchorX");
    anchorY = await w.actor("anchorY");
    secretariat = await w.actor("secretariat");
    orgBName = (
      await t.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, w.orgB))
    )[0]!.name;

    // Organisation B: confirmed, two participants (one in person, one remote). Organisation A's
    // registration (from the fixtures) is pending and not counted.
    await saveRegistration({
      actor: memberB,
      now: before,
      input: registrationSchema.parse({
        consultationId: w.consultationX,
        organisationId: w.orgB,
        version: 0,
        consent: true,
        participants: [
          { ...PARTICIPANT, attendance: "in_person" },
          { name: "Second Participant Hidden", email: "second.hidden@example.net", attendance: "remote" },
        ],
      }),
    });

    const named = await submit(memberA, {
      title: "Named input on decent work",
      themes: [1],
      recommendations: ["Ratify ILO Convention 189", "End the kafala system"],
      contactName: "Alice Contact Hidden",
      contactEmail: "alice.hidden@example.net",
    });
    await act(anchorX, named.id, { action: "accept" });
    await addInternalNote({ actor: anchorX, submissionId: named.id, body: NOTE });
    accepted.set("Named input on decent work", [1]);

    const both = await submit(memberA, { title: "Climate displacement and smuggling", themes: [2, 5] });
    await act(anchorX, both.id, { action: "accept" });
    accepted.set("Climate displacement and smuggling", [2, 5]);

    const anonymous = await submit(memberB, {
      title: "Testimony of undocumented workers",
      themes: [3],
      publication: "anonymous",
      contactName: "Bob Contact Hidden",
      contactEmail: "bob.hidden@example.net",
    });
    await act(anchorX, anonymous.id, { action: "accept" });
    accepted.set("Testimony of undocumented workers", [3]);

    const arabic = await submit(memberA, {
      title: ARABIC_TITLE,
      summary: ARABIC_SUMMARY,
      themes: [4],
      language: "ar",
      countries: ["LB"],
    });
    await act(anchorX, arabic.id, { action: "accept" });
    accepted.set(ARABIC_TITLE, [4]);

    const unpublished = await submit(memberA, { title: "For the consultation only", themes: [6], publication: "none" });
    await act(anchorX, unpublished.id, { action: "accept" });
    accepted.set("For the consultation only", [6]);

    const rejected = await submit(memberA, { title: "Rejected input title", themes: [1] });
    await act(anchorX, rejected.id, { action: "reject", reason: "Off topic" });
    const duplicate = await submit(memberA, { title: "Duplicate input title", themes: [1] });
    await act(anchorX, duplicate.id, { action: "markDuplicate", duplicateOf: named.reference });
    const withdrawn = await submit(memberA, { title: "Withdrawn input title", themes: [6] });
    await withdrawSubmission({ actor: memberA, submissionId: withdrawn.id, version: await versionOf(withdrawn.id) });
    await submit(memberA, { title: "Waiting input title", themes: [1] });
    await saveDraft({
      actor: memberA,
      input: draftSchema.parse({
        ...newInput(w.consultationX, w.orgA, "draft"),
        title: "Draft input title",
        themes: [1],
      }),
    });
    const elsewhere = await submit(memberA, {
      title: "Input of another region",
      themes: [1],
      consultationId: w.consultationY,
    });
    await act(anchorY, elsewhere.id, { action: "accept" });

    mustNotAppear.push(
      NOTE,
      "Rejected input title",
      "Duplicate input title",
      "Withdrawn input title",
      "Waiting input title",
      "Draft input title",
      "Input of another region",
      orgBName,
      "Alice Contact Hidden",
      "alice.hidden@example.net",
      "Bob Contact Hidden",
      "bob.hidden@example.net",
      "Contact Person Hidden",
      "contact.hidden@example.net",
      PARTICIPANT.name,
      PARTICIPANT.email,
      "Second Participant Hidden",
      "Off topic",
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  const themeHeading: Record<Locale, (n: number, name: string) => string> = {
    en: (n, name) => `Theme ${n}: ${name}`,
    fr: (n, name) => `Thème ${n} : ${name}`,
    es: (n, name) => `Tema ${n}: ${name}`,
    ar: (n, name) => `الموضوع ${n}: ${name}`,
  };

  /** Each accepted input's title is under each of its themes' headings, and nowhere else. */
  function expectUnderThemes(paras: Para[], locale: Locale) {
    const headings = seedThemes.map((th) => {
      const i = paras.findIndex(
        (p) => p.style === "Heading2" && p.text === themeHeading[locale](th.id, th.names[locale]),
      );
      expect(i, `heading of theme ${th.id}`).toBeGreaterThan(-1);
      return i;
    });
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);
    // The theme (1–6) whose section holds paragraph i.
    const sectionOf = (i: number) => headings.filter((h) => h < i).length;
    for (const [title, themes] of accepted) {
      const at = paras.flatMap((p, i) => (p.style === "Heading3" && p.text === title ? [i] : []));
      expect(at.map(sectionOf), title).toEqual(themes);
    }
  }

  it("puts every accepted input under its theme's heading, and nothing that must stay inside", async () => {
    const docx = await buildRegionalSummary({ actor: anchorX, consultationId: w.consultationX, locale: "en" });
    const xml = await documentXml(docx);
    const paras = paragraphsOf(xml);
    const text = paras.map((p) => p.text).join("\n");

    expect(paras[0]).toMatchObject({ style: "Title", text: "Regional consultation in Bangkok: inputs received" });
    const asia = seedConsultations.find((c) => c.slug === "asia")!;
    expect(text).toContain("Region: Asia");
    expect(text).toContain("Location: Bangkok, Thailand");
    expect(text).toMatch(/Dates: 4\s?–\s?5 August 2017/u);
    expect(text).toContain(`Anchored by: ${asia.anchors}`);

    expectUnderThemes(paras, "en");
    for (const s of mustNotAppear) expect(xml, s).not.toContain(s);

    // The anonymous input: "Anonymous" in place of its organisation; the named ones carry theirs.
    const anon = paras.findIndex((p) => p.text === "Testimony of undocumented workers");
    expect(paras[anon + 1]?.text).toBe("Organisation: Anonymous");
    const named = paras.findIndex((p) => p.text === "Named input on decent work");
    expect(paras[named + 1]?.text).toMatch(/^Organisation: Org A \w+ \(Fiji\)$/);
    expect(text).toContain("Ratify ILO Convention 189");
    expect(text).toContain("End the kafala system");
    const unpublished = paras.findIndex((p) => p.text === "For the consultation only");
    expect(paras.slice(unpublished, unpublished + 8).map((p) => p.text)).toContain(
      "Not for publication: the organisation sent this input for the consultation only.",
    );

    // Figures: B's confirmed registration (A's is pending); inputs not drafts nor withdrawn.
    expect(text).toContain("Organisations with a confirmed registration: 1. Their participants: 2.");
    expect(text).toContain("Inputs received: 8, of which accepted: 5.");
    const row = (label: string) => {
      const i = paras.findIndex((p) => p.text === label);
      return paras.slice(i, i + 3).map((p) => p.text);
    };
    expect(row(`1. ${seedThemes[0]!.names.en}`)).toEqual([`1. ${seedThemes[0]!.names.en}`, "4", "1"]);
    expect(row("In person")).toEqual(["In person", "1", "Remote"]);

    // Arabic stays Arabic, laid out right to left, in an English document.
    const arabic = paras.find((p) => p.text === ARABIC_TITLE);
    expect(arabic).toMatchObject({ style: "Heading3", bidi: true, rtl: true });
    expect(paras.find((p) => p.text === ARABIC_SUMMARY)).toMatchObject({ bidi: true, rtl: true });
    expect(paras.find((p) => p.text === "Named input on decent work")).toMatchObject({ bidi: false, rtl: false });

    const [log] = await t.db
      .select()
      .from(exportLog)
      .where(and(eq(exportLog.actorId, anchorX.userId), eq(exportLog.kind, "summary")));
    expect(log).toMatchObject({
      consultationId: w.consultationX,
      format: "docx",
      filters: { locale: "en" },
      rowCount: 5,
    });
  });

  it("writes the headings in the requested language, right to left in Arabic", async () => {
    const ar = paragraphsOf(
      await documentXml(
        await buildRegionalSummary({ actor: secretariat, consultationId: w.consultationX, locale: "ar" }),
      ),
    );
    expectUnderThemes(ar, "ar");
    expect(ar.filter((p) => p.style === "Heading2").every((p) => p.bidi && p.rtl)).toBe(true);
    expect(ar.map((p) => p.text)).toContain("المنظمة: دون ذكر الاسم");
    // An English input stays left to right in an Arabic document.
    expect(ar.find((p) => p.text === "Named input on decent work")).toMatchObject({ bidi: false, rtl: false });

    const fr = await documentXml(
      await buildRegionalSummary({ actor: secretariat, consultationId: w.consultationX, locale: "fr" }),
    );
    const frParas = paragraphsOf(fr);
    expectUnderThemes(frParas, "fr");
    expect(frParas.map((p) => p.text)).toContain("Organisation : Anonyme");
    for (const s of mustNotAppear) expect(fr, s).not.toContain(s);

    expectUnderThemes(
      paragraphsOf(
        await documentXml(
          await buildRegionalSummary({ actor: anchorX, consultationId: w.consultationX, locale: "es" }),
        ),
      ),
      "es",
    );
  });

  it("is for the consultation's anchors and the secretariat only", async () => {
    expect(
      await caught(buildRegionalSummary({ actor: anchorY, consultationId: w.consultationX, locale: "en" })),
    ).toBeInstanceOf(NotFoundError);
    expect(
      await caught(buildRegionalSummary({ actor: memberA, consultationId: w.consultationX, locale: "en" })),
    ).toBeInstanceOf(NotFoundError);
    expect(
      await caught(buildRegionalSummary({ actor: secretariat, consultationId: randomUUID(), locale: "en" })),
    ).toBeInstanceOf(NotFoundError);
    // Anchor Y's own summary has Y's input and nothing of X.
    const y = await documentXml(
      await buildRegionalSummary({ actor: anchorY, consultationId: w.consultationY, locale: "en" }),
    );
    expect(y).toContain("Input of another region");
    expect(y).not.toContain("Named input on decent work");
  });

  it("has a table of contents, page numbers, charts with their figures as text, and each input's reference linked to the portal", async () => {
    const docx = await buildRegionalSummary({
      actor: anchorX,
      consultationId: w.consultationX,
      locale: "fr",
      baseUrl: "https://portal.example",
    });
    if (process.env.KEEP_DOCX) (await import("node:fs")).writeFileSync(process.env.KEEP_DOCX, docx);
    const zip = await JSZip.loadAsync(docx);
    const xml = await documentXml(docx);
    const paras = paragraphsOf(xml);
    const text = paras.map((p) => p.text);
    // The table of contents: a TOC field, written with its entries.
    expect(xml).toMatch(/TOC \\h \\o &quot;1-2&quot;/);
    expect(text).toContain("Les contributions en chiffres");
    // Page numbers in the footer.
    const footers = Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n));
    expect(footers.length).toBeGreaterThan(0);
    expect(await zip.file(footers[0]!)!.async("string")).toMatch(/PAGE/);
    // Three native charts, each with alt text, and its figures written out after it.
    const charts = Object.keys(zip.files).filter((n) => /^word\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(3);
    for (const title of [
      "Contributions par thème",
      "Contributions par pays concerné",
      "Contributions par type d'organisation",
    ]) {
      expect(text, title).toContain(title);
      expect(xml).toContain(`title="${title.replace("'", "&apos;")}"`);
    }
    // By theme, the figures are the table of received and accepted inputs; elsewhere one line per bar.
    expect(text).toContain(`1. ${seedThemes[0]!.names.fr}`);
    expect(xml).toContain(`Thème 1 : ${seedThemes[0]!.names.fr.replaceAll("'", "&apos;")} : 4`);
    expect(text).toContain("Thaïlande : 7");
    const chartXml = await Promise.all(charts.map((n) => zip.file(n)!.async("string")));
    expect(chartXml.join("")).toContain("Thaïlande");
    // Each accepted input's reference, linked to its page.
    const [ref] = await t.db
      .select({ id: submissions.id, reference: submissions.reference })
      .from(submissions)
      .where(eq(submissions.title, "Named input on decent work"));
    expect(text).toContain(`Référence : ${ref!.reference}`);
    const rels = await zip.file("word/_rels/document.xml.rels")!.async("string");
    expect(rels).toContain(`https://portal.example/fr/moderation/asia/submissions/${ref!.id}`);
  });

  it("gives the secretariat, per region, the summary in the chosen language, inputs as XLSX and CSV and participants, and an all-regions workbook", async () => {
    const zip = await JSZip.loadAsync(await toBuffer(await buildAllRegionsZip({ actor: secretariat, locale: "fr" })));
    const names = Object.keys(zip.files)
      .filter((n) => !n.endsWith("/"))
      .sort();
    const perRegion = [
      "synthese-fr.docx",
      "contributions.xlsx",
      "contributions.csv",
      "participants.xlsx",
      "participants.csv",
    ];
    const expected = [
      ...seedConsultations.flatMap((c) => perRegion.map((f) => `${c.slug}/${f}`)),
      "toutes-regions-contributions.xlsx",
      "toutes-regions-contributions.csv",
    ].sort();
    expect(names).toEqual(expected);

    const asia = paragraphsOf(await documentXml(await zip.file("asia/synthese-fr.docx")!.async("uint8array")));
    expectUnderThemes(asia, "fr");
    const asiaCsv = await zip.file("asia/contributions.csv")!.async("string");
    expect(asiaCsv.charCodeAt(0)).toBe(0xfeff);
    expect(asiaCsv.split("\r\n")[0]).toContain("Référence,Région,Code de la consultation,Statut,Titre");
    expect(asiaCsv).toContain("Rejected input title");
    expect(asiaCsv).not.toContain("Input of another region");
    expect(asiaCsv).not.toContain("Draft input title");
    // Participants: the secretariat may see them.
    expect(await zip.file("asia/participants.csv")!.async("string")).toContain(PARTICIPANT.name);

    // The all-regions workbook: one inputs sheet with a region column, in words.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await zip.file("toutes-regions-contributions.xlsx")!.async("uint8array")) as unknown as ArrayBuffer,
    );
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe("Contributions");
    expect(sheet.getRow(1).getCell(2).value).toBe("Région");
    const regions = new Map<string, string>();
    sheet.eachRow((row, n) => {
      if (n > 1) regions.set(String(row.getCell(5).value), String(row.getCell(2).value));
    });
    expect(regions.get("Input of another region")).toBe("Moyen-Orient et Afrique du Nord");
    expect(regions.get(ARABIC_TITLE)).toBe("Asie");

    const logs = await t.db.select().from(exportLog).where(eq(exportLog.kind, "all-regions"));
    expect(logs).toEqual([
      expect.objectContaining({
        actorId: secretariat.userId,
        consultationId: null,
        format: "zip",
        filters: { locale: "fr" },
      }),
    ]);
  });

  it("refuses the ZIP to anchors and members", async () => {
    expect(await caught(buildAllRegionsZip({ actor: anchorX, locale: "en" }))).toBeInstanceOf(ForbiddenError);
    expect(await caught(buildAllRegionsZip({ actor: memberA, locale: "en" }))).toBeInstanceOf(ForbiddenError);
  });
});
