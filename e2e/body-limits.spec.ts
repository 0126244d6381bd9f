// Form posts beyond the framework's body limits (issue 18): a file over 10 MB, three 9 MB files (27 MB,
// past the 10 MB Next.js lets through proxy.ts by default) and control characters in a file name.
// Without JavaScript the server answers with the form, what was typed kept and the error beside the
// file field; with JavaScript the file is refused as soon as it is chosen. For every form with files:
// a new input, an edit, and an input entered on an organisation's behalf.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, ready, test } from "./fixtures";
import { runTag, signIn } from "./helpers";

const MB = 1024 * 1024;
const pdfOf = (bytes: number) => Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(bytes - 9, 0x20)]);
const big = () => ({ name: "big-report.pdf", mimeType: "application/pdf", buffer: pdfOf(11 * MB) });
const badName = () => ({ name: "bad\u0001name.pdf", mimeType: "application/pdf", buffer: pdfOf(2000) });

async function noJs(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const js = await browser.newContext();
  await signIn(await js.newPage(), email);
  const cookies = await js.cookies();
  await js.close();
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.addCookies(cookies);
  return { context, page: await context.newPage() };
}

async function fillInput(page: Page, title: string) {
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByRole("checkbox", { name: /^1\. Human rights/ }).check();
  await page.getByLabel("Summary").fill("Seasonal workers need portable social protection.");
  await page.getByLabel("Full text").fill("Typed before attaching a file.\n\nSecond paragraph.");
  await page.getByLabel("Language of the input").selectOption("en");
}

async function expectKept(page: Page, title: string) {
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
  await expect(page.getByLabel("Summary")).toHaveValue("Seasonal workers need portable social protection.");
  await expect(page.getByLabel("Full text")).toHaveValue("Typed before attaching a file.\n\nSecond paragraph.");
  await expect(page.getByRole("checkbox", { name: /^1\. Human rights/ })).toBeChecked();
}

/** The error beside the file field (and nothing of Next.js's own error page). */
async function expectFileError(page: Page, text: RegExp) {
  await expect(page.getByTestId("file-error")).toHaveText(text);
  await expect(page.getByLabel(/Attachments/)).toHaveAttribute("aria-invalid", "true");
}

async function expectRefusedOnChoice(
  page: Page,
  file: { name: string; mimeType: string; buffer: Buffer },
  text: RegExp,
) {
  await page.getByLabel(/Attachments/).setInputFiles(file);
  await expectFileError(page, text);
  expect(await page.getByLabel(/Attachments/).evaluate((el) => (el as HTMLInputElement).files?.length)).toBe(0);
}

const TOO_LARGE = /The file big-report\.pdf is larger than 10 MB\./;
const CONTROL = /The name of the file bad.name\.pdf contains control characters/;

test.describe("files past the limits, without JavaScript", () => {
  test("a new input and its edit: the form comes back with the error by the file field and everything typed", async ({
    browser,
  }) => {
    const { context, page } = await noJs(browser, "owner@example.org");
    const title = `Over the limit ${runTag()}`;
    await page.goto("/en/consultations/pacific/submit");
    await fillInput(page, title);
    await page.getByLabel("With our organisation's name").check();
    await page.getByLabel(/Attachments/).setInputFiles(big());
    await page.getByRole("button", { name: "Submit the input" }).click();
    await expectFileError(page, TOO_LARGE);
    await expectKept(page, title);
    await expect(page.getByLabel("With our organisation's name")).toBeChecked();

    // 60 MB: past every limit Next.js has (40 MB here); the server in front empties the file.
    const huge = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "gcm-huge-")), "huge.pdf");
    fs.writeFileSync(huge, pdfOf(60 * MB));
    await page.getByLabel(/Attachments/).setInputFiles(huge);
    await page.getByRole("button", { name: "Submit the input" }).click();
    await expectFileError(page, /The file huge\.pdf is larger than 10 MB\./);
    await expectKept(page, title);
    fs.rmSync(path.dirname(huge), { recursive: true, force: true });

    await page.getByLabel(/Attachments/).setInputFiles(badName());
    await page.getByRole("button", { name: "Submit the input" }).click();
    await expectFileError(page, CONTROL);
    await expectKept(page, title);

    // Three 9 MB files: 27 MB in one post, each file within the limit: accepted.
    await page
      .getByLabel(/Attachments/)
      .setInputFiles(
        [1, 2, 3].map((n) => ({ name: `part-${n}.pdf`, mimeType: "application/pdf", buffer: pdfOf(9 * MB) })),
      );
    await page.getByRole("button", { name: "Submit the input" }).click();
    await expect(page.getByTestId("reference-confirmation")).toContainText(/PAC-\d{4}/);
    await expect(page.getByTestId("attachment")).toHaveCount(3);

    // Its edit form: no slot left, so no file field; remove one attachment, then try too large a file.
    await page.getByTestId("attachment").first().getByRole("button").click();
    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByLabel("Summary").fill("Edited summary, typed before the file.");
    await page.getByLabel(/Attachments/).setInputFiles(big());
    await page.getByRole("button", { name: "Save changes" }).click();
    await expectFileError(page, TOO_LARGE);
    await expect(page.getByLabel("Summary")).toHaveValue("Edited summary, typed before the file.");
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
    await context.close();
  });

  test("an input entered on an organisation's behalf", async ({ browser }) => {
    const { context, page } = await noJs(browser, "anchor.pacific@example.org");
    const title = `Paper over the limit ${runTag()}`;
    await page.goto("/en/moderation/pacific/on-behalf?org=new");
    await page.getByLabel("Name of the organisation").fill(`Big Files Collective ${runTag()}`);
    await page.getByLabel("On paper (post or delivered by hand)").check();
    await fillInput(page, title);
    await page.getByLabel(/Attachments/).setInputFiles(big());
    await page.getByRole("button", { name: "Enter the input" }).click();
    // One answer names every problem: the file, and the fields still to fill in.
    await expectFileError(page, TOO_LARGE);
    await expect(page.getByTestId("error-summary")).toContainText(
      "Country: Choose the country where the organisation is based.",
    );
    await expect(page.getByTestId("error-summary")).toContainText("The file big-report.pdf is larger than 10 MB.");
    await expectKept(page, title);
    await expect(page.getByLabel("On paper (post or delivered by hand)")).toBeChecked();
    await expect(page.getByLabel("Name of the organisation")).toHaveValue(/Big Files Collective/);
    await context.close();
  });
});

test.describe("files past the limits, with JavaScript: refused when chosen", () => {
  test("new input, edit and on-behalf forms", async ({ page, browser }) => {
    await signIn(page, "owner@example.org");
    await page.goto("/en/consultations/pacific/submit");
    await ready(page);
    await expectRefusedOnChoice(page, big(), TOO_LARGE);
    await expectRefusedOnChoice(page, badName(), CONTROL);
    await expectRefusedOnChoice(
      page,
      { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("x") },
      /The file notes\.txt is not a PDF, DOCX or ODT document\./,
    );
    // One good file and one too large: the good one stays chosen.
    await page
      .getByLabel(/Attachments/)
      .setInputFiles([{ name: "fine.pdf", mimeType: "application/pdf", buffer: pdfOf(1000) }, big()]);
    await expectFileError(page, TOO_LARGE);
    expect(
      await page
        .getByLabel(/Attachments/)
        .evaluate((el) => Array.from((el as HTMLInputElement).files ?? []).map((f) => f.name)),
    ).toEqual(["fine.pdf"]);

    // The edit form of a submitted input.
    const title = `Edit with JS ${runTag()}`;
    await fillInput(page, title);
    await page.getByLabel("With our organisation's name").check();
    await page.getByRole("button", { name: "Submit the input" }).click();
    await expect(page.getByTestId("reference-confirmation")).toContainText(/PAC-\d{4}/);
    await page.getByRole("link", { name: "Edit" }).click();
    await ready(page);
    await expectRefusedOnChoice(page, big(), TOO_LARGE);

    const anchor = await browser.newContext();
    const anchorPage = await anchor.newPage();
    await signIn(anchorPage, "anchor.pacific@example.org");
    await anchorPage.goto("/en/moderation/pacific/on-behalf?org=new");
    await ready(anchorPage);
    await expectRefusedOnChoice(anchorPage, big(), TOO_LARGE);
    await anchor.close();
  });
});
