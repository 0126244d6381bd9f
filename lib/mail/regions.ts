import { createTranslator } from "next-intl";
import type { Locale } from "@/db/schema";
import { loadMessages } from "@/lib/i18n/messages";

/** A region's name in an e-mail's language (the UI catalogue's), falling back to the stored name. */
export async function regionNameIn(locale: Locale, slug: string, fallback: string): Promise<string> {
  // Through a translator, not the raw catalogue: under Next the catalogues are precompiled
  // (next.config.js), so a raw value is not always the text.
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "regions" });
  const key = `${slug}.name` as never;
  return t.has(key) ? t(key) : fallback;
}
