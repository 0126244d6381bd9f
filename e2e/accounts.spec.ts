import { expect, ready, test } from "./fixtures";
import { E2E_SIGN_IN_LIMIT, latestMail, requestLink, runTag, signIn, signOut } from "./helpers";

test.describe("accounts, organisations and roles", () => {
  test("a new user creates an organisation, invites a colleague who joins; the secretariat appoints an anchor", async ({
    page,
  }) => {
    const tag = runTag();
    const alice = `alice-${tag}@example.net`;
    const bob = `bob-${tag}@example.net`;
    const carol = `carol-${tag}@example.net`;

    await signIn(page, alice);
    await page.getByRole("link", { name: "Create an organisation" }).click();
    await ready(page);
    await page.getByLabel("Name of the organisation").fill(`Réseau des migrantes ${tag}`);
    await page.getByLabel("Type of organisation").selectOption("migrant_led");
    await page.getByLabel("Country").selectOption("ML");
    await page.getByLabel("City (optional)").fill("Bamako");
    await page.getByRole("checkbox", { name: "French" }).check();
    await page.getByLabel("Contact e-mail").fill(alice);
    await page.getByLabel("Language of e-mails to the organisation").selectOption("fr");
    await page.getByRole("button", { name: "Create organisation" }).click();
    await expect(page.getByText("Your organisation has been created.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Réseau des migrantes ${tag}`);
    const orgUrl = page.url().split("?")[0]!;

    await page.getByLabel("Colleague's e-mail address").fill(bob);
    await page.getByLabel("Language of the invitation").selectOption("es");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText("The invitation has been sent.")).toBeVisible();
    await signOut(page);

    // The invitation is in Spanish, as asked.
    const invite = await latestMail(page, bob);
    expect(invite.subject).toContain("Invitación");
    await signIn(page, bob);
    await page.goto(invite.link.replace(/^https?:\/\/[^/]+/, ""));
    await page
      .getByRole("button")
      .filter({ hasText: /Acept|Accept/ })
      .click();
    await expect(page).toHaveURL(new RegExp(`/es${new URL(orgUrl).pathname.replace(/^\/en/, "")}`));
    await expect(page.getByTestId("member-row")).toHaveCount(2);
    await signOut(page);

    await signIn(page, "secretariat@example.org");
    await page.goto("/en/secretariat");
    await page.getByRole("link", { name: "Pacific", exact: true }).click();
    await page.getByLabel("E-mail address").fill(carol);
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText("The invitation has been sent.")).toBeVisible();
    await signOut(page);

    const anchorInvite = await latestMail(page, carol);
    await signIn(page, carol);
    await page.goto(anchorInvite.link.replace(/^https?:\/\/[^/]+/, ""));
    await page.getByRole("button", { name: "Accept the invitation" }).click();
    await expect(page.getByText("You are now an anchor moderator of this consultation.")).toBeVisible();
    await expect(page.getByText("Anchor moderator: Pacific")).toBeVisible();
  });

  test("opening the link signs no one in; the button does, once", async ({ page, request }) => {
    const email = `dora-${runTag()}@example.net`;
    await requestLink(page, email);
    const { link } = await latestMail(page, email);
    const url = new URL(link);

    // A scanner fetching the link, or the raw callback, gets a page and uses nothing up.
    const scanned = await request.get(url.pathname + url.search);
    expect(scanned.status()).toBe(200);
    expect(scanned.headers()["set-cookie"] ?? "").not.toContain("authjs.session-token");
    const callback = await request.get(`/api/auth/callback/nodemailer?${url.searchParams.toString()}`, {
      maxRedirects: 0,
    });
    expect(callback.status()).toBe(303);
    expect(callback.headers()["location"]).toContain("/sign-in/confirm");
    await page.goto(url.pathname + url.search);
    await page.goto("/en/account");
    await expect(page).toHaveURL(/\/en\/sign-in/);

    await page.goto(url.pathname + url.search);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/en\/account/);
    await signOut(page);

    // Used once: the same link no longer signs in.
    await page.goto(url.pathname + url.search);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("This sign-in link has expired or was already used.")).toBeVisible();
    await page.goto("/en/account");
    await expect(page).toHaveURL(/\/en\/sign-in/);
  });

  test("the answer is the same for a known and an unknown address", async ({ page }) => {
    await requestLink(page, "owner@example.org");
    const known = await page.locator("main").innerText();
    await requestLink(page, `nobody-${runTag()}@example.net`);
    const unknown = await page.locator("main").innerText();
    expect(unknown).toBe(known);
  });

  test("the sign-in e-mail past the limit for one address within the hour is refused", async ({ page }) => {
    const email = `eve-${runTag()}@example.net`;
    for (let i = 0; i < E2E_SIGN_IN_LIMIT; i++) await requestLink(page, email);
    await page.goto("/en/sign-in");
    await page.getByLabel("E-mail address").fill(email);
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Too many sign-in e-mails");
    await expect(page.getByLabel("E-mail address")).toHaveValue(email);
  });

  test("sign-in e-mails come in the language of the page used", async ({ page }) => {
    const email = `fatima-${runTag()}@example.net`;
    await requestLink(page, email, "ar");
    const mail = await latestMail(page, email);
    expect(mail.link).toContain("/ar/sign-in/confirm");
    expect(mail.subject).toMatch(/[\u0600-\u06FF]/);
  });

  test("without JavaScript, an invalid address is explained and kept", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/fr/sign-in");
    await page.getByLabel("Adresse e-mail").fill("pas-une-adresse");
    await page.locator("form button[type=submit]").click();
    await expect(page.getByTestId("error-summary")).toBeVisible();
    await expect(page.getByTestId("error-summary").getByRole("link")).toHaveAttribute("href", "#field-email");
    await expect(page.getByLabel("Adresse e-mail")).toHaveValue("pas-une-adresse");
    await context.close();
  });

  test("pages for the signed-in send anonymous visitors to sign in; a member cannot edit another's organisation", async ({
    page,
  }) => {
    await page.goto("/en/secretariat");
    await expect(page).toHaveURL(/\/en\/sign-in\?next=/);
    await signIn(page, "anchor.asia@example.org");
    await page.goto("/en/secretariat");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
    await page.goto("/en/organisations/00000000-0000-4000-8000-000000000000");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  });
});

test("sign-in, account and organisation pages have no WCAG 2.2 AA violations", async ({ page }) => {
  const AxeBuilder = (await import("@axe-core/playwright")).default;
  const check = async (path: string) => {
    await page.goto(path);
    const r = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    expect(
      r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      path,
    ).toEqual([]);
  };
  await check("/ar/sign-in");
  await signIn(page, "owner@example.org");
  await check("/en/account");
  await check("/fr/organisations/new");
  await page.goto("/en/account");
  await page.getByRole("link", { name: "Demo Migrant Network" }).click();
  await check(new URL(page.url()).pathname);
  await signOut(page);
  await signIn(page, "secretariat@example.org");
  await check("/es/secretariat");
  await check("/en/secretariat/consultations/pacific");
});
