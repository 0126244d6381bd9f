// Every e-mail template renders in the recipient's language: subject and text are the catalogue's
// strings with the values filled in, the link appears verbatim, and no placeholder is left over.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { locales, type AppLocale } from "@/lib/i18n/config";
import { renderEmail, type EmailTemplate } from "@/lib/mail/outbox";

type EmailCatalogue = { signature: string } & Record<EmailTemplate, { subject: string; body: string }>;

const catalogue = (l: AppLocale) =>
  (JSON.parse(fs.readFileSync(path.resolve(`messages/${l}.json`), "utf8")) as { email: EmailCatalogue }).email;

// Characters a careless renderer might escape or treat as syntax: ?, &, =, ', -, _.
const url = "https://consult.example.org/fr/invitations/AbC-_1'2?x=1&y=2";

const cases: { template: EmailTemplate; values: Record<string, string | number> }[] = [
  { template: "signIn", values: { url, minutes: 30 } },
  {
    template: "organisationInvitation",
    values: { url, days: 14, organisation: "Pacific Rights Network", inviter: "Ana Tuilagi" },
  },
  { template: "anchorInvitation", values: { url, days: 14, region: "Pacific", city: "Suva" } },
  ...(
    ["registrationConfirmed", "registrationWaitlisted", "registrationDeclined", "registrationWithdrawn"] as const
  ).map((template) => ({
    template,
    values: { url, organisation: "Réseau Sahel Migrations", region: "Afrique" },
  })),
];

/** The catalogue string with each {name} replaced by its value (numbers formatted for the locale). */
function fill(message: string, values: Record<string, string | number>, locale: AppLocale): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no value for ${whole}`);
    return typeof v === "number" ? new Intl.NumberFormat(locale).format(v) : v;
  });
}

describe.each(locales)("renderEmail (%s)", (locale) => {
  const email = catalogue(locale);

  it.each(cases)("$template", async ({ template, values }) => {
    const { subject, text } = await renderEmail({ locale, template, values });

    expect(subject).toBe(fill(email[template].subject, values, locale));
    expect(text).toBe(`${fill(email[template].body, values, locale)}\n\n${email.signature}\n`);

    expect(text).toContain(url);
    expect(subject).not.toMatch(/[{}]/);
    expect(text).not.toMatch(/[{}]/);
    for (const v of Object.values(values)) if (typeof v === "string") expect(`${subject}\n${text}`).toContain(v);

    // In that language, not English.
    if (locale !== "en") {
      const en = await renderEmail({ locale: "en", template, values });
      expect(subject).not.toBe(en.subject);
      expect(text).not.toBe(en.text);
      expect(text).not.toContain(catalogue("en").signature);
    }
  });
});
