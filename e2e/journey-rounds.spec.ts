// Rounds (issue 17), in English with JavaScript: the secretariat opens the 2026 round as a copy of
// 2017's consultations with the Compact's 23 objectives as its topics, and appoints Pacific 2017's
// anchor to Pacific 2026; the demo organisation (of 2017) submits there and gets PAC-2026-0001; the
// anchor exports it. 2017's pages stay as they were; the round is closed again at the end, so the
// specs after this one find 2017 the current round.
import fs from "node:fs";
import { gcmObjectives } from "../lib/rounds/gcm-objectives";
import { expect, test } from "./fixtures";
import { expectAccessible, latestMail, signIn, signOut } from "./helpers";

const SECRETARIAT = "secretariat@example.org";
const ANCHOR = "anchor.pacific@example.org";
const OWNER = "owner@example.org";
const objective23 = gcmObjectives[22]!.names.en;

test.describe("rounds", () => {
  test.describe.configure({ timeout: 600_000 });

  test("the secretariat opens the 2026 round from 2017 with the 23 objectives, appoints an anchor; an organisation of 2017 submits, the anchor exports; 2017 unchanged", async ({
    page,
  }) => {
    // 2017 is the current round.
    await page.goto("/en");
    await expect(page.getByRole("heading", { name: "Regional consultations 2017: the consultations" })).toBeVisible();
    await expect(page.getByTestId("consultation-card")).toHaveCount(7);

    // 1. The secretariat opens the round, copying 2017's consultations (not their anchors, not their themes).
    await signIn(page, SECRETARIAT);
    await page.goto("/en/secretariat");
    await page.getByRole("link", { name: /^Rounds:/ }).click();
    await expect(page.getByTestId("rounds")).toContainText("Regional consultations 2017");
    await page.getByLabel("Short name").fill("2026");
    await page.getByLabel("Name (English)").fill("Regional reviews 2026");
    await page.getByLabel("Name (Français)").fill("Examens régionaux 2026");
    await page.getByLabel("Name (Español)").fill("Exámenes regionales 2026");
    await page.getByLabel("Name (العربية)").fill("الاستعراضات الإقليمية 2026");
    await page.getByLabel("First day").fill("2026-01-12");
    await page.getByLabel("Last day").fill("2026-12-18");
    await page.getByLabel("Copy from").selectOption({ label: "Regional consultations 2017" });
    await page.getByLabel(/^Appoint the anchor moderators/).uncheck();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Open the round" }).click();
    await expect(page.getByText("The round is open for preparation.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Regional reviews 2026");
    const consultations = page.getByTestId("round-consultation-row");
    await expect(consultations).toHaveCount(7);
    await expect(consultations.filter({ hasText: "PAC-2026" })).toHaveCount(1);
    await expect(page.getByTestId("topic-row")).toHaveCount(0);

    // 2. Its topics: the Compact's 23 objectives, under the four round tables.
    await page.getByRole("button", { name: /23 objectives/ }).click();
    await expect(page.getByText("The Compact's 23 objectives are the round's topics.")).toBeVisible();
    await expect(page.getByTestId("topic-row")).toHaveCount(23);
    await expect(page.getByTestId("topic-row").last()).toContainText(objective23);
    await expectAccessible(page);

    // 3. The round opens; then Pacific 2026 opens, and Pacific 2017's anchor is invited to it.
    await page.getByTestId("update-round").getByLabel("Status").selectOption("open");
    await page.getByTestId("update-round").getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("The round has been saved.")).toBeVisible();
    await consultations.filter({ hasText: "PAC-2026" }).getByRole("link").click();
    await page.getByLabel("Status").selectOption("open");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("The consultation has been saved.")).toBeVisible();
    await page.goto("/en/secretariat/consultations/pacific-2026");
    await page.getByLabel("E-mail address").fill(ANCHOR);
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText("The invitation has been sent.")).toBeVisible();
    await signOut(page);

    // 4. The anchor of 2017 has no access to Pacific 2026 until the invitation is accepted.
    const invite = await latestMail(page, ANCHOR);
    await signIn(page, ANCHOR);
    await page.goto("/en/moderation/pacific-2026");
    // Refused as if it did not exist (lib/ answers 404 to whoever may not see it).
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Page not found|Not allowed/);
    await expect(page.getByTestId("exports-section")).toHaveCount(0);
    await page.goto(invite.link.replace(/^https?:\/\/[^/]+/, ""));
    await page.getByRole("button", { name: "Accept the invitation" }).click();
    await expect(page.getByText("You are now an anchor moderator of this consultation.")).toBeVisible();
    await signOut(page);

    // 5. The demo organisation (of 2017) submits in Pacific 2026, on the round's topics.
    await signIn(page, OWNER);
    await page.goto("/en/consultations/pacific-2026/submit");
    await expect(page.getByRole("checkbox", { name: /^1\. Human rights/ })).toHaveCount(0);
    await page.getByLabel(/^Title/).fill("Partnerships for Pacific labour mobility");
    await page.getByRole("checkbox", { name: `23. ${objective23}` }).check();
    await page.getByLabel(/^Summary/).fill("Seasonal workers' schemes need portable rights.");
    await page.getByLabel(/^Full text/).fill("Seasonal workers' schemes need portable rights.\n\nSecond paragraph.");
    await page.getByLabel(/^Language of the input/).selectOption("en");
    await page.getByLabel(/^Contact person$/).fill("Nadia Haddad");
    await page.getByLabel("Not at all (for the consultation only)").check();
    await page.getByRole("button", { name: "Submit the input" }).click();
    await expect(page.getByTestId("reference-confirmation")).toContainText("PAC-2026-0001");
    // The account groups the organisation's inputs by round.
    await page.goto("/en/account");
    await expect(page.locator('[data-testid="activity-round"][data-round="2026"]')).toContainText("PAC-2026-0001");
    await signOut(page);

    // 6. The anchor exports Pacific 2026's inputs: the input, its objective by name.
    await signIn(page, ANCHOR);
    await page.goto("/en/moderation/pacific-2026");
    await expect(page.getByTestId("exports-section")).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
    const csv = fs.readFileSync((await download.path())!, "utf8");
    expect(csv).toContain("PAC-2026-0001");
    expect(csv).toContain(objective23);
    // Pacific 2017 is still theirs, with its own themes.
    await page.goto("/en/moderation/pacific");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Pacific");
    await signOut(page);

    // 7. 2017 as it was: its round page, its consultations' pages, its published inputs' list.
    await page.goto("/en/rounds/2017");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Regional consultations 2017");
    await expect(page.getByTestId("round-consultation")).toHaveCount(7);
    await page.getByTestId("round-inputs").click();
    await expect(page).toHaveURL(/\/en\/inputs\?round=2017/);
    await page.goto("/en/consultations/pacific");
    await expect(page.getByText("Consultation in Nadi")).toBeVisible();
    await expect(page.getByText(/^Human rights of all migrants/)).toBeVisible();
    await page.goto("/en/consultations/pacific-2026");
    await expect(page.getByText(objective23)).toBeVisible();
    // The home page shows the open round, 2026, and links 2017.
    await page.goto("/en");
    await expect(page.getByRole("heading", { name: "Regional reviews 2026: the consultations" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Regional consultations 2017" })).toBeVisible();

    // 8. The secretariat closes Pacific 2026 and the round: 2017 (open) is the current round again.
    await signIn(page, SECRETARIAT);
    await page.goto("/en/secretariat/consultations/pacific-2026");
    await page.getByLabel("Status").selectOption("closed");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("The consultation has been saved.")).toBeVisible();
    await page.goto("/en/secretariat/rounds/2026");
    await expect(
      page.getByText("This round has inputs: its topics can now only be renamed or added to."),
    ).toBeVisible();
    await page.getByTestId("update-round").getByLabel("Status").selectOption("closed");
    await page.getByTestId("update-round").getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("The round has been saved.")).toBeVisible();
    await signOut(page);
    await page.goto("/en");
    await expect(page.getByRole("heading", { name: "Regional consultations 2017: the consultations" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Regional reviews 2026" })).toBeVisible();
  });
});
