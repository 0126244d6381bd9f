import type { Page } from "@playwright/test";
import { expect, ready, test } from "./fixtures";
import { expectAccessible, latestMail, runTag, signIn } from "./helpers";

const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 1)]);

async function fillRequired(page: Page, title: string) {
  await page.getByLabel("Title").fill(title);
  await page.getByRole("checkbox", { name: /^1\. Human rights/ }).check();
  await page.getByLabel("Summary").fill("Domestic workers in the Gulf need labour law protection.");
  await page.getByLabel("Full text").fill("First paragraph.\n\nSecond paragraph with « guillemets » and \"quotes\".");
  await page.getByLabel("Recommendation 1").fill("Ratify ILO Convention 189.");
  await page.getByLabel("Language of the input").selectOption("en");
  await page.getByLabel("With our organisation's name").check();
}

test.describe("submitting input", () => {
  test("with JavaScript: autosaved draft, restored after a reload, submitted with a receipt, edited into a revision", async ({ page }) => {
    const tag = runTag();
    await signIn(page, "owner@example.org");
    await page.goto("/en/consultations/pacific/submit");
    await expectAccessible(page);
    await fillRequired(page, `Decent work in the Pacific ${tag}`);
    await expect(page.getByTestId("autosave-status")).toContainText("Draft saved automatically", { timeout: 15_000 });
    await expect(page).toHaveURL(/draft=/);

    // Typed after the last autosave, then the page is reloaded before the next one.
    await page.getByLabel("Full text").fill("First paragraph.\n\nSecond paragraph.\n\nA third paragraph typed offline.");
    await page.reload();
    await ready(page);
    await expect(page.getByTestId("restore-banner")).toBeVisible();
    await page.getByRole("button", { name: "Restore it" }).click();
    await expect(page.getByLabel("Full text")).toHaveValue(/A third paragraph typed offline\./);
    await expect(page.getByLabel("Title")).toHaveValue(`Decent work in the Pacific ${tag}`);

    await page.getByRole("button", { name: "Submit the input" }).click();
    await expect(page.getByTestId("reference-confirmation")).toContainText(/PAC-\d{4}/);
    const reference = /PAC-\d{4}/.exec((await page.getByTestId("reference-confirmation").textContent()) ?? "")?.[0] ?? "";
    await expect(page.getByText("A third paragraph typed offline.")).toBeVisible();
    const submissionUrl = new URL(page.url()).pathname;

    await page.getByRole("link", { name: "Edit" }).click();
    await ready(page);
    await page.getByLabel("Summary").fill("Revised summary: domestic workers need protection in law and practice.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Your changes have been saved as a new revision.")).toBeVisible();
    await expect(page.getByText("2 revisions")).toBeVisible();

    const mail = await latestMail(page, "owner@example.org");
    expect(mail.subject).toBe(`Input received: ${reference}`);
    expect(mail.text).toContain(submissionUrl);
  });

  test("without JavaScript: an invalid post shows the error summary and keeps the text; a valid one gets a reference", async ({ browser }) => {
    const js = await browser.newContext();
    await signIn(await js.newPage(), "owner@example.org");
    const cookies = await js.cookies();
    await js.close();
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.addCookies(cookies);
    const page = await context.newPage();

    await page.goto("/fr/consultations/europe/submit");
    await page.getByLabel("Titre").fill("Régularisation des sans-papiers");
    await page.getByLabel("Texte intégral").fill("Un texte sans résumé ni thème.");
    await page.getByRole("button", { name: "Soumettre la contribution" }).click();
    const summary = page.getByTestId("error-summary");
    await expect(summary).toBeVisible();
    await expect(summary.getByRole("link", { name: /Thèmes/ })).toHaveAttribute("href", "#field-themes");
    await expect(page.getByLabel("Titre")).toHaveValue("Régularisation des sans-papiers");
    await expect(page.getByLabel("Texte intégral")).toHaveValue("Un texte sans résumé ni thème.");

    await page.getByRole("checkbox", { name: /^6\./ }).check();
    await page.getByLabel("Résumé").fill("Des voies régulières pour les travailleurs.");
    await page.getByLabel("Langue de la contribution").selectOption("fr");
    await page.getByRole("radio").first().check();
    await page.getByRole("button", { name: "Soumettre la contribution" }).click();
    await expect(page.getByTestId("reference-confirmation")).toContainText(/EUR-\d{4}/);
    await context.close();
  });

  test("without JavaScript: a saved draft comes back filled in, and deleting it asks first", async ({ browser }) => {
    const js = await browser.newContext();
    await signIn(await js.newPage(), "owner@example.org");
    const cookies = await js.cookies();
    await js.close();
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.addCookies(cookies);
    const page = await context.newPage();
    const title = `Brouillon à supprimer ${runTag()}`;

    await page.goto("/fr/consultations/africa/submit");
    await page.getByLabel("Titre").fill(title);
    await page.getByLabel("Texte intégral").fill("Un premier jet.");
    await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    await expect(page).toHaveURL(/draft=/);
    await expect(page.getByLabel("Titre")).toHaveValue(title);
    await expect(page.getByLabel("Texte intégral")).toHaveValue("Un premier jet.");

    await page.goto("/fr/submissions");
    await page.getByRole("link", { name: new RegExp(title) }).click();
    await page.getByRole("link", { name: "Supprimer ce brouillon" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Supprimer ce brouillon ?");
    await page.getByRole("link", { name: "Non, garder le brouillon" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await page.getByRole("link", { name: "Supprimer ce brouillon" }).click();
    await page.getByRole("button", { name: "Oui, supprimer le brouillon" }).click();
    await expect(page.getByText("Le brouillon a été supprimé.")).toBeVisible();
    await expect(page.getByRole("link", { name: new RegExp(title) })).toHaveCount(0);
    await context.close();
  });

  test("attachments: a PDF is accepted and downloadable by the organisation only; an executable renamed .pdf is refused", async ({ page, browser }) => {
    await signIn(page, "owner@example.org");
    await page.goto("/en/consultations/asia/submit");
    await fillRequired(page, `With a report ${runTag()}`);
    await page.getByLabel(/Attachments/).setInputFiles({ name: "fake.pdf", mimeType: "application/pdf", buffer: exe });
    await page.getByRole("button", { name: "Submit the input" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("is not a PDF, DOCX or ODT document");
    await expect(page.getByLabel("Title")).toHaveValue(/With a report/);

    await page.getByLabel(/Attachments/).setInputFiles({ name: "../../Rapport annuel.pdf", mimeType: "application/octet-stream", buffer: pdf });
    await page.getByRole("button", { name: "Submit the input" }).click();
    await expect(page.getByTestId("reference-confirmation")).toContainText(/ASIA-\d{4}/);
    const link = page.getByTestId("attachment").getByRole("link");
    await expect(link).toContainText("Rapport annuel.pdf");
    const href = (await link.getAttribute("href")) ?? "";
    const own = await page.request.get(href);
    expect(own.status()).toBe(200);
    expect(own.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect(Buffer.from(await own.body()).equals(pdf)).toBe(true);

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, `stranger-${runTag()}@example.net`);
    expect((await otherPage.request.get(href)).status()).toBe(404);
    await other.close();
    const anonymous = await browser.newContext();
    expect((await anonymous.request.get(new URL(href, page.url()).toString())).status()).toBe(401);
    await anonymous.close();
  });
});
