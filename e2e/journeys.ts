// Shared by the journey specs (e2e/journey-*.spec.ts): the screenshots of each step, and the
// message catalogues, so that a journey in any language finds its links and buttons by their words.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import type en from "../messages/en.json";

export type JourneyLocale = "en" | "fr" | "es" | "ar";

/** The page's words in `locale` (the same catalogue the app renders from). */
export const messagesOf = (locale: JourneyLocale): typeof en => JSON.parse(fs.readFileSync(path.join("messages", `${locale}.json`), "utf8")) as typeof en;

/** A message with its {placeholders} filled (for messages without plural or select). */
export const say = (message: string, values: Record<string, string | number>) => message.replace(/\{(\w+)\}/g, (all, k: string) => (k in values ? String(values[k]) : all));

/**
 * Where the steps' screenshots go: `JOURNEY_SHOTS` (`npm run shots:journeys` sets docs/journeys),
 * else test-results/journeys. One folder per role and variant, files numbered in the order taken.
 */
export function journeyShots(role: string, variant: string) {
  const dir = path.join(process.env.JOURNEY_SHOTS || path.join("test-results", "journeys"), role, variant);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let n = 0;
  return {
    dir,
    async take(page: Page, name: string) {
      n += 1;
      await page.screenshot({ path: path.join(dir, `${String(n).padStart(2, "0")}-${name}.png`), fullPage: true });
    },
  };
}

/**
 * axe for a page loaded without JavaScript: axe cannot run where scripts are off (its timers never
 * fire), so the page's HTML as the server sent it (scripts removed, styles kept through <base>) is
 * checked in a second page where scripts run. What axe sees is what the no-JS visitor got.
 */
export async function staticCopyForAxe(page: Page, checker: Page): Promise<Page> {
  const origin = new URL(page.url()).origin;
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "").replace(/<head>/i, `<head><base href="${origin}/">`);
  await checker.setContent(html, { waitUntil: "load" });
  return checker;
}
