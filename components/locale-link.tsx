import { useLocale } from "next-intl";

/** A plain link inside the current language (no client script: pages stay light). Not async: an
 * async component costs every render a promise and a row of its own in the page's payload, and
 * pages render dozens of these. */
export function LocaleLink({ href, ...rest }: Omit<React.ComponentProps<"a">, "href"> & { href: string }) {
  const locale = useLocale();
  return <a href={`/${locale}${href === "/" ? "" : href}`} {...rest} />;
}
