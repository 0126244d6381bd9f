// The secretariat's journey, in English and Arabic, with and without JavaScript: the seven regions
// side by side, a region opened from there, a deadline set by mistake after the Pacific
// consultation's last day (a warning in words), and the one name of its time zone on every page.
import { expect, test } from "./fixtures";
import { runTag } from "./helpers";
import { accessible, pageAs, shots, submitAsOrganisation, variantName, variants, words } from "./journeys";

for (const v of variants) {
  test(`the secretariat compares the seven regions side by side, opens one, is warned in words of a deadline set after the Pacific consultation's end, and reads "Nadi time (UTC+12)" wherever its deadlines appear (${variantName(v)})`, async ({
    browser,
  }) => {
    const w = words(v);
    const L = v.locale;
    const shot = shots("secretariat", v);
    const tag = runTag();
    const owner = await pageAs(browser, "owner@example.org", true);
    await submitAsOrganisation(owner, "mena", {
      title: `Seen from the secretariat ${tag}`,
      summary: "For the regions' table.",
      publication: "named",
    });
    await owner.context().close();

    const sec = await pageAs(browser, "secretariat@example.org", v.js);
    // 1. The seven regions side by side, each counted; a region's name leads to it.
    await sec.goto(`/${L}/secretariat`);
    const table = sec.getByTestId("regions-overview");
    await expect(table.locator("thead th")).toHaveCount(9); // the figure, seven regions, all regions
    await expect(table.getByTestId(`regions-row-theme-1`)).toContainText(w.themeShort["human-rights"]);
    const menaName = w.regions.mena.name;
    const menaColumn = (await table.locator("thead th").allTextContents()).findIndex((h) => h.startsWith(menaName));
    expect(menaColumn).toBeGreaterThan(0);
    const submitted = Number(
      (
        await table
          .getByTestId("regions-row-submitted")
          .locator("td")
          .nth(menaColumn - 1)
          .textContent()
      )?.replace(/\D/g, ""),
    );
    expect(submitted).toBeGreaterThanOrEqual(1);
    await accessible(sec, v);
    await shot(sec, "regions-side-by-side");

    // 2. One region, opened from its column.
    await table.locator("thead").getByRole("link", { name: menaName }).click();
    await expect(sec).toHaveURL(new RegExp(`/${L}/moderation/mena$`));
    await expect(sec.getByRole("heading", { level: 1 })).toContainText(menaName);
    await accessible(sec, v);
    await shot(sec, "region-opened");

    // 3. A deadline after the consultation's last day (2017-11-03): saved, with a warning in words.
    await sec.goto(`/${L}/secretariat/consultations/pacific`);
    await expect(sec.getByText("UTC+12").first()).toBeVisible();
    const deadline = sec.getByLabel(w.secretariat.submissionDeadline);
    await deadline.fill("2017-11-10T23:59");
    if (v.js) {
      // Said as it is typed, before anything is saved.
      await expect(sec.getByTestId("deadline-warnings")).toContainText(w.secretariat.submissionDeadline);
    }
    await sec.getByRole("button", { name: w.form.save }).click();
    await expect(sec).toHaveURL(new RegExp(`/${L}/secretariat/consultations/pacific\\?ok=consultationSaved`));
    const warnings = sec.getByTestId("deadline-warnings");
    await expect(warnings).toContainText(w.secretariat.submissionDeadline);
    await expect(warnings.locator("li")).toHaveCount(2); // after the end, and long before today
    await accessible(sec, v);
    await shot(sec, "deadline-warning");

    try {
      // 4. The public page names the deadline on Nadi's clock, with its offset.
      await sec.goto(`/${L}/consultations/pacific`);
      const zone = L === "en" ? "Nadi time (UTC+12)" : "UTC+12";
      await expect(sec.getByText(zone).first()).toBeVisible();
      if (L === "en") await expect(sec.getByText("10 November 2017 at 23:59, Nadi time (UTC+13)")).toBeVisible();
      await accessible(sec, v);
      await shot(sec, "zone-named");
    } finally {
      // The Pacific consultation as other specs expect it: no deadline.
      await sec.goto(`/${L}/secretariat/consultations/pacific`);
      await sec.getByLabel(w.secretariat.submissionDeadline).fill("");
      await sec.getByRole("button", { name: w.form.save }).click();
      await expect(sec).toHaveURL(new RegExp(`/${L}/secretariat\\?ok=consultationSaved`));
    }
    await sec.context().close();
  });
}
