import { getLocale } from "next-intl/server";

/** A plain link inside the current language (no client script: pages stay light). */
export async function LocaleLink({ href, ...rest }: Omit<React.ComponentProps<"a">, "href"> & { href: string }) {
  const locale = await getLocale();
  return <a href={`/${locale}${href === "/" ? "" : href}`} {...rest} />;
}
