import "server-only";
// The receipt of a submitted input: to the person who submitted it and to the contact person the
// form names (the addresses the confirmation page names), each in their language, with a copy of
// what was submitted, so the organisation has its text even if the portal is out of reach.
import { and, inArray } from "drizzle-orm";
import { createTranslator } from "next-intl";
import type { Tx } from "@/db/client";
import { themeTranslations, type Locale } from "@/db/schema";
import { loadMessages } from "@/lib/i18n/messages";
import { countryList, languageName } from "@/lib/i18n/names";
import type { SubmissionContent } from "./schemas";

export interface ReceiptContent {
  title: string;
  themes: number[];
  summary: string;
  body: string;
  recommendations: string[];
  countries: string[];
  language: string;
  contactName: string | null;
  contactEmail: string | null;
  publication: SubmissionContent["publication"];
}

/** Who gets the receipt: the submitter (in their language) and the contact person, once each. */
export function receiptRecipients(
  submitter: { email: string; locale: Locale },
  contactEmail: string | null,
  orgLocale: Locale,
): { to: string; locale: Locale }[] {
  const out = [{ to: submitter.email, locale: submitter.locale }];
  if (contactEmail && contactEmail.trim().toLowerCase() !== submitter.email.trim().toLowerCase())
    out.push({ to: contactEmail.trim(), locale: orgLocale });
  return out;
}

/** The names of an input's topics in its receipts' languages, keyed by topicKey: one query. */
export type TopicNames = ReadonlyMap<string, string>;
const topicKey = (locale: Locale, id: number) => `${locale}:${id}`;

export async function topicNames(tx: Tx, locales: readonly Locale[], ids: readonly number[]): Promise<TopicNames> {
  if (locales.length === 0 || ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: themeTranslations.themeId, locale: themeTranslations.locale, name: themeTranslations.name })
    .from(themeTranslations)
    .where(
      and(
        inArray(themeTranslations.locale, [...new Set(locales)]),
        inArray(themeTranslations.themeId, [...new Set(ids)]),
      ),
    );
  return new Map(rows.map((r) => [topicKey(r.locale, r.id), r.name]));
}

/** The submitted input as plain text, labelled in `locale`. */
export async function receiptCopy(locale: Locale, content: ReceiptContent, names: TopicNames): Promise<string> {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "submission" });
  const themeName = (id: number) => names.get(topicKey(locale, id)) ?? String(id);
  const section = (label: string, text: string) => `${label}\n${text}`;
  const parts = [
    section(t("fields.title"), content.title),
    section(t("fields.themes"), content.themes.map((id) => `- ${themeName(id)}`).join("\n")),
    section(t("fields.summary"), content.summary),
    section(t("fields.body"), content.body),
  ];
  if (content.recommendations.length)
    parts.push(
      section(t("fields.recommendations"), content.recommendations.map((r, i) => `${i + 1}. ${r}`).join("\n")),
    );
  if (content.countries.length) parts.push(section(t("fields.countries"), countryList(locale, content.countries)));
  parts.push(
    section(
      t("fields.language"),
      content.language === "other" ? t("languages.other") : languageName(locale, content.language),
    ),
  );
  if (content.contactName || content.contactEmail)
    parts.push(
      section(t("fields.contactName"), [content.contactName, content.contactEmail].filter(Boolean).join(", ")),
    );
  parts.push(section(t("fields.publication"), t(`publication.${content.publication}`)));
  return parts.join("\n\n");
}
