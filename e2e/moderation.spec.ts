import type { Page } from "@playwright/test";
import { expect, ready, test } from "./fixtures";
import { expectAccessible, runTag, signIn, signOut } from "./helpers";
import { ModerationDetail, ModerationQueue } from "./pages/moderation";
import { SubmissionForm, type Publication } from "./pages/submission-form";

async function submitInput(
  page: Page,
  slug: string,
  o: { title: string; summary: string; publication: Publication; language: string },
) {
  const form = new SubmissionForm(page);
  await form.open(slug);
  await form.title.fill(o.title);
  await form.theme(/^1\. Human rights/).check();
  await form.summary.fill(o.summary);
  await form.body.fill(`${o.summary}\n\nSecond paragraph.`);
  await form.language.selectOption(o.language);
  await form.contactPerson.fill("Nadia Haddad");
  await form.publication(o.publication).check();
  await form.submit();
  await expect(form.referenceConfirmation).toContainText(/MENA-\d{4}/);
  return new URL(page.url()).pathname.split("/").at(-1)!;
}

test("an anchor filters, searches, requests changes; the organisation edits; the anchor compares, accepts and publishes as chosen", async ({
  page,
}) => {
  const tag = runTag();
  const queue = new ModerationQueue(page);
  const detail = new ModerationDetail(page);
  await signIn(page, "owner@example.org");
  await submitInput(page, "mena", {
    title: `Protection des travailleuses domestiques ${tag}`,
    summary: "Les travailleuses domestiques migrantes doivent être protégées par le droit du travail.",
    publication: "anonymous",
    language: "fr",
  });
  await submitInput(page, "mena", {
    title: `Named input ${tag}`,
    summary: "Migrant workers and fair recruitment.",
    publication: "named",
    language: "en",
  });
  await submitInput(page, "mena", {
    title: `Private input ${tag}`,
    summary: "Only for the consultation.",
    publication: "none",
    language: "en",
  });
  await signOut(page);

  await signIn(page, "anchor.mena@example.org");
  // A French search finds the French input by its stem ("travailleuse" for "travailleuses").
  await queue.findSubmitted("mena", `travailleuse ${tag}`);
  await expectAccessible(page);
  // The country filter offers the countries the inputs name, not all 250 (no input names Iceland),
  // and keeps one chosen from a link even when no input names it.
  const countries = page.locator("select[name=country] option");
  expect(await countries.count()).toBeLessThan(100);
  await expect(page.locator("select[name=country] option[value=IS]")).toHaveCount(0);
  await page.goto(`${new URL(page.url()).pathname}?country=IS`);
  await expect(page.locator("select[name=country]")).toHaveValue("IS");
  await expect(queue.rows).toHaveCount(0);
  await queue.findSubmitted("mena", `travailleuse ${tag}`);
  await queue.openFirst();
  await ready(page);
  await expectAccessible(page);
  await detail.requestChanges(`Please add a recommendation on the kafala system. ${tag}`);
  await expect(detail.status).toHaveText("Changes requested");
  await detail.addNote(`Internal: check with PICUM ${tag}`);
  await expect(detail.notes).toContainText(`check with PICUM ${tag}`);
  const detailUrl = new URL(page.url()).pathname;
  await signOut(page);

  await signIn(page, "owner@example.org");
  await page.goto("/en/submissions");
  await page.getByRole("link", { name: new RegExp(`Protection des travailleuses domestiques ${tag}`) }).click();
  await expect(page.getByTestId("moderator-message")).toContainText("kafala");
  await expect(page.locator("main")).not.toContainText("check with PICUM");
  await page.getByRole("link", { name: "Edit" }).click();
  await ready(page);
  // The edit form shows what the moderators asked for.
  await expect(page.getByTestId("moderator-message")).toContainText("kafala");
  const form = new SubmissionForm(page);
  await form.recommendation(1).fill("Abolir le système de la kafala.");
  await form.saveEdit();
  await expect(page.getByTestId("submission-status")).toHaveText("Submitted");
  await signOut(page);

  await signIn(page, "anchor.mena@example.org");
  await page.goto(detailUrl);
  await expect(detail.revisionDiff.locator("ins")).toContainText(["kafala"]);
  await detail.accept();
  await expect(page.getByText("The input is accepted.")).toBeVisible();
  await detail.publish();
  await expect(page.getByText("The input is published.")).toBeVisible();
  await expect(detail.auditRows.first()).toContainText("Published it anonymously");

  // The named one: accepted and published with the organisation's name; the private one cannot be.
  for (const title of [`Named input ${tag}`, `Private input ${tag}`]) {
    await queue.findSubmitted("mena", title.split(" ").slice(0, 2).join(" ") + ` ${tag}`);
    await queue.openFirst();
    await detail.accept();
    await expect(page.getByText("The input is accepted.")).toBeVisible();
    if (title.startsWith("Named")) await detail.publish();
    else await expect(detail.publishButton).toHaveCount(0);
  }
  await signOut(page);

  await page.goto("/en/inputs?consultation=mena");
  await expectAccessible(page);
  const anonymous = page
    .getByTestId("public-input")
    .filter({ hasText: `Protection des travailleuses domestiques ${tag}` });
  await expect(anonymous.getByTestId("public-input-author")).toHaveText("Anonymous input");
  await expect(
    page
      .getByTestId("public-input")
      .filter({ hasText: `Named input ${tag}` })
      .getByTestId("public-input-author"),
  ).toContainText("Demo Migrant Network");
  await expect(page.getByTestId("public-input").filter({ hasText: `Private input ${tag}` })).toHaveCount(0);
  // Nothing about the anonymous input's organisation or contact anywhere in its part of the page.
  const text = await anonymous.innerText();
  expect(text).not.toContain("Demo Migrant Network");
  expect(text).not.toContain("Nadia Haddad");
  expect(text).not.toContain("owner@example.org");
});

test("another consultation's anchor sees nothing of this queue or its inputs", async ({ page }) => {
  await signIn(page, "anchor.asia@example.org");
  await page.goto("/en/moderation/mena");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await page.goto("/en/moderation/all");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
});

test("exports honour the queue's filters, are attachments, and are the anchor's own consultation only", async ({
  page,
}) => {
  const tag = runTag();
  await signIn(page, "owner@example.org");
  await submitInput(page, "mena", {
    title: `=SUM(1+1) export ${tag}`,
    summary: "Formula-looking title, for the export.",
    publication: "named",
    language: "en",
  });
  await signOut(page);
  await signIn(page, "anchor.mena@example.org");
  const queue = new ModerationQueue(page);
  await queue.open("mena", `?q=${tag}`);
  const csvHref = (await queue.exportLink("csv").getAttribute("href")) ?? "";
  expect(csvHref).toContain(`q=${tag}`);
  const csv = await page.request.get(csvHref);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment;/);
  const text = await csv.text();
  expect(text.charCodeAt(0)).toBe(0xfeff);
  // One header line and one input, its formula made inert.
  expect(text).toContain(`'=SUM(1+1) export ${tag}`);
  expect(text.match(/^MENA-\d{4},/gm)).toHaveLength(1);
  // Line breaks typed in a textarea (sent as CRLF) are stored and exported as "\n".
  expect(text).toContain("for the export.\n\nSecond paragraph.");
  const json = await page.request.get((await queue.exportLink("json").getAttribute("href")) ?? "");
  expect((await json.json()).submissions).toHaveLength(1);
  const xlsx = await page.request.get((await queue.exportLink("xlsx").getAttribute("href")) ?? "");
  expect(xlsx.status()).toBe(200);
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
  expect((await page.request.get("/api/moderation/asia/export?format=csv")).status()).toBe(404);
  expect((await page.request.get("/api/moderation/all/export?format=csv")).status()).toBe(403);
  await signOut(page);

  await signIn(page, "secretariat@example.org");
  await page.goto("/en/secretariat/exports");
  await expect(page.getByTestId("export-log-row").first()).toContainText("Inputs");
  await expectAccessible(page);
});
