import { expect, type Page } from "@playwright/test";
import { ready } from "./fixtures";

// The servers under test allow this many sign-in e-mails per address per hour (the suite signs the
// demo accounts in many times); the rate-limit test checks that the next one is refused.
export const E2E_SIGN_IN_LIMIT = 80;

export const runTag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The newest e-mail to `to` in the local outbox, and the first link in it. */
export async function latestMail(page: Page, to: string): Promise<{ subject: string; text: string; link: string }> {
  await page.goto("/en/dev/outbox");
  const mail = page
    .getByTestId("outbox-mail")
    .filter({ has: page.getByTestId("outbox-to").getByText(to, { exact: true }) })
    .first();
  await expect(mail).toBeVisible();
  const subject = (await mail.getByTestId("outbox-subject").textContent()) ?? "";
  const text = (await mail.getByTestId("outbox-text").textContent()) ?? "";
  const link = (await mail.getByRole("link").first().getAttribute("href")) ?? "";
  return { subject, text, link };
}

export async function requestLink(page: Page, email: string, locale = "en") {
  await page.goto(`/${locale}/sign-in`);
  await ready(page);
  await page
    .getByLabel(/e-mail|courriel|correo|البريد/i)
    .first()
    .fill(email);
  await page.locator("form button[type=submit]").click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/sign-in/check-email$`));
}

/** Signs in through the magic link from the local outbox, as a person would. */
export async function signIn(page: Page, email: string) {
  await requestLink(page, email);
  const { link } = await latestMail(page, email);
  await page.goto(link);
  await ready(page);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/en\/account/);
}

export async function signOut(page: Page) {
  await page.goto("/en/account");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

export async function expectAccessible(page: Page) {
  const AxeBuilder = (await import("@axe-core/playwright")).default;
  const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(
    r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    page.url(),
  ).toEqual([]);
}

/**
 * Names and nationalities the specs type that must never reach a server log (e2e/log-check.ts also
 * reads the specs for what they fill into name fields; list here what that cannot see).
 */
export const PERSONAL_DATA_TYPED: readonly string[] = [
  "Aminata Diallo",
  "Jorge Quispe",
  "María Yupanqui",
  "Rosa Chávez",
  "Nadia Haddad",
  "Leïla Benali",
];
