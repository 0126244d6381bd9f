import { getTranslations } from "next-intl/server";

/** A consultation's region and city in the UI language, falling back to the stored names. */
export async function regionNames(c: { slug: string; region: string; city: string }) {
  const t = await getTranslations("regions");
  const has = (k: string) => t.has(k as never);
  return {
    region: has(`${c.slug}.name`) ? t(`${c.slug}.name` as never) : c.region,
    city: has(`${c.slug}.city`) ? t(`${c.slug}.city` as never) : c.city,
  };
}
