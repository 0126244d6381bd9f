import fs from "node:fs";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, ready, test } from "./fixtures";
import { runTag, signIn } from "./helpers";

async function createOrganisation(page: Page, name: string, email: string) {
  await page.goto("/en/organisations/new");
  await page.getByLabel("Name of the organisation").fill(name);
  await page.getByLabel("Type of organisation").selectOption("diaspora");
  await page.getByLabel("Country").selectOption("MA");
  await page.getByRole("checkbox", { name: "Arabic" }).check();
  await page.getByLabel("Contact e-mail").fill(email);
  await page.locator("form button[type=submit]").last().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  return page.url().split("?")[0]!;
}

test.describe("an owner's organisation data", () => {
  test("the owner downloads all of it as JSON, then deletes the organisation; unsent copies go too", async ({
    page,
  }) => {
    const tag = runTag();
    const email = `privacy-${tag}@example.net`;
    const name = `Association des familles ${tag}`;
    await signIn(page, email);
    const orgUrl = await createOrganisation(page, name, email);
    const orgId = orgUrl.split("/").pop()!;

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download all data (JSON)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^organisation-${orgId}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const doc = JSON.parse(fs.readFileSync((await download.path())!, "utf8")) as {
      organisation: { name: string };
      members: { email: string; role: string }[];
    };
    expect(doc.organisation.name).toBe(name);
    expect(doc.members).toEqual([expect.objectContaining({ email, role: "owner" })]);
    const response = await page.request.get(`/api/organisations/${orgId}/export`);
    expect(response.headers()["cache-control"]).toContain("no-store");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment;/);

    // Unsent copies this browser keeps for the organisation's inputs, and one of someone else's.
    await page.evaluate((id) => {
      localStorage.setItem(`gcm-input:00000000-0000-4000-8000-000000000001:${id}`, "{}");
      localStorage.setItem(`gcm-edit:${id}:00000000-0000-4000-8000-000000000002:3`, "{}");
      localStorage.setItem("gcm-input:00000000-0000-4000-8000-000000000001:00000000-0000-4000-8000-000000000009", "{}");
    }, orgId);

    const form = page.getByTestId("delete-organisation-form");
    const confirm = form.getByLabel(`Type the organisation's name, ${name}, to confirm`);
    await confirm.fill(`${name} (typo)`);
    await form.getByRole("button", { name: "Delete the organisation and all its data" }).click();
    await expect(
      form.getByText("This is not the organisation's name. Type it exactly as shown.").first(),
    ).toBeVisible();
    expect(page.url().startsWith(orgUrl)).toBe(true);

    await confirm.fill(name);
    await form.getByRole("button", { name: "Delete the organisation and all its data" }).click();
    await expect(page).toHaveURL(/\/en\/account\?ok=organisationDeleted/);
    await expect(page.getByText("The organisation and all its data have been deleted.")).toBeVisible();
    await expect(page.getByText("You do not belong to an organisation yet.", { exact: false })).toBeVisible();
    await expect
      .poll(() =>
        page.evaluate(() =>
          Object.keys(localStorage)
            .filter((k) => k.startsWith("gcm-"))
            .sort(),
        ),
      )
      .toEqual(["gcm-input:00000000-0000-4000-8000-000000000001:00000000-0000-4000-8000-000000000009"]);

    await page.goto(orgUrl);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Not allowed|Page not found/);
    expect((await page.request.get(`/api/organisations/${orgId}/export`)).status()).toBe(404);
  });

  test("without JavaScript, a wrong name is explained and the right one deletes", async ({ browser }) => {
    const tag = runTag();
    const email = `nojs-${tag}@example.net`;
    const name = `Collectif ${tag}`;
    const js = await browser.newContext();
    const jsPage = await js.newPage();
    await signIn(jsPage, email);
    await ready(jsPage);
    const cookies = await js.cookies();
    await js.close();

    const context: BrowserContext = await browser.newContext({ javaScriptEnabled: false });
    await context.addCookies(cookies);
    const page = await context.newPage();
    const orgUrl = await createOrganisation(page, name, email);
    await page.goto(orgUrl);
    const form = page.getByTestId("delete-organisation-form");
    await form.getByLabel(`Type the organisation's name, ${name}, to confirm`).fill("Collectif");
    await form.getByRole("button", { name: "Delete the organisation and all its data" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("This is not the organisation's name.");
    await expect(
      page.getByTestId("delete-organisation-form").getByLabel(`Type the organisation's name, ${name}, to confirm`),
    ).toHaveValue("Collectif");
    await page
      .getByTestId("delete-organisation-form")
      .getByLabel(`Type the organisation's name, ${name}, to confirm`)
      .fill(name);
    await page
      .getByTestId("delete-organisation-form")
      .getByRole("button", { name: "Delete the organisation and all its data" })
      .click();
    await expect(page.getByText("The organisation and all its data have been deleted.")).toBeVisible();
    await context.close();
  });
});
