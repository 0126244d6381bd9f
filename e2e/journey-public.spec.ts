// The public's journey, in English and Arabic, with and without JavaScript: a visitor searches the
// published inputs, narrows them by region and theme, and reads one in full with its recommendations
// and files; an anonymous input names no organisation, person or contact, and has no files.
import { expect, test } from "./fixtures";
import { runTag } from "./helpers";
import {
  acceptAndPublish,
  accessible,
  pageAs,
  shots,
  submitAsOrganisation,
  variantName,
  variants,
  words,
} from "./journeys";

const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

for (const v of variants) {
  test(`a visitor searches the published inputs, filters them by region and theme, reads one in full with its recommendations and attached file, and finds nothing of who wrote an anonymous one (${variantName(v)})`, async ({
    browser,
  }) => {
    const w = words(v);
    const L = v.locale;
    const shot = shots("public", v);
    const tag = runTag();

    // Set-up: two inputs published by the MENA anchors, one named with a file, one anonymous.
    const owner = await pageAs(browser, "owner@example.org", true);
    const named = await submitAsOrganisation(owner, "mena", {
      title: `Domestic workers' rights ${tag}`,
      summary: "Migrant domestic workers need the protection of labour law.",
      body: `Migrant domestic workers need the protection of labour law.\n\nThe full text, in a second paragraph ${tag}.`,
      recommendation: "Ratify ILO Convention 189.",
      publication: "named",
      file: { name: "evidence.pdf", buffer: pdf },
    });
    const anonymous = await submitAsOrganisation(owner, "mena", {
      title: `Shelters for survivors ${tag}`,
      summary: "Survivors of trafficking need shelters.",
      recommendation: "Fund shelters run by civil society.",
      publication: "anonymous",
      file: { name: "names-inside.pdf", buffer: pdf },
    });
    await owner.context().close();
    const anchor = await pageAs(browser, "anchor.mena@example.org", true);
    await acceptAndPublish(anchor, "mena", named.id);
    await acceptAndPublish(anchor, "mena", anonymous.id);
    // The anonymous input's file, as its moderators see it: its id, to try the public address with.
    const anonymousFile = /\/api\/attachments\/([0-9a-f-]{36})/.exec(
      (await anchor.locator('a[href^="/api/attachments/"]').first().getAttribute("href")) ?? "",
    )![1];
    await anchor.context().close();

    const context = await browser.newContext({ javaScriptEnabled: v.js });
    const visitor = await context.newPage();

    // 1. The published inputs, searched by a word of the full text.
    await visitor.goto(`/${L}/inputs`);
    await visitor.getByLabel(w.publicInput.search).fill(tag);
    await visitor.getByRole("button", { name: w.publicInputs.apply }).click();
    await expect(visitor.getByTestId("public-input")).toHaveCount(2);
    await accessible(visitor, v);
    await shot(visitor, "searched");

    // 2. Narrowed by region and theme (the filters keep the search).
    await visitor.getByLabel(w.publicInput.region).selectOption("mena");
    await visitor.getByLabel(w.publicInputs.theme).selectOption("1");
    await visitor.getByRole("button", { name: w.publicInputs.apply }).click();
    await expect(visitor).toHaveURL(/consultation=mena/);
    await expect(visitor).toHaveURL(/theme=1/);
    await expect(visitor.getByTestId("public-input")).toHaveCount(2);
    // Another region: none of these.
    await visitor.goto(`/${L}/inputs?q=${tag}&consultation=asia`);
    await expect(visitor.getByTestId("public-input")).toHaveCount(0);
    await expect(visitor.getByText(w.publicInput.noMatch)).toBeVisible();
    // By its reference.
    await visitor.goto(`/${L}/inputs?q=${named.reference.toLowerCase()}`);
    await expect(visitor.getByTestId("public-input")).toHaveCount(1);
    await accessible(visitor, v);
    await shot(visitor, "found-by-reference");

    // 3. One input's own page: full text, recommendations, the organisation, its file.
    await visitor.getByRole("link", { name: `Domestic workers' rights ${tag}` }).click();
    await expect(visitor).toHaveURL(new RegExp(`/${L}/inputs/${named.reference}$`));
    await expect(visitor.getByTestId("public-body")).toContainText(`The full text, in a second paragraph ${tag}.`);
    await expect(visitor.getByText("Ratify ILO Convention 189.")).toBeVisible();
    await expect(visitor.getByTestId("public-input-author")).toContainText("Demo Migrant Network");
    await expect(visitor.getByTestId("public-attachment")).toHaveCount(1);
    const file = await visitor.request.get(
      (await visitor.getByTestId("public-attachment").getByRole("link").getAttribute("href"))!,
    );
    expect(file.status()).toBe(200);
    expect(file.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect((await file.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await accessible(visitor, v);
    await shot(visitor, "input-page");

    // 4. The anonymous one: its text, and nothing of who wrote it; its file is not offered.
    await visitor.goto(`/${L}/inputs/${anonymous.reference}`);
    await expect(visitor.getByTestId("public-input-author")).toHaveText(w.publicInputs.anonymous);
    await expect(visitor.getByText("Fund shelters run by civil society.")).toBeVisible();
    const main = await visitor.locator("main").innerText();
    for (const secret of ["Demo Migrant Network", "Nadia Haddad", "owner@example.org", "names-inside.pdf"])
      expect(main).not.toContain(secret);
    await expect(visitor.getByTestId("public-attachment")).toHaveCount(0);
    expect((await visitor.request.get(`/api/public/attachments/${anonymousFile}`)).status()).toBe(404);
    await accessible(visitor, v);
    await shot(visitor, "anonymous-input");
    // Searching the organisation's name finds its named input, never its anonymous one.
    await visitor.goto(`/${L}/inputs?q=${encodeURIComponent("Demo Migrant Network")}&consultation=mena`);
    const titles = await visitor.getByTestId("public-input").allInnerTexts();
    expect(titles.join("\n")).toContain(`Domestic workers' rights ${tag}`);
    expect(titles.join("\n")).not.toContain(`Shelters for survivors ${tag}`);
    // An input that is not published has no page.
    expect((await visitor.goto(`/${L}/inputs/MENA-9999`))?.status()).toBe(404);
    await context.close();
  });
}
