import { expect, ready, test } from "./fixtures";
import { expectAccessible, latestMail, runTag, signIn, signOut } from "./helpers";

test.describe("registering for a consultation", () => {
  test("with JavaScript: two participants; the anchor waitlists then confirms; the organisation sees it and is e-mailed", async ({
    page,
  }) => {
    // No session, no export.
    expect((await page.request.get("/api/moderation/africa/participants?format=csv")).status()).toBe(401);
    await signIn(page, "owner@example.org");
    await page.goto("/en/consultations/africa");
    await page.getByRole("link", { name: "Register your organisation" }).click();
    await ready(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Register for the Africa consultation");

    const p1 = page.getByTestId("participant").nth(0);
    await p1.getByLabel("Full name").fill("Aminata Diallo");
    await p1.getByLabel("E-mail").fill("aminata@example.net");
    await p1.getByLabel("Needs a visa support letter").check();
    await p1.getByLabel("Nationality (for the visa letter)").selectOption("SN");
    await p1.getByLabel("Interpretation into (language) (optional)").fill("français");
    await page.getByRole("button", { name: "Add a participant" }).click();
    const p2 = page.getByTestId("participant").nth(1);
    await p2.getByLabel("Full name").fill("Jorge Quispe");
    await p2.getByLabel("E-mail").fill("jorge@example.net");
    await p2.getByLabel("Remotely").check();
    await page.getByLabel("The participants agree to this use of their personal data.").check();
    await page.getByRole("button", { name: "Save the registration" }).click();
    await expect(page.getByText("Saved. Your registration is confirmed.")).toBeVisible();
    await expect(page.getByTestId("participant")).toHaveCount(2);
    await expectAccessible(page);
    await page.goto("/ar/consultations/africa/register");
    await expectAccessible(page);
    await signOut(page);

    await signIn(page, "anchor.africa@example.org");
    await page.goto("/en/moderation/africa/registrations?need=visa");
    await expectAccessible(page);
    const row = page.getByTestId("registration-row").filter({ hasText: "Demo Migrant Network" });
    await expect(row).toContainText("Aminata Diallo");
    await expect(row).toContainText("Visa letter (Senegal)");
    await row.getByRole("button", { name: "Waitlist the registration of Demo Migrant Network" }).click();
    await expect(page.getByText("The registration has been updated.")).toBeVisible();
    await expect(page).toHaveURL(/need=visa/);
    await page
      .getByTestId("registration-row")
      .filter({ hasText: "Demo Migrant Network" })
      .getByRole("button", { name: "Confirm the registration of Demo Migrant Network" })
      .click();
    await expect(page.getByTestId("registration-row").filter({ hasText: "Demo Migrant Network" })).toContainText(
      "Registration confirmed",
    );

    // The logistics export holds the participants, formulas neutralised.
    const csv = await page.request.get("/api/moderation/africa/participants?format=csv");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-disposition"]).toContain("attachment");
    const text = await csv.text();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain("Aminata Diallo");
    // Another consultation's export is not this anchor's.
    expect((await page.request.get("/api/moderation/asia/participants?format=csv")).status()).toBe(404);
    await signOut(page);

    const mail = await latestMail(page, "owner@example.org");
    expect(mail.subject).toBe("Registration confirmed: Africa consultation");
    await signIn(page, "owner@example.org");
    await page.goto("/en/consultations/africa/register");
    await expect(page.getByTestId("registration-status")).toContainText("Registration confirmed");
  });

  test("without JavaScript: errors are shown with the text kept, rows are added, and the registration saved", async ({
    browser,
  }) => {
    const tag = runTag();
    const email = `nojs-${tag}@example.net`;
    const js = await browser.newContext();
    const setup = await js.newPage();
    await signIn(setup, email);
    const cookies = await js.cookies();
    await js.close();

    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto("/es/organisations/new");
    await page.getByLabel("Nombre de la organización").fill(`Colectivo ${tag}`);
    await page.getByLabel("Tipo de organización").selectOption("grassroots");
    await page.getByLabel("País").selectOption("EC");
    await page.getByRole("checkbox", { name: "español" }).check();
    await page.getByLabel("Correo electrónico de contacto").fill(email);
    await page.locator("form button[type=submit]").last().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Colectivo ${tag}`);

    await page.goto("/es/consultations/latin-america-caribbean/register");
    await page.getByLabel("Nombre completo").fill("María Yupanqui");
    // No e-mail, no consent: the server explains, and keeps what was typed.
    await page.getByRole("button", { name: "Guardar la inscripción" }).click();
    const summary = page.getByTestId("error-summary");
    await expect(summary).toBeVisible();
    await expect(summary.getByRole("link").first()).toHaveAttribute("href", /#field-/);
    await expect(page.getByLabel("Nombre completo")).toHaveValue("María Yupanqui");

    await page.getByRole("button", { name: "Añadir un participante" }).click();
    await expect(page.getByTestId("participant")).toHaveCount(2);
    await expect(page.getByTestId("participant").nth(0).getByLabel("Nombre completo")).toHaveValue("María Yupanqui");
    const [first, second] = [page.getByTestId("participant").nth(0), page.getByTestId("participant").nth(1)];
    await first.getByLabel("Correo electrónico").fill("maria@example.net");
    await second.getByLabel("Nombre completo").fill("Rosa Chávez");
    await second.getByLabel("Correo electrónico").fill("rosa@example.net");
    await page.getByRole("checkbox", { name: /Los participantes/ }).check();
    await page.getByRole("button", { name: "Guardar la inscripción" }).click();
    await expect(page.getByTestId("registration-status")).toBeVisible();
    await expect(page.getByTestId("participant")).toHaveCount(2);
    await context.close();
  });
});
