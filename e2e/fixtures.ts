import { test as base, type Page } from "@playwright/test";

/** Waits until the page's scripts have taken over its forms (see components/hydration-marker.tsx). */
export async function ready(page: Page) {
  await page.waitForFunction(() => document.documentElement?.dataset.hydrated === "true", undefined, {
    timeout: 30_000,
  });
}

// Every navigation by page.goto waits for hydration when JavaScript runs.
export const test = base.extend({
  page: async ({ page }, provide) => {
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      if ((response?.status() ?? 200) < 400) await ready(page).catch(() => {});
      return response;
    };
    await provide(page);
  },
});

export { expect } from "@playwright/test";
