"use client";
// Plain links to the same page in each language: they work without JavaScript, and the only script
// is reading the current path.
import { usePathname } from "next/navigation";
import { localeAutonyms, locales, type AppLocale } from "@/lib/i18n/config";

export function LanguageSwitcher({ current, label }: { current: AppLocale; label: string }) {
  const pathname = usePathname() ?? `/${current}`;
  const rest = pathname.replace(/^\/(en|fr|es|ar)(?=\/|$)/, "");
  return (
    <ul aria-label={label} className="flex flex-wrap gap-3 text-sm">
      {locales.map((l) => (
        <li key={l}>
          {l === current ? (
            <span aria-current="true" lang={l} className="font-bold underline underline-offset-4">
              {localeAutonyms[l]}
            </span>
          ) : (
            <a href={`/${l}${rest}`} lang={l} hrefLang={l} className="text-white hover:underline">
              {localeAutonyms[l]}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
