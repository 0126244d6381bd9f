import type { Page } from "@playwright/test";
import { expect, ready, test } from "./fixtures";
import { expectAccessible, runTag, signIn, signOut } from "./helpers";

async function submitInput(page: Page, slug: string, o: { title: string; summary: string; publication: "named" | "anonymous" | "none"; language: string }) {
  await page.goto(`/en/consultations/${slug}/submit`);
  await page.getByLabel("Title").fill(o.title);
  await page.getByRole("checkbox", { name: /^1\. Human rights/ }).check();
  await page.getByLabel("Summary").fill(o.summary);
  await page.getByLabel("Full text").fill(`${o.summary}\n\nSecond paragraph.`);
  await page.getByLabel("Language of the input").selectOption(o.language);
  await page.getByLabel("Contact person", { exact: true }).fill("Nadia Haddad");
  const label = { named: "With our organisation's name", anonymous: "Anonymously (our organisation is not named)", none: "Not at all (for the consultation only)" }[o.publication];
  await page.getByLabel(label).check();
  await page.getByRole("button", { name: "Submit the input" }).click();
  await expect(page.getByTestId("reference-confirmation")).toContainText(/MENA-\d{4}/);
  return new URL(page.url()).pathname.split("/").at(-1)!;
}

async function openInQueue(page: Page, search: string) {
  await page.goto("/en/moderation/mena");
  await page.getByLabel("Search (any language)").fill(search);
  await page.getByLabel("Status").selectOption("submitted");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByTestId("queue-row")).toHaveCount(1);
}

test("an anchor filters, searches, requests changes; the organisation edits; the anchor compares, accepts and publishes as chosen", async ({ page }) => {
  const tag = runTag();
  await signIn(page, "owner@example.org");
  await submitInput(page, "mena", {
    title: `Protection des travailleuses domestiques ${tag}`,
    summary: "Les travailleuses domestiques migrantes doivent être protégées par le droit du travail.",
    publication: "anonymous",
    language: "fr",
  });
  await submitInput(page, "mena", { title: `Named input ${tag}`, summary: "Migrant workers and fair recruitment.", publication: "named", language: "en" });
  await submitInput(page, "mena", { title: `Private input ${tag}`, summary: "Only for the consultation.", publication: "none", language: "en" });
  await signOut(page);

  await signIn(page, "anchor.mena@example.org");
  // A French search finds the French input by its stem ("travailleuse" for "travailleuses").
  await openInQueue(page, `travailleuse ${tag}`);
  await expectAccessible(page);
  await page.getByTestId("queue-row").getByRole("link").click();
  await ready(page);
  await expectAccessible(page);
  await page.getByTestId("form-requestChanges").getByLabel("Message to the organisation (sent by e-mail)").fill(`Please add a recommendation on the kafala system. ${tag}`);
  await page.getByRole("button", { name: "Request changes" }).click();
  await expect(page.getByTestId("moderation-status")).toHaveText("Changes requested");
  await page.getByTestId("form-note").getByLabel("New note").fill(`Internal: check with PICUM ${tag}`);
  await page.getByRole("button", { name: "Add the note" }).click();
  await expect(page.getByTestId("internal-note")).toContainText(`check with PICUM ${tag}`);
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
  await page.getByLabel("Recommendation 1").fill("Abolir le système de la kafala.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("submission-status")).toHaveText("Submitted");
  await signOut(page);

  await signIn(page, "anchor.mena@example.org");
  await page.goto(detailUrl);
  await expect(page.getByTestId("revision-diff").locator("ins")).toContainText(["kafala"]);
  await page.getByRole("button", { name: "Accept", exact: true }).click();
  await expect(page.getByText("The input is accepted.")).toBeVisible();
  await page.getByRole("button", { name: /^Publish/ }).click();
  await expect(page.getByText("The input is published.")).toBeVisible();
  await expect(page.getByTestId("audit-row").first()).toContainText("Published it anonymously");

  // The named one: accepted and published with the organisation's name; the private one cannot be.
  for (const title of [`Named input ${tag}`, `Private input ${tag}`]) {
    await openInQueue(page, title.split(" ").slice(0, 2).join(" ") + ` ${tag}`);
    await page.getByTestId("queue-row").getByRole("link").click();
    await page.getByRole("button", { name: "Accept", exact: true }).click();
    await expect(page.getByText("The input is accepted.")).toBeVisible();
    if (title.startsWith("Named")) await page.getByRole("button", { name: /^Publish/ }).click();
    else await expect(page.getByRole("button", { name: /^Publish/ })).toHaveCount(0);
  }
  await signOut(page);

  await page.goto("/en/inputs?consultation=mena");
  await expectAccessible(page);
  const anonymous = page.getByTestId("public-input").filter({ hasText: `Protection des travailleuses domestiques ${tag}` });
  await expect(anonymous.getByTestId("public-input-author")).toHaveText("Anonymous input");
  await expect(page.getByTestId("public-input").filter({ hasText: `Named input ${tag}` }).getByTestId("public-input-author")).toContainText("Demo Migrant Network");
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

test("exports honour the queue's filters, are attachments, and are the anchor's own consultation only", async ({ page }) => {
  const tag = runTag();
  await signIn(page, "owner@example.org");
  await submitInput(page, "mena", { title: `=SUM(1+1) export ${tag}`, summary: "Formula-looking title, for the export.", publication: "named", language: "en" });
  await signOut(page);
  await signIn(page, "anchor.mena@example.org");
  await page.goto(`/en/moderation/mena?q=${tag}`);
  const csvHref = (await page.getByTestId("export-csv").getAttribute("href")) ?? "";
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
  const json = await page.request.get((await page.getByTestId("export-json").getAttribute("href")) ?? "");
  expect((await json.json()).submissions).toHaveLength(1);
  const xlsx = await page.request.get((await page.getByTestId("export-xlsx").getAttribute("href")) ?? "");
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
