import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { seedConsultations } from "../db/seed-data";

const locales = [
  { locale: "en", dir: "ltr", title: "Regional civil society consultations", region: "Pacific", french: "Français" },
  {
    locale: "fr",
    dir: "ltr",
    title: "Consultations régionales de la société civile",
    region: "Pacifique",
    french: "Français",
  },
  {
    locale: "es",
    dir: "ltr",
    title: "Consultas regionales de la sociedad civil",
    region: "Pacífico",
    french: "Français",
  },
  {
    locale: "ar",
    dir: "rtl",
    title: "المشاورات الإقليمية للمجتمع المدني",
    region: "المحيط الهادئ",
    french: "Français",
  },
] as const;

test("/ redirects by Accept-Language", async ({ request }) => {
  for (const [header, expected] of [
    ["fr-FR,fr;q=0.9,en;q=0.5", "/fr"],
    ["es-EC,es;q=0.9", "/es"],
    ["ar-LB,ar;q=0.9", "/ar"],
    ["de-DE", "/en"],
  ] as const) {
    const res = await request.get("/", { headers: { "Accept-Language": header }, maxRedirects: 0 });
    expect(res.status(), header).toBeGreaterThanOrEqual(300);
    expect(res.status(), header).toBeLessThan(400);
    expect(new URL(res.headers()["location"] ?? "", "http://x").pathname, header).toBe(expected);
  }
});

for (const l of locales) {
  test(`home in ${l.locale}: seven consultations, language and direction`, async ({ page }) => {
    await page.goto(`/${l.locale}`);
    await expect(page.locator("html")).toHaveAttribute("lang", l.locale);
    await expect(page.locator("html")).toHaveAttribute("dir", l.dir);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(l.title);
    await expect(page.getByTestId("consultation-card")).toHaveCount(seedConsultations.length);
    await expect(page.getByRole("heading", { level: 3, name: l.region })).toBeVisible();
  });

  test(`home and detail in ${l.locale} have no WCAG 2.2 AA violations`, async ({ page }) => {
    for (const path of [`/${l.locale}`, `/${l.locale}/consultations/mena`]) {
      await page.goto(path);
      const results = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
        .analyze();
      expect(
        results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
        path,
      ).toEqual([]);
    }
  });
}

test("detail page shows the facts and themes, and the switcher keeps the page", async ({ page }) => {
  await page.goto("/en/consultations/pacific");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pacific");
  await expect(page.getByText(/^2\s*–\s*3 November 2017$/)).toBeVisible();
  await expect(page.getByText("PIANGO, CCF; partners SAPMiC (Sydney Univ.), DTP (UNSW), MFA")).toBeVisible();
  await expect(page.getByText("Nadi time (UTC+12)")).toBeVisible();
  // The six themes (the region's published contribution, when final, has lists of its own below).
  await expect(page.locator('section[aria-labelledby="themes"] ol > li')).toHaveCount(6);
  await page.getByRole("link", { name: "العربية" }).click();
  await expect(page).toHaveURL(/\/ar\/consultations\/pacific$/);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("المحيط الهادئ");
});

test("an unknown consultation is a translated 404", async ({ page }) => {
  const res = await page.goto("/fr/consultations/atlantis");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
});

test("pages work without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/es");
  await expect(page.getByTestId("consultation-card")).toHaveCount(7);
  await page.getByRole("link", { name: /Pacífico/ }).click();
  await expect(page).toHaveURL(/\/es\/consultations\/pacific$/);
  await context.close();
});
