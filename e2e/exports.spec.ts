// What anchors and the secretariat hand on, read back by the programs people open it with (issue 13):
// inputs typed through the form with multi-line, comma, quote, Arabic and French text in every field,
// each export downloaded by clicking its link on the dashboard, then read with readers this code did
// not write the files with — Python's csv module, LibreOffice headless (CSV → XLSX → CSV, XLSX →
// CSV per sheet, DOCX → PDF) and pdftotext — and compared with the database (the JSON export, the
// database's rows as its schema documents them) and with what was typed.
// With EXPORT_SHOTS_DIR set, the downloaded files are kept there (scripts/shots-exports.mjs).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, ready, test } from "./fixtures";
import { expectAccessible, runTag, signIn, signOut } from "./helpers";

const SLUG = "north-america";
const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

interface Typed {
  title: string;
  themes: RegExp[];
  summary: string;
  body: string;
  recommendations: string[];
  countries: string[];
  language: string;
  contactName: string;
  contactEmail: string;
  publication:
    | "With our organisation's name"
    | "Anonymously (our organisation is not named)"
    | "Not at all (for the consultation only)";
  attachment?: { name: string; buffer: Buffer };
  accept: boolean;
}

const inputs = (tag: string): Typed[] => [
  {
    title: `Sécurité, « dignité » et "droits" ${tag}`,
    themes: [/^1\. Human rights/, /^3\. International cooperation/],
    summary: `Première ligne, avec virgule.\nDeuxième ligne "citée" ; fin.`,
    body: `Paragraphe un, avec "guillemets", et virgules.\n\nParagraphe deux : حقوق العمال المهاجرين, "الآن".\nTroisième ligne.`,
    recommendations: [`Garantir l'accès, sans "conditions",\nà la justice`, `حماية العمال، "فوراً", في كل مكان`],
    countries: ["FR", "SN", "LB"],
    language: "fr",
    contactName: `Éloïse Dupré, "Coordination"`,
    contactEmail: "eloise@example.net",
    publication: "With our organisation's name",
    accept: true,
  },
  {
    title: `حقوق العمال المهاجرين، "الآن", ${tag}`,
    themes: [/^2\. Addressing drivers/, /^5\. Smuggling/],
    summary: `يجب حماية العمال المهاجرين، "دائماً"،\nفي كل مكان, comma.`,
    body: `السطر الأول، مع "اقتباس".\n\nالسطر الثاني, مع فاصلة.`,
    recommendations: [`توصية أولى، "مهمة"\nسطر ثانٍ`, `Deuxième recommandation, "en français".`],
    countries: ["JO", "LB"],
    language: "ar",
    contactName: `نادية حداد، "منسقة"`,
    contactEmail: "nadia.ar@example.net",
    publication: "Anonymously (our organisation is not named)",
    attachment: { name: `تقرير-2017 نهائي.pdf`, buffer: pdf },
    accept: true,
  },
  {
    title: `=1+1, formula-looking "title" ${tag}`,
    themes: [/^6\. Irregular migration/],
    summary: `@SUM(A1), a "summary"\non two lines`,
    body: `-2, a body\n\n+3 "quoted", second paragraph`,
    recommendations: [`=HYPERLINK("http://example.org"), "click"`],
    countries: ["US", "MX"],
    language: "en",
    contactName: `+Jordan "J" Smith, Jr.`,
    contactEmail: "jordan@example.net",
    publication: "Not at all (for the consultation only)",
    accept: false,
  },
];

// ---------------------------------------------------------------- readers this code did not write
/** CSV as Python's csv module splits it. */
function pythonCsv(file: string): string[][] {
  const script =
    "import csv,json,sys; f=open(sys.argv[1], newline='', encoding='utf-8-sig'); print(json.dumps(list(csv.reader(f))))";
  return JSON.parse(execFileSync("python3", ["-c", script, file]).toString("utf8")) as string[][];
}

/** LibreOffice headless, with a profile of its own for this call (parallel runs share nothing). */
function soffice(args: string[], outdir: string) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
  try {
    execFileSync(
      "libreoffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", ...args, "--outdir", outdir],
      { stdio: "pipe", timeout: 120_000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
// UTF-8, comma, double quote; cells as shown (dates in the sheet's format); every sheet to its own file.
const CSV_EXPORT = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";
// UTF-8, comma, double quote, from line 1, no column types, no detection of dates or special numbers.
const CSV_IMPORT = "CSV:44,34,76,1,,0,false,false";

/** Each sheet of a workbook, as LibreOffice writes it out to CSV, read by Python. */
function sheetsViaLibreOffice(xlsx: string, dir: string): Map<string, string[][]> {
  const out = fs.mkdtempSync(path.join(dir, "sheets-"));
  soffice(["--convert-to", CSV_EXPORT, xlsx], out);
  const base = path.basename(xlsx, ".xlsx");
  const sheets = new Map<string, string[][]>();
  for (const f of fs.readdirSync(out))
    if (f.startsWith(`${base}-`) && f.endsWith(".csv"))
      sheets.set(f.slice(base.length + 1, -4), pythonCsv(path.join(out, f)));
  return sheets;
}

function pdfText(docx: string, dir: string): string {
  soffice(["--convert-to", "pdf", docx], dir);
  const pdfFile = path.join(dir, `${path.basename(docx, ".docx")}.pdf`);
  return execFileSync("pdftotext", ["-layout", pdfFile, "-"]).toString("utf8");
}

/** With EXPORT_SHOTS_DIR set, a picture of part of a page, for scripts/shots-exports.mjs. */
async function shot(page: Page, part: ReturnType<Page["locator"]> | null, name: string) {
  const dir = process.env.EXPORT_SHOTS_DIR;
  if (!dir) return;
  const file = path.resolve(dir, "png", `${name}.png`);
  if (part) await part.screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage: true });
}

/** Clicks a link that downloads, and keeps the file. */
async function download(page: Page, testId: string, dir: string, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  const target = path.join(dir, name);
  await file.saveAs(target);
  return target;
}

// ---------------------------------------------------------------- what the database holds
interface JsonRow {
  reference: string;
  status: string;
  title: string;
  themes: number[];
  summary: string;
  body: string;
  recommendations: string[];
  countries: string[];
  language: string;
  contactName: string;
  organisation: string;
  channel: string;
  publication: string;
}
const guard = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
const HEADERS_FR = [
  "Référence",
  "Région",
  "Code de la consultation",
  "Statut",
  "Titre",
  "Thèmes",
  "Numéros des thèmes",
  "Résumé",
  "Texte intégral",
  "Recommandations",
  "Pays concernés",
  "Codes des pays (ISO)",
  "Langue de la contribution",
  "Code de la langue",
  "Mots-clés",
  "Publication",
  "Publiée sur le portail",
  "Reçue",
  "Organisation",
  "Type d'organisation",
  "Pays de l'organisation",
  "Code du pays de l'organisation (ISO)",
  "Organisation vérifiée",
  "Personne de contact",
  "Courriel de contact",
  "Envoyée (UTC)",
  "Dernière modification (UTC)",
  "Pièces jointes",
];
const col = (name: string) => HEADERS_FR.indexOf(name);
const fr = (code: string) => new Intl.DisplayNames(["fr"], { type: "region" }).of(code)!;

test("every export opens right in Python's csv and LibreOffice, in words, and matches the database", async ({
  page,
}, info) => {
  test.setTimeout(600_000);
  const tag = runTag();
  const dir = process.env.EXPORT_SHOTS_DIR
    ? path.resolve(process.env.EXPORT_SHOTS_DIR, info.project.name)
    : fs.mkdtempSync(path.join(os.tmpdir(), "exports-e2e-"));
  fs.mkdirSync(dir, { recursive: true });
  const typed = inputs(tag);

  // ---------------------------------------------------------------- the organisation types everything in
  await signIn(page, "owner@example.org");
  for (const t of typed) {
    await page.goto(`/en/consultations/${SLUG}/submit`);
    await page.getByLabel("Title").fill(t.title);
    for (const th of t.themes) await page.getByRole("checkbox", { name: th }).check();
    await page.getByLabel("Summary").fill(t.summary);
    await page.getByLabel("Full text").fill(t.body);
    for (const [i, r] of t.recommendations.entries()) await page.getByLabel(`Recommendation ${i + 1}`).fill(r);
    for (const country of t.countries) await page.locator(`input[name="countries"][value="${country}"]`).check();
    await page.getByLabel("Language of the input").selectOption(t.language);
    await page.getByLabel("Contact person", { exact: true }).fill(t.contactName);
    await page.getByLabel("Contact person's e-mail").fill(t.contactEmail);
    await page.getByLabel(t.publication).check();
    if (t.attachment)
      await page
        .getByLabel(/Attachments/)
        .setInputFiles({ name: t.attachment.name, mimeType: "application/pdf", buffer: t.attachment.buffer });
    await page.getByRole("button", { name: "Submit the input" }).click();
    await expect(page.getByTestId("reference-confirmation")).toContainText(/NAM-\d{4}/);
  }
  // A registration, for the participants export.
  await page.goto(`/en/consultations/${SLUG}/register`);
  await ready(page);
  const p1 = page.getByTestId("participant").nth(0);
  await p1.getByLabel("Full name").fill(`Zoë "Z" N'Diaye, Jr.`);
  await p1.getByLabel("E-mail").fill("zoe.ndiaye@example.net");
  await p1.getByLabel(/^Interpretation into/).fill("français, العربية");
  await page.getByLabel("The participants agree to this use of their personal data.").check();
  await page.getByRole("button", { name: "Save the registration" }).click();
  await expect(page.getByText(/^Saved\./)).toBeVisible();
  await signOut(page);

  // ---------------------------------------------------------------- the anchor accepts two
  await signIn(page, "anchor.north-america@example.org");
  for (const t of typed.filter((x) => x.accept)) {
    await page.goto(`/en/moderation/${SLUG}?q=${encodeURIComponent(tag)}`);
    await page.getByTestId("queue-row").getByRole("link", { name: t.title }).click();
    await ready(page);
    await page.getByRole("button", { name: "Accept", exact: true }).click();
    await expect(page.getByTestId("moderation-status")).toHaveText("Accepted");
  }

  // ---------------------------------------------------------------- every export, through the dashboard's links (French page)
  await page.goto(`/fr/moderation/${SLUG}`);
  const section = page.getByTestId("exports-section");
  await expect(section).toBeVisible();
  // The summary in each language, each link marked with its language.
  for (const [l, name] of [
    ["en", "English"],
    ["fr", "Français"],
    ["es", "Español"],
    ["ar", "العربية"],
  ] as const) {
    await expect(section.getByTestId(`summary-${l}`)).toHaveText(name);
    await expect(section.getByTestId(`summary-${l}`)).toHaveAttribute(
      "href",
      `/api/moderation/${SLUG}/summary?locale=${l}`,
    );
  }
  await expectAccessible(page);
  await shot(page, section, "dashboard-exports-fr");
  const files = {
    csv: await download(page, "export-csv", dir, "inputs.csv"),
    xlsx: await download(page, "export-xlsx", dir, "inputs.xlsx"),
    json: await download(page, "export-json", dir, "inputs.json"),
    participantsCsv: await download(page, "participants-csv", dir, "participants.csv"),
    participantsXlsx: await download(page, "participants-xlsx", dir, "participants.xlsx"),
    summaryFr: await download(page, "summary-fr", dir, "summary-fr.docx"),
    summaryAr: await download(page, "summary-ar", dir, "summary-ar.docx"),
    summaryEs: await download(page, "summary-es", dir, "summary-es.docx"),
  };

  // The database, as the JSON export states it (its schema is checked in lib/exports/exports.test.ts).
  const db = (JSON.parse(fs.readFileSync(files.json, "utf8")) as { submissions: JsonRow[] }).submissions;
  const ours = db.filter((r) => r.title.includes(tag));
  expect(ours).toHaveLength(3);
  // What was typed is what is stored (line breaks as "\n").
  for (const t of typed) {
    const r = ours.find((x) => x.title === t.title)!;
    expect(r, t.title).toBeTruthy();
    expect(r).toMatchObject({
      summary: t.summary,
      body: t.body,
      recommendations: t.recommendations,
      language: t.language,
      contactName: t.contactName,
    });
    expect([...r.countries].sort()).toEqual([...t.countries].sort());
  }

  // ---------------------------------------------------------------- CSV: Python's csv module
  const csv = pythonCsv(files.csv);
  expect(fs.readFileSync(files.csv).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(csv[0]).toEqual(HEADERS_FR);
  expect(csv.slice(1)).toHaveLength(db.length);
  for (const row of csv) expect(row).toHaveLength(HEADERS_FR.length);
  const csvByRef = new Map(csv.slice(1).map((r) => [r[0]!, r]));
  for (const r of db) {
    const c = csvByRef.get(r.reference)!;
    expect(c, r.reference).toBeTruthy();
    expect(c[col("Titre")]).toBe(guard(r.title));
    expect(c[col("Résumé")]).toBe(guard(r.summary));
    expect(c[col("Texte intégral")]).toBe(guard(r.body));
    expect(c[col("Recommandations")]).toBe(r.recommendations.map((x, i) => `${i + 1}. ${x}`).join("\n"));
    expect(c[col("Pays concernés")]).toBe(r.countries.map(fr).join("\n"));
    expect(c[col("Codes des pays (ISO)")]).toBe(r.countries.join(", "));
    expect(c[col("Numéros des thèmes")]).toBe(r.themes.join(", "));
    expect(c[col("Thèmes")]!.split("\n")).toHaveLength(r.themes.length);
    expect(c[col("Personne de contact")]).toBe(guard(r.contactName));
    expect(c[col("Région")]).toBe("Amérique du Nord");
    expect(c[col("Envoyée (UTC)")]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  }
  const formulaRow = csvByRef.get(ours.find((r) => r.title.startsWith("="))!.reference)!;
  expect(formulaRow[col("Titre")]).toBe(`'=1+1, formula-looking "title" ${tag}`);
  expect(formulaRow[col("Statut")]).toBe("Soumise");
  expect(formulaRow[col("Publication")]).toBe("Pas de publication");
  const arabicRow = csvByRef.get(ours.find((r) => r.language === "ar")!.reference)!;
  expect(arabicRow[col("Statut")]).toBe("Acceptée");
  expect(arabicRow[col("Publication")]).toBe("Anonymement");
  expect(arabicRow[col("Langue de la contribution")]).toBe("arabe");
  expect(arabicRow[col("Reçue")]).toBe("Par le portail");
  expect(arabicRow[col("Pièces jointes")]).toBe(`تقرير-2017 نهائي.pdf`);

  // LibreOffice splits the CSV the same way: CSV → XLSX → CSV, read by Python again.
  const viaLo = fs.mkdtempSync(path.join(dir, "csv-lo-"));
  soffice(["--infilter=" + CSV_IMPORT, "--convert-to", "xlsx", files.csv], viaLo);
  const reread = [...sheetsViaLibreOffice(path.join(viaLo, "inputs.xlsx"), viaLo).values()][0]!;
  expect(reread).toHaveLength(csv.length);
  reread.forEach((row, i) => expect(row, `CSV row ${i} through LibreOffice`).toEqual(csv[i]));

  // ---------------------------------------------------------------- XLSX: LibreOffice, every sheet
  const sheets = sheetsViaLibreOffice(files.xlsx, dir);
  expect([...sheets.keys()].sort()).toEqual(["Contributions", "Participants", "Pièces jointes", "Recommandations"]);
  const inputsSheet = sheets.get("Contributions")!;
  expect(inputsSheet[0]).toEqual(HEADERS_FR);
  expect(inputsSheet.slice(1)).toHaveLength(db.length);
  for (const row of inputsSheet) expect(row).toHaveLength(HEADERS_FR.length);
  const xlsxByRef = new Map(inputsSheet.slice(1).map((r) => [r[0]!, r]));
  for (const r of db) {
    const x = xlsxByRef.get(r.reference)!;
    // Text exactly as stored: no apostrophe in a spreadsheet's text cells.
    expect(x[col("Titre")]).toBe(r.title);
    expect(x[col("Résumé")]).toBe(r.summary);
    expect(x[col("Texte intégral")]).toBe(r.body);
    expect(x[col("Personne de contact")]).toBe(r.contactName);
    expect(x[col("Recommandations")]).toBe(r.recommendations.map((y, i) => `${i + 1}. ${y}`).join("\n"));
    // A real date, shown in the sheet's format.
    expect(x[col("Envoyée (UTC)")]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // The same words as the CSV, apart from the CSV's formula guard.
    const c = csvByRef.get(r.reference)!;
    expect(
      x.map((v, i) =>
        i === col("Titre") || i === col("Résumé") || i === col("Texte intégral") || i === col("Personne de contact")
          ? guard(v)
          : v,
      ),
    ).toEqual(c);
  }
  const recs = sheets.get("Recommandations")!;
  expect(recs.slice(1)).toHaveLength(db.reduce((a, r) => a + r.recommendations.length, 0));
  expect(recs.slice(1)).toContainEqual([ours[0]!.reference, "Amérique du Nord", "1", ours[0]!.recommendations[0]!]);
  const attached = sheets.get("Pièces jointes")!;
  expect(attached[0]).toEqual([
    "Référence",
    "Région",
    "Titre",
    "Nom du fichier",
    "Taille (Ko)",
    "Lien (connexion requise)",
  ]);
  const ourFile = attached.find((r) => r[3] === `تقرير-2017 نهائي.pdf`)!;
  expect(ourFile[0]).toBe(arabicRow[0]);
  // The link opens the file for those allowed to download it (here the anchor).
  const link = await page.request.get(ourFile[5]!);
  expect(link.status()).toBe(200);
  expect(Buffer.from(await link.body())).toEqual(pdf);

  // ---------------------------------------------------------------- participants: CSV and XLSX
  const people = pythonCsv(files.participantsCsv);
  expect(people[0]).toHaveLength(15);
  expect(people[0]![4]).toBe("Nom");
  const zoe = people.find((r) => r[4] === `Zoë "Z" N'Diaye, Jr.`)!;
  expect(zoe).toBeTruthy();
  expect(zoe[11]).toBe("français, العربية");
  expect(zoe[7]).toBe("En présentiel");
  const peopleSheets = sheetsViaLibreOffice(files.participantsXlsx, dir);
  expect([...peopleSheets.values()][0]).toEqual(people);

  // ---------------------------------------------------------------- the summaries: DOCX → PDF, every accepted title
  const accepted = db.filter((r) => r.status === "accepted");
  expect(accepted.length).toBeGreaterThanOrEqual(2);
  const squash = (s: string) => s.replace(/\s+/g, "");
  for (const [file, heading] of [
    [files.summaryFr, "Les contributions en chiffres"],
    [files.summaryEs, "Las contribuciones en cifras"],
    [files.summaryAr, "المساهمات بالأرقام"],
  ] as const) {
    const text = pdfText(file, dir);
    // pdftotext writes Arabic runs in their own order and splits the lam-alef ligature (لا, لآ) into
    // its letters in visual order: Arabic is compared once lam, alef and direction marks are set aside.
    const arabicKey = (s: string) => s.replace(/[\u202a-\u202e"،,]/g, "").replace(/[لاآأإ]/g, "");
    expect((file === files.summaryAr ? arabicKey : (s: string) => s)(squash(text)), file).toContain(
      (file === files.summaryAr ? arabicKey : (s: string) => s)(squash(heading)),
    );
    for (const r of accepted) {
      if (r.language === "ar") {
        const words = arabicKey(text);
        for (const word of r.title.split(/\s+/).map(arabicKey).filter(Boolean))
          expect(words, `${file}: ${word}`).toContain(word);
      } else expect(squash(text), `${file}: ${r.title}`).toContain(squash(r.title));
      expect(text, `${file}: ${r.reference}`).toContain(r.reference);
    }
    // Nothing that was not accepted.
    expect(text).not.toContain("formula-looking");
    // Page numbers in the footer (the Arabic footer runs right to left).
    expect(text).toMatch(/(Page|Página) 1 \/ \d+|صفحة/);
  }
  await signOut(page);

  // ---------------------------------------------------------------- the secretariat's download
  await signIn(page, "secretariat@example.org");
  // All consultations: a region column, a region filter, inputs by region.
  await page.goto(`/fr/moderation/all?q=${encodeURIComponent(tag)}`);
  await expect(page.getByTestId("queue-row")).toHaveCount(3);
  await expect(page.getByTestId("queue-region").first()).toHaveText("Amérique du Nord");
  const byRegion = page.getByTestId("by-region");
  await expect(byRegion.getByRole("row", { name: /Amérique du Nord/ })).toContainText(String(db.length));
  await page.locator("select[name=region]").selectOption(SLUG);
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page).toHaveURL(/region=north-america/);
  await expect(page.getByTestId("queue-row")).toHaveCount(3);
  await page.locator("select[name=region]").selectOption("asia");
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page.getByTestId("queue-row")).toHaveCount(0);
  await expectAccessible(page);
  await page.goto("/fr/moderation/all");
  await shot(page, null, "moderation-all-fr");
  await page.goto("/fr/secretariat");
  await expectAccessible(page);
  await shot(page, page.getByTestId("all-regions-download"), "secretariat-download-fr");
  const zip = await download(page, "all-regions-fr", dir, "all-regions-fr.zip");
  const listing = JSON.parse(
    execFileSync("python3", [
      "-c",
      "import json,sys,zipfile; print(json.dumps(zipfile.ZipFile(sys.argv[1]).namelist()))",
      zip,
    ]).toString("utf8"),
  ) as string[];
  for (const f of [
    "synthese-fr.docx",
    "contributions.xlsx",
    "contributions.csv",
    "participants.xlsx",
    "participants.csv",
  ])
    expect(listing).toContain(`${SLUG}/${f}`);
  expect(listing).toContain("toutes-regions-contributions.xlsx");
  const unzipped = fs.mkdtempSync(path.join(dir, "zip-"));
  execFileSync("python3", [
    "-c",
    "import sys,zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])",
    zip,
    unzipped,
  ]);
  const allRegions = sheetsViaLibreOffice(path.join(unzipped, "toutes-regions-contributions.xlsx"), dir).get(
    "Contributions",
  )!;
  const regionOf = new Map(allRegions.slice(1).map((r) => [r[0]!, r[1]!]));
  for (const r of ours) expect(regionOf.get(r.reference)).toBe("Amérique du Nord");
  expect(new Set(regionOf.values()).size).toBeGreaterThanOrEqual(1);
  expect(pythonCsv(path.join(unzipped, SLUG, "contributions.csv"))).toEqual(csv);
  // The export log says what was downloaded, in words.
  await page.goto("/fr/secretariat/exports");
  await expect(page.getByTestId("export-log-row").first()).toContainText("Toutes les régions (ZIP)");
  await expect(page.getByTestId("export-log-row").first()).toContainText("Langue : Français");
  await expect(page.locator("main")).not.toContainText("{");
  await expectAccessible(page);
  await shot(page, null, "export-log-fr");
});
