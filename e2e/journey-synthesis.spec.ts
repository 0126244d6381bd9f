// The region's contribution, as its anchors and the secretariat would tell it: an anchor writes a
// theme's synthesis citing inputs (by reference, and found with the finder), submits it; the
// secretariat returns it with a comment; the anchor finalises it; the consultation's public page
// shows it, its citations linking to the published inputs. The DOCX of the contribution and the
// secretariat's compilation, read back by LibreOffice (to PDF) and pdftotext, hold every citation.
// In English with JavaScript (Pacific) and in Arabic without (Latin America and the Caribbean):
// one contribution per consultation, so each variant has its own. Every page checked with axe.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { runTag } from "./helpers";
import {
  acceptAndPublish,
  accessible,
  pageAs,
  shots,
  submitAsOrganisation,
  variantName,
  words,
  type Variant,
} from "./journeys";

const cases: { v: Variant; slug: string }[] = [
  { v: { locale: "en", js: true }, slug: "pacific" },
  { v: { locale: "ar", js: false }, slug: "latin-america-caribbean" },
];

/** The text of a downloaded DOCX, as LibreOffice lays it out and pdftotext reads it. */
async function docxText(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "synthesis-"));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
  try {
    const file = path.join(dir, "file.docx");
    await download.saveAs(file);
    execFileSync(
      "libreoffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", file, "--outdir", dir],
      { stdio: "pipe", timeout: 120_000 },
    );
    return execFileSync("pdftotext", [path.join(dir, "file.pdf"), "-"])
      .toString("utf8")
      .replace(/\s+/g, " ");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

for (const { v, slug } of cases) {
  test(`anchors write the region's contribution citing inputs, submit it; the secretariat returns it with a comment; it is finalised and published with its citations (${variantName(v)})`, async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    const w = words(v);
    const L = v.locale;
    const shot = shots("synthesis", v);
    const tag = runTag();

    // The inputs (set-up, in English with JavaScript): two published, one accepted and not published.
    const owner = await pageAs(browser, "owner@example.org", true);
    const published = [
      await submitAsOrganisation(owner, slug, {
        title: `Climate displacement ${tag}`,
        summary: "Sea level rise forces whole villages to move.",
        publication: "named",
      }),
      await submitAsOrganisation(owner, slug, {
        title: `Planned relocation ${tag}`,
        summary: "Relocation must be planned with the communities.",
        publication: "anonymous",
      }),
    ];
    const unpublished = await submitAsOrganisation(owner, slug, {
      title: `Labour mobility ${tag}`,
      summary: "Seasonal workers need portable rights.",
      publication: "none",
    });
    const setup = await pageAs(browser, `anchor.${slug}@example.org`, true);
    for (const i of published) await acceptAndPublish(setup, slug, i.id);
    await setup.goto(`/en/moderation/${slug}/submissions/${unpublished.id}`);
    await setup.getByRole("button", { name: "Accept", exact: true }).click();
    await expect(setup.getByText("The input is accepted.")).toBeVisible();

    // 1. From the dashboard to the contribution.
    const anchor = await pageAs(browser, `anchor.${slug}@example.org`, v.js);
    await anchor.goto(`/${L}/moderation/${slug}`);
    await anchor.getByTestId("synthesis-link").click();
    await expect(anchor.getByTestId("contribution-status")).toHaveAttribute("data-status", "draft");
    await accessible(anchor, v);
    await shot(anchor, "contribution-empty");

    // 2. The first theme's editor: the finder shows this journey's inputs; a paragraph cites two
    //    of them by reference, a recommendation the third.
    await anchor
      .getByTestId("contribution-section")
      .first()
      .getByRole("link", { name: new RegExp(`^${w.synthesis.edit}`) })
      .click();
    await anchor.locator("#field-q").fill(tag);
    await anchor.getByRole("button", { name: w.synthesis.saveAndSearch }).click();
    await expect(anchor.getByTestId("finder-result")).toHaveCount(3);
    await accessible(anchor, v);
    await shot(anchor, "finder");
    await anchor
      .locator('textarea[name="items.0.text"]')
      .fill(`Climate change already moves Pacific communities; relocation must be planned with them. ${tag}`);
    await anchor
      .locator('input[name="items.0.add"]')
      .fill(`${published[0]!.reference}, ${published[1]!.reference.toLowerCase()}`);
    await anchor
      .locator('textarea[name="items.1.text"]')
      .fill(`Make labour mobility schemes carry portable rights. ${tag}`);
    await anchor.locator('input[name="items.1.add"]').fill(`${unpublished.reference} NOT-A-REF`);
    await anchor.getByRole("button", { name: w.synthesis.save, exact: true }).click();
    // An unknown reference: said by its field, and nothing typed is lost.
    await expect(anchor.getByTestId("error-summary")).toContainText("NOT-A-REF");
    await expect(anchor.locator('textarea[name="items.0.text"]')).toHaveValue(
      new RegExp(`relocation must be planned with them. ${tag}`),
    );
    await accessible(anchor, v);
    await shot(anchor, "unknown-reference");
    await anchor.locator('input[name="items.1.add"]').fill(unpublished.reference);
    await anchor.getByRole("button", { name: w.synthesis.save, exact: true }).click();
    await expect(anchor.getByRole("status")).toContainText(w.notices.sectionSaved);
    await expect(anchor.locator('input[name="items.0.citations"]')).toHaveCount(2);

    // 3. The contribution shows each citation and how many stand behind it.
    await anchor.getByRole("link", { name: w.synthesis.backToContribution }).click();
    const first = anchor.getByTestId("contribution-section").first();
    await expect(first.getByTestId("contribution-item")).toHaveCount(2);
    await expect(first.getByTestId("contribution-item").first().getByTestId("citation")).toHaveCount(2);
    if (L === "en")
      await expect(first.getByTestId("citation-counts").first()).toHaveText("2 inputs, 1 organisation, no country");
    await accessible(anchor, v);
    await shot(anchor, "contribution-written");

    // 4. Submitted to the secretariat.
    await anchor.getByRole("button", { name: w.synthesis.steps.submit }).click();
    await expect(anchor.getByTestId("contribution-status")).toHaveAttribute("data-status", "submitted");

    // 5. The secretariat finds it on its page and returns it with a comment.
    const secretariat = await pageAs(browser, "secretariat@example.org", true);
    await secretariat.goto("/en/secretariat");
    const row = secretariat.getByTestId("contribution-row").filter({ hasText: "Submitted to the secretariat" });
    await expect(row.first()).toBeVisible();
    await secretariat.goto(`/en/moderation/${slug}/synthesis`);
    await secretariat
      .getByLabel("Comment for the anchors")
      .fill(`Please add what the Pacific said on remittances. ${tag}`);
    await secretariat.getByRole("button", { name: "Return to the anchors with a comment" }).click();
    await expect(secretariat.getByTestId("contribution-status")).toHaveAttribute("data-status", "returned");

    // 6. The anchor reads the comment and finalises.
    await anchor.goto(`/${L}/moderation/${slug}/synthesis`);
    await expect(anchor.getByTestId("return-comment")).toContainText(`remittances. ${tag}`);
    await accessible(anchor, v);
    await shot(anchor, "returned");
    // The contribution's DOCX (in the language it was written in) holds every citation.
    const text = await docxText(anchor, () => anchor.getByRole("link", { name: w.synthesis.downloadDocx }).click());
    for (const r of [...published, unpublished]) expect(text).toContain(r.reference);
    await anchor.getByRole("button", { name: w.synthesis.steps.finalise }).click();
    await expect(anchor.getByTestId("contribution-status")).toHaveAttribute("data-status", "final");

    // 7. The consultation's public page shows it: published inputs linked, the other not.
    const visitor = await (await browser.newContext({ javaScriptEnabled: v.js })).newPage();
    await visitor.goto(`/${L}/consultations/${slug}`);
    const pub = visitor.getByTestId("published-contribution");
    await expect(pub).toContainText(`relocation must be planned with them. ${tag}`);
    await expect(pub.getByRole("link", { name: new RegExp(published[0]!.reference) })).toHaveAttribute(
      "href",
      `/${L}/inputs/${published[0]!.reference}`,
    );
    await expect(pub.getByRole("link", { name: new RegExp(unpublished.reference) })).toHaveCount(0);
    await expect(pub).toContainText(unpublished.reference);
    await accessible(visitor, v);
    await shot(visitor, "published");

    // 8. The secretariat's compilation holds every citation.
    await secretariat.goto("/en/secretariat");
    const compiled = await docxText(secretariat, () =>
      secretariat.getByRole("link", { name: "Global compilation (Word)" }).click(),
    );
    for (const r of [...published, unpublished]) expect(compiled).toContain(r.reference);
  });
}
