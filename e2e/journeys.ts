// What the journey specs share: each journey runs in English and Arabic, with and without JavaScript;
// a screenshot of each step goes to $JOURNEY_SHOTS/<role>/NN-step[-ar][-nojs].png when that variable
// is set (npm run journeys sets it to docs/journeys); the catalogues give the words a person reads.
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import type en from "../messages/en.json";
import { expect, ready } from "./fixtures";
import { expectAccessible, latestMail, requestLink } from "./helpers";
import { SubmissionForm, type Publication } from "./pages/submission-form";

export type Catalogue = typeof en;
export interface Variant {
  locale: "en" | "ar";
  js: boolean;
}
export const variants: Variant[] = [
  { locale: "en", js: true },
  { locale: "ar", js: true },
  { locale: "en", js: false },
  { locale: "ar", js: false },
];
export const variantName = (v: Variant) =>
  `${v.locale === "en" ? "English" : "Arabic"}, ${v.js ? "with" : "without"} JavaScript`;
const catalogues = new Map<string, Catalogue>();
export const words = (v: Variant): Catalogue => {
  if (!catalogues.has(v.locale))
    catalogues.set(
      v.locale,
      JSON.parse(fs.readFileSync(path.resolve(`messages/${v.locale}.json`), "utf8")) as Catalogue,
    );
  return catalogues.get(v.locale)!;
};

/** Counts the steps of one journey and saves each step's screenshot when JOURNEY_SHOTS is set. */
export function shots(role: string, v: Variant) {
  let n = 0;
  const dir = process.env.JOURNEY_SHOTS;
  const suffix = `${v.locale === "ar" ? "-ar" : ""}${v.js ? "" : "-nojs"}`;
  return async (page: Page, step: string) => {
    n++;
    if (!dir) return;
    const file = path.join(dir, role, `${String(n).padStart(2, "0")}-${step}${suffix}.png`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file, fullPage: true });
  };
}

/** A page signed in as `email` (signed in with JavaScript, then browsing as the variant says). */
export async function pageAs(
  browser: Browser,
  email: string,
  js: boolean,
  viewport = { width: 1280, height: 900 },
): Promise<Page> {
  const signer = await browser.newContext();
  const p = await signer.newPage();
  await requestLink(p, email);
  const { link } = await latestMail(p, email);
  await p.goto(link);
  await ready(p);
  await p.getByRole("button", { name: "Sign in" }).click();
  await expect(p).toHaveURL(/\/en\/account/);
  const cookies = await signer.cookies();
  await signer.close();
  const context = await browser.newContext({ javaScriptEnabled: js, viewport });
  await context.addCookies(cookies);
  const page = await context.newPage();
  if (js) {
    // As the suite's fixture does: every navigation waits until the page's scripts have taken over.
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      if ((response?.status() ?? 200) < 400) await ready(page).catch(() => {});
      return response;
    };
  }
  return page;
}

/** The organisation's side of the story (set-up, in English with JavaScript): submits an input, returns its id and reference. */
export async function submitAsOrganisation(
  page: Page,
  slug: string,
  o: {
    title: string;
    summary: string;
    body?: string;
    recommendation?: string;
    publication: Publication;
    file?: { name: string; buffer: Buffer };
  },
): Promise<{ id: string; reference: string }> {
  const form = new SubmissionForm(page);
  await form.open(slug);
  await form.title.fill(o.title);
  await form.theme(/^1\. Human rights/).check();
  await form.summary.fill(o.summary);
  await form.body.fill(o.body ?? `${o.summary}\n\nSecond paragraph.`);
  if (o.recommendation) await form.recommendation(1).fill(o.recommendation);
  await form.language.selectOption("en");
  await form.contactPerson.fill("Nadia Haddad");
  await form.publication(o.publication).check();
  if (o.file)
    await form.attachments.setInputFiles({ name: o.file.name, mimeType: "application/pdf", buffer: o.file.buffer });
  await form.submit();
  await expect(form.referenceConfirmation).toContainText(/[A-Z]{2,6}-\d{4}/);
  const reference = await form.reference(/[A-Z]{2,6}-\d{4}/);
  return { id: new URL(page.url()).pathname.split("/").at(-1)!, reference };
}

/** An anchor's decision from the input's page, in English with JavaScript (set-up for other journeys). */
export async function acceptAndPublish(page: Page, slug: string, id: string) {
  await page.goto(`/en/moderation/${slug}/submissions/${id}`);
  await page.getByRole("button", { name: "Accept", exact: true }).click();
  await expect(page.getByText("The input is accepted.")).toBeVisible();
  await page.getByRole("button", { name: /^Publish/ }).click();
  await expect(page.getByText("The input is published.")).toBeVisible();
}

const checkers = new WeakMap<Browser, Page>();

/**
 * axe runs inside the page, which a page without JavaScript cannot do: its HTML, as served and as
 * the person sees it, is written into a page of the same origin that runs axe (the served page's
 * scripts stay inert there, their nonces not matching). With JavaScript the page itself is checked.
 */
export async function accessible(page: Page, v: Variant) {
  if (v.js) {
    // After a client-side navigation (an action's redirect), the new page's title is set when its
    // metadata has streamed in, a moment after its content: judge the page once it has arrived.
    await expect(page).toHaveTitle(/\S/);
    return expectAccessible(page);
  }
  const browser = page.context().browser()!;
  let checker = checkers.get(browser);
  if (!checker) {
    checker = await (await browser.newContext()).newPage();
    checkers.set(browser, checker);
  }
  await checker.goto(new URL("/en/accessibility-check", page.url()).toString());
  await checker.setContent(await page.content(), { waitUntil: "load" });
  // The styles applied (colour contrast is judged on them), and none of the page's scripts ran.
  expect(await checker.evaluate(() => [...document.styleSheets].some((s) => s.cssRules.length > 0))).toBe(true);
  expect(await checker.evaluate(() => document.documentElement.dataset.hydrated)).toBeUndefined();
  await expectAccessible(checker);
}

// ---- from the NGO journey
// Shared by the journey specs (e2e/journey-*.spec.ts): the screenshots of each step, and the
// message catalogues, so that a journey in any language finds its links and buttons by their words.

export type JourneyLocale = "en" | "fr" | "es" | "ar";

/** The page's words in `locale` (the same catalogue the app renders from). */
export const messagesOf = (locale: JourneyLocale): typeof en =>
  JSON.parse(fs.readFileSync(path.join("messages", `${locale}.json`), "utf8")) as typeof en;

/** A message with its {placeholders} filled (for messages without plural or select). */
export const say = (message: string, values: Record<string, string | number>) =>
  message.replace(/\{(\w+)\}/g, (all, k: string) => (k in values ? String(values[k]) : all));

/**
 * The NGO journey's screenshots, in the layout of `shots` above: `JOURNEY_SHOTS/<role>/NN-step[-ar][-nojs].png`
 * (`npm run journeys` sets docs/journeys), else test-results/journeys. `variant` is "<locale>-js" or "<locale>-nojs".
 */
export function journeyShots(role: string, variant: string) {
  const dir = path.join(process.env.JOURNEY_SHOTS || path.join("test-results", "journeys"), role);
  const [locale, js] = variant.split("-");
  const suffix = `${locale === "en" ? "" : `-${locale}`}${js === "nojs" ? "-nojs" : ""}`;
  fs.mkdirSync(dir, { recursive: true });
  let n = 0;
  return {
    dir,
    async take(page: Page, name: string) {
      n += 1;
      await page.screenshot({
        path: path.join(dir, `${String(n).padStart(2, "0")}-${name}${suffix}.png`),
        fullPage: true,
      });
    },
  };
}

/**
 * axe for a page loaded without JavaScript: axe cannot run where scripts are off (its timers never
 * fire), so the page's HTML as the server sent it (scripts removed, styles kept through <base>) is
 * checked in a second page where scripts run. What axe sees is what the no-JS visitor got.
 */
export async function staticCopyForAxe(page: Page, checker: Page): Promise<Page> {
  // A click that navigates returns once the navigation has started: until the new document has
  // arrived, page.content() is an empty document (no lang, no title) or throws. Wait for the
  // server's page, whole, before copying it.
  let content = "";
  await expect
    .poll(
      async () => {
        await page.waitForLoadState("load").catch(() => undefined);
        content = await page.content().catch(() => "");
        return (
          /<html[^>]*\blang="[^"]+"/i.test(content) &&
          /<title>[^<]+<\/title>/i.test(content) &&
          /<\/body>/i.test(content)
        );
      },
      { timeout: 30_000, message: `the page at ${page.url()} finished loading` },
    )
    .toBe(true);
  const origin = new URL(page.url()).origin;
  const html = content
    .replace(/<script\b[\s\S]*?<\/script>/gi, "")
    .replace(/<head>/i, `<head><base href="${origin}/">`);
  await checker.setContent(html, { waitUntil: "load" });
  return checker;
}
