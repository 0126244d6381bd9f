import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// On a slow link the form's HTML arrives seconds before its scripts. A person who starts typing as
// soon as the fields appear must keep every character when the scripts take over the form
// (react-hook-form registering the fields: since 7.6x it leaves a field edited before it was ready
// alone) and when the draft logic starts.
// Chrome DevTools' "3G" preset: 400 kbit/s, 2,000 ms latency (as in bench:weight).
const THREE_G = {
  offline: false,
  latency: 2_000,
  downloadThroughput: (400 * 1024) / 8,
  uploadThroughput: (400 * 1024) / 8,
};

test("typing on throttled 3G before the form hydrates is kept through hydration", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const signedIn = await browser.newContext({ baseURL });
  await signIn(await signedIn.newPage(), "owner@example.org");
  const storageState = await signedIn.storageState();
  await signedIn.close();

  const context = await browser.newContext({ baseURL, storageState });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", THREE_G);

  await page.goto("/en/consultations/asia/submit", { waitUntil: "commit", timeout: 120_000 });
  const title = page.locator("#field-title");
  const summary = page.locator("#field-summary");
  const theme = page.locator('input[name="themes"]').first();
  await title.waitFor({ state: "visible", timeout: 120_000 });
  const hydrated = () => page.evaluate(() => document.documentElement?.dataset.hydrated === "true");
  expect(await hydrated(), "the page must still be loading its scripts when typing starts").toBe(false);

  // Type a character at a time until well after hydration.
  const typed = { title: "", summary: "" };
  const text = "Decent work for domestic workers in the Gulf and beyond, typed on a slow link ";
  let i = 0;
  let typedBeforeHydration = 0;
  let checkedBefore = false;
  let afterHydration = 0;
  while (afterHydration < 10 && i < 2_000) {
    const ch = text[i % text.length]!;
    // Focusing a field puts the caret at its start: go to the end first, as a person would.
    const field = i % 2 === 0 ? title : summary;
    await field.press("End");
    await field.press(ch === " " ? "Space" : ch);
    if (i % 2 === 0) typed.title += ch;
    else typed.summary += ch;
    if (!checkedBefore) {
      await theme.check();
      checkedBefore = true;
    }
    i++;
    if (await hydrated()) afterHydration++;
    else typedBeforeHydration = i;
  }
  expect(typedBeforeHydration, "characters typed before hydration").toBeGreaterThan(3);
  test.info().annotations.push({
    type: "typed",
    description: `${typedBeforeHydration} keystrokes before hydration, ${i} in all`,
  });

  // Let the restore check and any autosave logic run.
  await page.waitForTimeout(1_000);
  await expect(title).toHaveValue(typed.title);
  await expect(summary).toHaveValue(typed.summary);
  await expect(theme).toBeChecked();
  await context.close();
});
