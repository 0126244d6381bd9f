// The anchor's journey, as an anchor of the Beirut consultation (MENA) would tell it, in English and
// Arabic, with and without JavaScript, every page checked with axe, a screenshot of each step.
import { expect, test } from "./fixtures";
import { latestMail, runTag } from "./helpers";
import { accessible, pageAs, shots, submitAsOrganisation, variantName, variants, words } from "./journeys";

for (const v of variants) {
  test(`an anchor of the Beirut consultation finds an input by its reference, asks for changes with a message, compares the corrected revision, accepts and publishes it, and asks two others for changes at once; the organisation is e-mailed and sees it published (${variantName(v)})`, async ({
    browser,
  }) => {
    const w = words(v);
    const L = v.locale;
    const shot = shots("anchor", v);
    const tag = runTag();

    // The organisation's inputs (set-up, in English with JavaScript).
    const owner = await pageAs(browser, "owner@example.org", true);
    const input = await submitAsOrganisation(owner, "mena", {
      title: `Kafala reform ${tag}`,
      summary: "Migrant domestic workers are tied to their employer by the kafala system.",
      recommendation: "Abolish the kafala system.",
      publication: "named",
    });
    const bulk = [
      await submitAsOrganisation(owner, "mena", {
        title: `Recruitment fees ${tag}`,
        summary: "Workers pay recruitment fees.",
        publication: "anonymous",
      }),
      await submitAsOrganisation(owner, "mena", {
        title: `Passports kept ${tag}`,
        summary: "Employers keep passports.",
        publication: "named",
      }),
    ];

    const anchor = await pageAs(browser, "anchor.mena@example.org", v.js);

    // 1. The overview, drawn: every chart names its numbers.
    await anchor.goto(`/${L}/moderation/mena`);
    await expect(anchor.getByTestId("chart-status").getByTestId("chart-row")).toHaveCount(6);
    await expect(anchor.getByTestId("chart-theme")).toContainText(w.themeShort["human-rights"]);
    await expect(anchor.getByTestId("chart-theme")).not.toContainText(/Theme \d/);
    await accessible(anchor, v);
    await shot(anchor, "overview");

    // 2. Found by its reference, typed in lower case.
    await anchor.getByLabel(w.moderation.search).fill(input.reference.toLowerCase());
    await anchor.getByRole("button", { name: w.moderation.apply }).click();
    await expect(anchor).toHaveURL(/q=/);
    await expect(anchor.getByTestId("queue-row")).toHaveCount(1);
    await expect(anchor.getByTestId("queue-row")).toContainText(`Kafala reform ${tag}`);
    await expect(anchor.getByTestId("queue-row")).toContainText(w.themeShort["human-rights"]);
    await accessible(anchor, v);
    await shot(anchor, "found-by-reference");

    // 3. The input.
    await anchor
      .getByTestId("queue-row")
      .getByRole("link", { name: `Kafala reform ${tag}` })
      .click();
    await expect(anchor.getByTestId("moderation-status")).toHaveText(w.mySubmissions.statuses.submitted);
    await accessible(anchor, v);
    await shot(anchor, "input");

    // 4. Changes requested, with a message.
    await anchor
      .getByTestId("form-requestChanges")
      .getByLabel(w.moderation.changesMessage)
      .fill(`Please add what should replace the kafala system. ${tag}`);
    await anchor.getByRole("button", { name: w.moderation.requestChanges, exact: true }).click();
    await expect(anchor.getByTestId("moderation-status")).toHaveText(w.mySubmissions.statuses.changes_requested);
    await accessible(anchor, v);
    await shot(anchor, "changes-requested");
    const detailUrl = new URL(anchor.url()).pathname;

    // The organisation reads the message and corrects its input.
    await expect
      .poll(async () => (await latestMail(owner, "owner@example.org")).subject, { timeout: 30_000 })
      .toBe(`Changes requested: ${input.reference}`);
    await owner.goto(`/en/submissions/${input.id}`);
    await expect(owner.getByTestId("moderator-message")).toContainText("replace the kafala system");
    await owner.getByRole("link", { name: "Edit", exact: true }).click();
    await owner
      .getByLabel(/^Recommendation 1/)
      .fill("Abolish the kafala system and let workers change employer freely.");
    await owner.getByRole("button", { name: "Save changes" }).click();
    await expect(owner.getByTestId("submission-status")).toHaveText("Submitted");

    // 5. The corrected revision compared, and the audit log in words.
    await anchor.goto(detailUrl);
    await expect(anchor.getByTestId("revision-diff").locator("ins")).toContainText(["change employer freely"]);
    await expect(anchor.getByTestId("audit-sentence").filter({ hasText: w.anchor.audit.requestChanges })).toHaveCount(
      1,
    );
    await expect(anchor.getByTestId("audit-row").first()).not.toContainText("submission.");
    await accessible(anchor, v);
    await shot(anchor, "revision-compared");

    // 6. Accepted; 7. published, as the organisation chose.
    await anchor.getByRole("button", { name: w.moderation.accept, exact: true }).click();
    await expect(anchor.getByText(w.notices.moderated_accept)).toBeVisible();
    await expect(anchor.getByTestId("moderation-status")).toHaveText(w.mySubmissions.statuses.accepted);
    await accessible(anchor, v);
    await shot(anchor, "accepted");
    await anchor.getByRole("button", { name: new RegExp(`^${w.moderation.publish.split(" (")[0]}`) }).click();
    await expect(anchor.getByText(w.notices.moderated_publish)).toBeVisible();
    await expect(anchor.getByTestId("public-link")).toBeVisible();
    await accessible(anchor, v);
    await shot(anchor, "published");

    // The organisation was e-mailed at each step, and sees "published" with the public page's link.
    // The newest e-mail once delivered (the outbox lists what the mail loop has sent).
    let published = await latestMail(owner, "owner@example.org");
    await expect
      .poll(async () => (published = await latestMail(owner, "owner@example.org")).subject, { timeout: 30_000 })
      .toBe(`Input published: ${input.reference}`);
    expect(published.text).toContain(`/en/inputs/${input.reference}`);
    await owner.goto("/en/dev/outbox");
    await expect(
      owner.getByTestId("outbox-subject").filter({ hasText: `Input accepted: ${input.reference}` }),
    ).toHaveCount(1);
    await owner.goto(`/en/submissions/${input.id}`);
    await owner.getByTestId("published-notice").getByRole("link").click();
    await expect(owner.getByRole("heading", { level: 1 })).toHaveText(`Kafala reform ${tag}`);
    await expect(owner.getByTestId("public-body")).toContainText("tied to their employer");

    // 8. Two other inputs sent back at once, with one message.
    await anchor.goto(`/${L}/moderation/mena?q=${tag}&status=submitted`);
    await expect(anchor.getByTestId("queue-row")).toHaveCount(2);
    for (const b of bulk) await anchor.locator(`input[name=selected][value^="${b.id}:"]`).check();
    await anchor.getByLabel(w.anchor.bulkMessage).fill(`Please name the countries concerned. ${tag}`);
    await anchor.getByRole("button", { name: w.anchor.bulkRequestChanges, exact: true }).click();
    await expect(anchor).toHaveURL(/done=2&skipped=0/);
    await anchor.goto(`/${L}/moderation/mena?q=${tag}&status=changes_requested`);
    await expect(anchor.getByTestId("queue-row")).toHaveCount(2);
    await accessible(anchor, v);
    await shot(anchor, "bulk-changes-requested");
    await owner.goto("/en/dev/outbox");
    for (const b of bulk)
      await expect(
        owner.getByTestId("outbox-subject").filter({ hasText: `Changes requested: ${b.reference}` }),
      ).toHaveCount(1);

    await anchor.context().close();
    await owner.context().close();
  });
}

test("the queue reads on a phone (390 px) and works by keyboard", async ({ browser }) => {
  const v = { locale: "en" as const, js: true };
  const shot = shots("anchor-phone", v);
  const tag = runTag();
  const owner = await pageAs(browser, "owner@example.org", true);
  const input = await submitAsOrganisation(owner, "mena", {
    title: `On a phone ${tag}`,
    summary: "Read on a small screen.",
    publication: "named",
  });
  const anchor = await pageAs(browser, "anchor.mena@example.org", true, { width: 390, height: 844 });
  await anchor.goto(`/en/moderation/mena?q=${tag}`);
  // Nothing wider than the screen: no sideways scrolling of the page.
  expect(await anchor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const row = anchor.getByTestId("queue-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`Reference: ${input.reference}`);
  await accessible(anchor, v);
  await shot(anchor, "queue");
  // By keyboard: from the search box, Tab reaches the row's checkbox and then its link, and Enter opens it.
  await anchor.getByLabel("Search (any language)").focus();
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await anchor.keyboard.press("Tab");
    reached = await anchor.evaluate((t) => document.activeElement?.textContent === t, `On a phone ${tag}`);
  }
  expect(reached).toBe(true);
  await anchor.keyboard.press("Enter");
  await expect(anchor.getByRole("heading", { level: 1 })).toHaveText(`On a phone ${tag}`);
  await anchor.context().close();
  await owner.context().close();
});
