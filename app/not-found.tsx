// Reached only for paths outside any locale that the proxy did not redirect (rare): a plain page
// that links to every language's home, in each language's own words.
import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import { localeAutonyms, locales } from "@/lib/i18n/config";

// Through a translator, not en.errors.… directly: the catalogue is precompiled (next.config.js).
const t = createTranslator({ locale: "en", messages: en, namespace: "errors" });

export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body>
        <main>
          <h1>{t("notFoundTitle")}</h1>
          <ul>
            {locales.map((l) => (
              <li key={l} lang={l}>
                <a href={`/${l}`}>{localeAutonyms[l]}</a>
              </li>
            ))}
          </ul>
        </main>
      </body>
    </html>
  );
}
