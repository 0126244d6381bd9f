// The NGO newcomer's journey, as the person would tell it: "a new NGO signs in, creates its
// organisation, registers two participants and submits an input in French". Run with and without
// JavaScript, in English and in Arabic; every page visited is checked with axe, and each step is
// saved as a screenshot (e2e/journeys.ts: JOURNEY_SHOTS chooses the folder, `npm run journeys`).
import { expect, test, type Browser } from "@playwright/test";
import { ready } from "./fixtures";
import { expectAccessible, latestMail, runTag } from "./helpers";
import { journeyShots, messagesOf, say, staticCopyForAxe } from "./journeys";

const variants = [
  { locale: "en", js: true },
  { locale: "ar", js: false },
  { locale: "ar", js: true },
  { locale: "en", js: false },
] as const;

/** A first-time visitor's browser: its own context, JavaScript on or off. */
async function visitor(browser: Browser, js: boolean) {
  const context = await browser.newContext({ javaScriptEnabled: js, viewport: { width: 1024, height: 800 } });
  const page = await context.newPage();
  const settle = async () => {
    if (js) await ready(page);
  };
  // Where axe checks a no-JS page's HTML (see staticCopyForAxe).
  const checkerContext = js ? null : await browser.newContext({ viewport: { width: 1024, height: 800 } });
  const checker = checkerContext ? await checkerContext.newPage() : null;
  const close = async () => {
    await context.close();
    await checkerContext?.close();
  };
  return { context, page, settle, checker, close };
}

for (const { locale, js } of variants) {
  const variant = `${locale}-${js ? "js" : "nojs"}`;
  test(`journey (${variant}): a new NGO signs in, creates its organisation, registers two participants and submits an input in French`, async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    const m = messagesOf(locale);
    const tag = runTag();
    const email = `ngo-${tag}@example.net`;
    const contactEmail = `contact-${tag}@example.net`;
    const orgName = `Réseau Sahel Migrations ${tag}`;
    const africa = m.regions.africa.name;
    const { page, settle, checker, close } = await visitor(browser, js);
    const shots = journeyShots("ngo", variant);
    /** Each step: wait for the page, check it with axe, save its picture. */
    const step = async (name: string) => {
      await settle();
      await expectAccessible(checker ? await staticCopyForAxe(page, checker) : page);
      await shots.take(page, name);
    };
    const go = async (path: string) => {
      await page.goto(path);
      await settle();
    };

    // 1. The home page, then signing in by e-mailed link.
    await go(`/${locale}`);
    await step("home");
    await page.getByRole("navigation", { name: m.common.mainNav }).getByRole("link", { name: m.common.signIn }).click();
    await settle();
    await page.getByLabel(m.signIn.email).fill(email);
    await step("sign-in");
    await page.getByRole("button", { name: m.signIn.submit }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/sign-in/check-email$`));
    await step("check-email");
    const { link } = await latestMail(page, email);
    await go(link.replace(/^https?:\/\/[^/]+/, ""));
    await step("confirm-sign-in");
    await page.getByRole("button", { name: m.signIn.confirmButton }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/account`));

    // 2. The account page says there is no organisation yet, and offers to create one.
    await settle();
    await expect(page.getByText(m.account.noOrganisation)).toBeVisible();
    await step("account-new");
    await page.getByRole("link", { name: m.account.createOrganisation }).click();
    await settle();
    await step("organisation-form");

    // 3. Sent empty: the errors read as sentences, each linked to its field.
    await page.getByRole("button", { name: m.organisation.createSubmit }).click();
    const summary = page.getByTestId("error-summary");
    await expect(summary).toBeVisible();
    await expect(
      summary.getByRole("link", {
        name: new RegExp(m.organisation.contactEmail.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
      }),
    ).toHaveAttribute("href", "#field-contactEmail");
    await step("organisation-errors");

    // 4. Filled in; the website typed without https:// is accepted.
    await page.locator("#field-name").fill(orgName);
    await page.locator("#field-type").selectOption("migrant_led");
    await page.locator("#field-country").selectOption("ML");
    await page.locator("#field-city").fill("Bamako");
    await page.locator("#field-website").fill(`sahel-${tag}.example.org`);
    await page.locator("input[name=workingLanguages][value=fr]").check();
    await page.locator("input[name=workingLanguages][value=ar]").check();
    await page.locator("#field-contactEmail").fill(email);
    await page.locator("#field-locale").selectOption("fr");
    await page.getByRole("button", { name: m.organisation.createSubmit }).click();
    await expect(page.getByText(m.notices.organisationCreated)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(orgName);
    await expect(page.getByRole("link", { name: `https://sahel-${tag}.example.org` })).toBeVisible();
    // Working languages by name, joined as the page's language joins them.
    const languages = new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(
      ["fr", "ar"].map((c) => new Intl.DisplayNames([locale], { type: "language" }).of(c)!),
    );
    await expect(page.getByText(languages, { exact: true })).toBeVisible();
    await step("organisation-created");

    // 5. The organisation's page offers the next steps: register, and write an input.
    const activity = page.getByTestId("organisation-activity");
    await expect(
      activity.getByRole("link", { name: say(m.journey.writeInput, { region: africa }), exact: true }),
    ).toBeVisible();
    await activity.getByRole("link", { name: say(m.journey.register, { region: africa }), exact: true }).click();
    await settle();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(say(m.registration.title, { region: africa }));
    await step("registration-form");

    // 6. Two participants: one in person with a visa letter and travel support, one remotely.
    const p1 = page.getByTestId("participant").nth(0);
    await p1.locator("[id='field-participants.0.name']").fill("Fatoumata Keïta");
    await p1.locator("[id='field-participants.0.email']").fill(`fatoumata-${tag}@example.net`);
    if (js) await expect(p1.locator("[id='field-participants.0.travelSupportReason']")).toHaveCount(0);
    await p1.locator("[id='field-participants.0.visaLetter']").check();
    await p1.locator("[id='field-participants.0.nationality']").selectOption("ML");
    await p1.locator("[id='field-participants.0.travelSupport']").check();
    await p1
      .locator("[id='field-participants.0.travelSupportReason']")
      .fill("Notre réseau n'a pas de budget de voyage.");
    await page.getByRole("button", { name: m.registration.addParticipant }).click();
    await expect(page.getByTestId("participant")).toHaveCount(2);
    if (!js) await expect(p1.locator("[id='field-participants.0.name']")).toHaveValue("Fatoumata Keïta");
    const p2 = page.getByTestId("participant").nth(1);
    await p2.locator("[id='field-participants.1.name']").fill("Moussa Traoré");
    await p2.locator("[id='field-participants.1.email']").fill(`moussa-${tag}@example.net`);
    await p2.locator("input[name='participants.1.attendance'][value=remote]").check();
    await page.locator("#field-consent").check();
    await step("registration-filled");
    await page.getByRole("button", { name: m.registration.submit }).click();
    await expect(page.getByTestId("registration-status")).toBeVisible();
    // No capacity is set in the seed, so the seat is held at once; the account page must say the same.
    const status = m.registration.status.confirmed;
    await expect(page.getByTestId("registration-status")).toContainText(status);
    // The page says what was saved: both participants, their attendance and needs.
    const saved = page.getByTestId("registration-summary");
    await expect(saved.getByRole("listitem")).toHaveCount(2);
    await expect(saved).toContainText("Fatoumata Keïta");
    await expect(saved).toContainText(m.registration.attendance.remote);
    await expect(saved).toContainText(new Intl.DisplayNames([locale], { type: "region" }).of("ML")!);
    await step("registration-saved");

    // 7. The account page shows the registration with its status, and offers to write an input.
    await page
      .getByRole("navigation", { name: m.common.mainNav })
      .getByRole("link", { name: m.common.account })
      .click();
    await settle();
    const org = page.getByTestId("account-organisation").filter({ hasText: orgName });
    const africaRow = org.locator("[data-testid=activity-consultation][data-consultation=africa]");
    await expect(africaRow.getByTestId("activity-registration")).toContainText(status);
    await expect(africaRow.getByTestId("activity-inputs")).toContainText(m.journey.noInput);
    await step("account-registered");
    await africaRow.getByRole("link", { name: say(m.journey.writeInput, { region: africa }), exact: true }).click();
    await settle();
    await step("input-form");

    // 8. The input, in French. Countries are ticked, not Ctrl-clicked; with JavaScript, found by filter.
    await page.locator("#field-title").fill(`Protéger les migrantes domestiques ${tag}`);
    await page.locator("input[name=themes][value='1']").check();
    await page
      .locator("#field-summary")
      .fill("Les travailleuses domestiques migrantes ont besoin d'une protection juridique.");
    await page
      .locator("#field-body")
      .fill(
        "Premier paragraphe sur la situation au Mali.\n\nDeuxième paragraphe, avec « guillemets » et recommandations.",
      );
    await page.locator("[id='field-recommendations.0']").fill("Ratifier la Convention 189 de l'OIT.");
    if (js) {
      // The first letters of "Mali" in the page's language find it; Senegal is filtered out.
      await page
        .locator("#field-countries-filter")
        .fill(new Intl.DisplayNames([locale], { type: "region" }).of("ML")!.slice(0, 3));
      await expect(page.locator("input[name=countries][value=SN]")).toBeHidden();
    }
    await page.locator("input[name=countries][value=ML]").check();
    if (js) await page.locator("#field-countries-filter").fill("");
    await page.locator("input[name=countries][value=SN]").check();
    await page.locator("#field-language").selectOption("fr");
    await page.locator("#field-contactName").fill("Awa Coulibaly");
    await page.locator("#field-contactEmail").fill(contactEmail);
    await page.locator("input[name=publication][value=named]").check();

    // 9. Saved as a draft: the form comes back with everything in it (without JavaScript too).
    await page.getByRole("button", { name: m.submission.saveDraft }).click();
    if (js) await expect(page.getByRole("status").filter({ hasText: m.form.saved })).toBeVisible();
    else await expect(page.getByText(m.notices.draftSaved)).toBeVisible();
    await expect(page).toHaveURL(/draft=/);
    await expect(page.locator("#field-title")).toHaveValue(`Protéger les migrantes domestiques ${tag}`);
    await expect(page.locator("#field-body")).toHaveValue(/Deuxième paragraphe/);
    await expect(page.locator("input[name=countries][value=SN]")).toBeChecked();
    await expect(page.locator("#field-language")).toHaveValue("fr");
    await step("input-draft-saved");

    // 10. Submitted: the confirmation names where the receipt went.
    await page.getByRole("button", { name: m.submission.submit }).click();
    const confirmation = page.getByTestId("reference-confirmation");
    await expect(confirmation).toContainText(/AFR-\d{4}/);
    await expect(confirmation).toContainText(email);
    await expect(confirmation).toContainText(contactEmail);
    const reference = /AFR-\d{4}/.exec((await confirmation.textContent()) ?? "")?.[0] ?? "";
    await step("input-submitted");

    // 11. The receipt went to both addresses, with a copy of what was submitted.
    for (const to of [email, contactEmail]) {
      const receipt = await latestMail(page, to);
      expect(receipt.subject).toContain(reference);
      expect(receipt.text).toContain("Deuxième paragraphe, avec « guillemets » et recommandations.");
      expect(receipt.text).toContain("Ratifier la Convention 189 de l'OIT.");
    }
    await shots.take(page, "receipt-in-outbox");

    // 12. "Your inputs" (beside "Published inputs") and the account page show the input and its status.
    const nav = page.getByRole("navigation", { name: m.common.mainNav });
    await go(`/${locale}/account`);
    await expect(nav.getByRole("link", { name: m.common.publicInputs })).toBeVisible();
    const inputs = page
      .getByTestId("account-organisation")
      .filter({ hasText: orgName })
      .locator("[data-consultation=africa]")
      .getByTestId("activity-inputs");
    await expect(inputs).toContainText(reference);
    await expect(inputs).toContainText(m.mySubmissions.statuses.submitted);
    await step("account-with-input");
    await nav.getByRole("link", { name: m.common.mySubmissions }).click();
    await settle();
    await expect(page.getByTestId("my-submission").filter({ hasText: reference })).toContainText(
      m.mySubmissions.statuses.submitted,
    );
    await step("your-inputs");

    // 13. A plain "Sign out" beside "Sign out everywhere".
    await go(`/${locale}/account`);
    await expect(page.getByRole("button", { name: m.account.signOutEverywhere })).toBeVisible();
    await page.getByRole("button", { name: m.account.signOut, exact: true }).click();
    await expect(nav.getByRole("link", { name: m.common.signIn })).toBeVisible();
    await close();
  });
}
