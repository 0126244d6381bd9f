import type { Locale } from "@/db/schema";
import { loadMessages } from "@/lib/i18n/messages";

/** A region's name in an e-mail's language (the UI catalogue's), falling back to the stored name. */
export async function regionNameIn(locale: Locale, slug: string, fallback: string): Promise<string> {
  const regions = (await loadMessages(locale)).regions as Record<string, { name?: string } | undefined>;
  return regions[slug]?.name ?? fallback;
}
