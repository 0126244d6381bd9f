import type { Page } from "@playwright/test";
import { expect, ready, test } from "./fixtures";
import { expectAccessible, latestMail, runTag, signIn, signOut } from "./helpers";

// An anchor enters an input an organisation sent by e-mail, on paper or by voice; it is
// marked as such, with who entered it, and follows the same workflow as any input.

async function fillPaperInput(page: Page, title: string) {
  await page.getByLabel("On paper (post or delivered by hand)").check();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByRole("checkbox", { name: /^2\. / }).check();
  await page.getByLabel("Summary").fill("A letter received by post.");
  await page.getByLabel("Full text").fill("Typed in from the letter.\n\nSecond paragraph.");
  await page.getByLabel("Language of the input").selectOption("en");
  await page.getByLabel("Contact person", { exact: true }).fill("Sione Tuilagi");
  await page.getByLabel("Not at all (for the consultation only)").check();
}

const enteredLine = "Entered by Demo Anchor (pacific) on behalf of the organisation, received by paper";

test("the anchor enters paper inputs for an existing and a new organisation, then finds them in the queue marked as paper", async ({
  page,
  browser,
}) => {
  const tag = runTag();
  await signIn(page, "anchor.pacific@example.org");

  // An existing organisation, found by name.
  await page.goto("/en/moderation/pacific");
  await page.getByRole("link", { name: "Enter an input received by e-mail, paper or voice" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Enter an input received by e-mail, paper or voice");
  await ready(page);
  await page.getByLabel("Organisation name or acronym").fill("demo migrant");
  await page.getByRole("button", { name: "Search" }).click();
  await expectAccessible(page);
  await page.getByTestId("behalf-results").getByRole("link", { name: "Demo Migrant Network (DMN)" }).click();
  await expect(page.getByTestId("behalf-chosen")).toContainText("Input of Demo Migrant Network (DMN)");
  await ready(page);
  await expectAccessible(page);

  // The form for a new organisation, right to left in Arabic.
  await page.goto("/ar/moderation/pacific/on-behalf?org=new");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "إدخال مساهمة وردت بالبريد الإلكتروني أو ورقيًا أو شفهيًا",
  );
  await expectAccessible(page);
  await page.goBack();
  await ready(page);

  // Checked in the browser with the form's schema: the channel is required, the typed text stays.
  await page.getByLabel("Title", { exact: true }).fill(`Letter ${tag}`);
  await page.getByRole("button", { name: "Enter the input" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Choose how the input was received.");
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(`Letter ${tag}`);

  await fillPaperInput(page, `Letter ${tag}`);
  await page.getByRole("button", { name: "Enter the input" }).click();
  await expect(page).toHaveURL(/\/en\/moderation\/pacific\/submissions\/[0-9a-f-]{36}\?ok=enteredOnBehalf$/);
  await expect(page.getByTestId("entered-on-behalf")).toHaveText(enteredLine);
  const reference = (await page.locator("main p[dir=ltr]").first().textContent())?.trim() ?? "";
  expect(reference).toMatch(/^PAC-\d{4}$/);
  await expect(page.getByTestId("audit-row").first()).toContainText(
    "Entered the input on the organisation's behalf, received on paper",
  );

  // A new organisation, without JavaScript: the server checks the same schema, field by field.
  const cookies = await page.context().cookies();
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.addCookies(cookies);
  const nojs = await context.newPage();
  await nojs.goto("/en/moderation/pacific/on-behalf");
  await nojs
    .getByRole("link", { name: "The organisation is not on the portal: create it together with its input" })
    .click();
  await nojs.getByLabel("Name of the organisation").fill(`Pacific Seasonal Workers ${tag}`);
  await nojs.getByRole("button", { name: "Enter the input" }).click();
  const summary = nojs.getByTestId("error-summary");
  await expect(summary).toContainText("Choose how the input was received.");
  await expect(summary.getByRole("link", { name: /Type of organisation/ })).toHaveAttribute(
    "href",
    "#field-organisation.type",
  );
  await expect(nojs.getByLabel("Name of the organisation")).toHaveValue(`Pacific Seasonal Workers ${tag}`);
  await nojs.getByLabel("Country", { exact: true }).selectOption("WS");
  await nojs.getByLabel("Type of organisation").selectOption("grassroots");
  await fillPaperInput(nojs, `Handwritten letter ${tag}`);
  await nojs.getByRole("button", { name: "Enter the input" }).click();
  await expect(nojs.getByTestId("entered-on-behalf")).toHaveText(enteredLine);
  await expect(nojs.getByText(`Pacific Seasonal Workers ${tag}`)).toBeVisible();
  await context.close();

  // Both in the queue, marked as paper; the detail opens from there.
  await page.goto(`/en/moderation/pacific?q=${tag}`);
  await expect(page.getByTestId("queue-row")).toHaveCount(2);
  await expect(page.getByTestId("queue-channel")).toHaveText(["Received on paper", "Received on paper"]);
  await expect(page.getByTestId("queue-row").filter({ hasText: `Pacific Seasonal Workers ${tag}` })).toContainText(
    "not verified",
  );
  await page.getByRole("link", { name: `Handwritten letter ${tag}` }).click();
  await expect(page.getByTestId("entered-on-behalf")).toHaveText(enteredLine);
  await expect(page.getByTestId("moderation-status")).toHaveText("Submitted");
  // Nobody can sign in for the new organisation: no change request is offered, and the page says why.
  await expect(page.getByTestId("no-one-to-change")).toContainText(
    "Nobody from this organisation has an account on the portal",
  );
  await expect(page.getByRole("button", { name: "Request changes" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Do not accept" })).toBeVisible();

  // The organisation that has members sees it, marked; its contact address got the receipt.
  const mail = await latestMail(page, "owner@example.org");
  expect(mail.subject).toBe(`Input received: ${reference}`);
  expect(mail.text).toContain("on paper");
  expect(mail.link).toMatch(/\/en\/submissions\/[0-9a-f-]{36}$/);
  await signOut(page);
  await signIn(page, "owner@example.org");
  await page.goto("/en/submissions");
  await expect(
    page
      .getByTestId("my-submission")
      .filter({ hasText: `Letter ${tag}` })
      .getByTestId("entered-by-anchors"),
  ).toHaveText("Entered by the consultation's anchors");
});

test("an organisation's owner and another consultation's anchor cannot open the page", async ({ page }) => {
  await signIn(page, "anchor.asia@example.org");
  await page.goto("/en/moderation/pacific/on-behalf");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await signOut(page);
  await signIn(page, "owner@example.org");
  await page.goto("/en/moderation/pacific/on-behalf");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});
