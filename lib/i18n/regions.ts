import { getTranslations } from "next-intl/server";

/**
 * A consultation's region and city in the UI language, falling back to the stored names. A later
 * round's copy of a 2017 consultation ("pacific-2025") is named as the 2017 one ("pacific").
 */
export async function regionNames(c: { slug: string; region: string; city: string }) {
  const t = await getTranslations("regions");
  const has = (k: string) => t.has(k as never);
  const copied = /^(.+)-\d{4}$/.exec(c.slug)?.[1];
  if (!has(`${c.slug}.name`) && copied && has(`${copied}.name`)) {
    // Only while the copy is in the original's city (the English catalogue's): a copy moved elsewhere keeps its own names.
    const en = await getTranslations({ locale: "en", namespace: "regions" });
    const same = (k: string, stored: string) => !en.has(k as never) || en(k as never) === stored;
    if (same(`${copied}.city`, c.city)) {
      return {
        region: t(`${copied}.name` as never),
        city: has(`${copied}.city`) ? t(`${copied}.city` as never) : c.city,
      };
    }
  }
  return {
    region: has(`${c.slug}.name`) ? t(`${c.slug}.name` as never) : c.region,
    city: has(`${c.slug}.city`) ? t(`${c.slug}.city` as never) : c.city,
  };
}
