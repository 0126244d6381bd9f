import { expect, ready, test } from "./fixtures";
import { expectAccessible, latestMail, runTag, signIn } from "./helpers";
import { SubmissionForm } from "./pages/submission-form";

const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 1)]);

test.describe("submitting input", () => {
  test("with JavaScript: autosaved draft, restored after a reload, submitted with a receipt, edited into a revision", async ({
    page,
  }) => {
    const tag = runTag();
    const form = new SubmissionForm(page);
    await signIn(page, "owner@example.org");
    await form.open("pacific");
    await expectAccessible(page);
    await form.fillRequired(`Decent work in the Pacific ${tag}`);
    await expect(form.autosaveStatus).toContainText("Draft saved automatically", { timeout: 15_000 });
    await expect(page).toHaveURL(/draft=/);

    // Typed after the last autosave, then the page is reloaded before the next one.
    await form.body.fill("First paragraph.\n\nSecond paragraph.\n\nA third paragraph typed offline.");
    await page.reload();
    await ready(page);
    await expect(form.restoreBanner).toBeVisible();
    await form.restoreBrowserCopy();
    await expect(form.body).toHaveValue(/A third paragraph typed offline\./);
    await expect(form.title).toHaveValue(`Decent work in the Pacific ${tag}`);

    await form.submit();
    await expect(form.referenceConfirmation).toContainText(/PAC-\d{4}/);
    const reference = await form.reference(/PAC-\d{4}/);
    await expect(page.getByText("A third paragraph typed offline.")).toBeVisible();
    const submissionUrl = new URL(page.url()).pathname;

    await page.getByRole("link", { name: "Edit" }).click();
    await ready(page);
    await form.summary.fill("Revised summary: domestic workers need protection in law and practice.");
    await form.saveEdit();
    await expect(page.getByText("Your changes have been saved as a new revision.")).toBeVisible();
    await expect(page.getByText("2 revisions")).toBeVisible();

    const mail = await latestMail(page, "owner@example.org");
    expect(mail.subject).toBe(`Input received: ${reference}`);
    expect(mail.text).toContain(submissionUrl);
  });

  test("with JavaScript: an incomplete input is refused in the browser, in its language, before anything is sent (the schema arrives after hydration)", async ({
    page,
  }) => {
    const form = new SubmissionForm(page, "fr");
    await signIn(page, "owner@example.org");
    await form.open("europe");
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST") posts.push(r.url());
    });
    await form.submit();
    await expect(form.errorSummary).toContainText("Saisissez un titre pour la contribution.");
    await expect(form.errorSummary.getByRole("link", { name: /Thèmes/ })).toHaveAttribute("href", "#field-themes");
    expect(posts).toEqual([]);
  });

  test("without JavaScript: an invalid post shows the error summary and keeps the text; a valid one gets a reference", async ({
    browser,
  }) => {
    const js = await browser.newContext();
    await signIn(await js.newPage(), "owner@example.org");
    const cookies = await js.cookies();
    await js.close();
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.addCookies(cookies);
    const page = await context.newPage();
    const form = new SubmissionForm(page, "fr");

    await form.open("europe");
    await form.title.fill("Régularisation des sans-papiers");
    await form.body.fill("Un texte sans résumé ni thème.");
    await form.submit();
    const summary = form.errorSummary;
    await expect(summary).toBeVisible();
    await expect(summary.getByRole("link", { name: /Thèmes/ })).toHaveAttribute("href", "#field-themes");
    await expect(form.title).toHaveValue("Régularisation des sans-papiers");
    await expect(form.body).toHaveValue("Un texte sans résumé ni thème.");

    await form.theme(/^6\./).check();
    await form.summary.fill("Des voies régulières pour les travailleurs.");
    await form.language.selectOption("fr");
    await page.getByRole("radio").first().check();
    await form.submit();
    await expect(form.referenceConfirmation).toContainText(/EUR-\d{4}/);
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
    const form = new SubmissionForm(page, "fr");

    await form.open("africa");
    await form.title.fill(title);
    await form.body.fill("Un premier jet.");
    await form.saveDraft();
    await expect(page).toHaveURL(/draft=/);
    await expect(form.title).toHaveValue(title);
    await expect(form.body).toHaveValue("Un premier jet.");

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

  test("attachments: a PDF is accepted and downloadable by the organisation only; an executable renamed .pdf is refused", async ({
    page,
    browser,
  }) => {
    const form = new SubmissionForm(page);
    await signIn(page, "owner@example.org");
    await form.open("asia");
    await form.fillRequired(`With a report ${runTag()}`);
    await form.attachments.setInputFiles({ name: "fake.pdf", mimeType: "application/pdf", buffer: exe });
    await form.submit();
    await expect(form.errorSummary).toContainText("is not a PDF, DOCX or ODT document");
    await expect(form.title).toHaveValue(/With a report/);

    await form.attachments.setInputFiles({
      name: "../../Rapport annuel.pdf",
      mimeType: "application/octet-stream",
      buffer: pdf,
    });
    await form.submit();
    await expect(form.referenceConfirmation).toContainText(/ASIA-\d{4}/);
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
