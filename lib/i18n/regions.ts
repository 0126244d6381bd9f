import { getTranslations } from "next-intl/server";

/**
 * A consultation's region and city in the UI language, falling back to the stored names. A later
 * round's copy of a 2017 consultation ("pacific-2025") is named as the 2017 one ("pacific").
 */
export async function regionNames(c: { slug: string; region: string; city: string }) {
  const t = await getTranslations("regions");
  const has = (k: string) => t.has(k as never);
  const copied = /^(.+)-\d{4}$/.exec(c.slug)?.[1];
  const key = !has(`${c.slug}.name`) && copied && has(`${copied}.name`) ? copied : c.slug;
  return {
    region: has(`${key}.name`) ? t(`${key}.name` as never) : c.region,
    city: has(`${key}.city`) ? t(`${key}.city` as never) : c.city,
  };
}
