import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { databaseReachable } from "@/lib/health";
import { ErrorStringsProvider } from "@/components/error-strings";
import { HydrationMarker } from "@/components/hydration-marker";
import { LanguageSwitcher } from "@/components/language-switcher";
import { LocaleLink as Link } from "@/components/locale-link";
import { directionOf, isLocale, locales } from "@/lib/i18n/config";
import "../globals.css";

// Every page reads the database or the session: nothing is prerendered at build time (the
// embedded database is single-process, and a build must never open it).
export const dynamic = "force-dynamic";

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: { default: t("title"), template: `%s · ${t("title")}` }, description: t("description") };
}

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("common");
  const te = await getTranslations("errors");
  // When the database cannot be reached the layout shows the error itself instead of the page: a page
  // that fails while rendering gets an empty document from Next.js (error.tsx is rendered only in the
  // browser), which a browser without JavaScript would show blank. Next.js cannot give a rendered
  // page a 5xx status, so this answer is a 200.
  const actor = await getActor().catch(() => undefined);
  const reachable = actor !== undefined && (actor !== null || (await databaseReachable()));
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2"
        >
          {t("skipToContent")}
        </a>
        <header className="border-b border-slate-200 bg-brand text-white">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
            <Link href="/" className="text-lg font-semibold text-white underline-offset-4 hover:underline">
              {t("siteName")}
            </Link>
            <nav aria-label={t("mainNav")} className="flex flex-wrap items-center gap-4">
              <Link href="/inputs" className="text-white underline-offset-4 hover:underline">
                {t("publicInputs")}
              </Link>
              {actor ? (
                <>
                  {actor.secretariat ? (
                    <Link href="/secretariat" className="text-white underline-offset-4 hover:underline">
                      {t("secretariat")}
                    </Link>
                  ) : null}
                  {actor.secretariat || actor.anchorOf.length > 0 ? (
                    <Link href="/moderation" className="text-white underline-offset-4 hover:underline">
                      {t("moderation")}
                    </Link>
                  ) : null}
                  {actor.memberships.length > 0 ? (
                    <Link href="/submissions" className="text-white underline-offset-4 hover:underline">
                      {t("mySubmissions")}
                    </Link>
                  ) : null}
                  <Link href="/account" className="text-white underline-offset-4 hover:underline">
                    {t("account")}
                  </Link>
                </>
              ) : (
                <Link href="/sign-in" className="text-white underline-offset-4 hover:underline">
                  {t("signIn")}
                </Link>
              )}
              <LanguageSwitcher current={locale} label={t("language")} />
            </nav>
          </div>
        </header>
        {/* No message catalogue reaches the browser here, only error.tsx's words: pages with forms add
            theirs with next-intl's provider (ClientMessages). */}
        <ErrorStringsProvider
          strings={{ title: te("errorTitle"), body: te("errorBody"), retry: te("retry"), backHome: te("backHome") }}
        >
          <main id="main" className="mx-auto max-w-5xl px-4 py-8">
            {reachable ? (
              children
            ) : (
              <div role="alert">
                <h1 className="text-2xl font-bold">{te("errorTitle")}</h1>
                <p className="mt-2">{te("errorBody")}</p>
              </div>
            )}
          </main>
        </ErrorStringsProvider>
        <HydrationMarker />
        <footer className="border-t border-slate-200 bg-slate-50">
          <p className="mx-auto max-w-5xl px-4 py-6 text-sm text-slate-700">{t("footer")}</p>
        </footer>
      </body>
    </html>
  );
}
