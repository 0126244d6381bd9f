import type { AppLocale } from "./config";
import type en from "@/messages/en.json";

export type Messages = typeof en;

const loaders: Record<AppLocale, () => Promise<{ default: unknown }>> = {
  en: () => import("@/messages/en.json"),
  fr: () => import("@/messages/fr.json"),
  es: () => import("@/messages/es.json"),
  ar: () => import("@/messages/ar.json"),
};

// Loaded once per locale: an import() of a module already loaded still costs about 0.1 ms, and a
// page can ask a dozen times (every time zone named, every e-mail). The catalogues never change while
// the server runs.
const loaded = new Map<AppLocale, Promise<Messages>>();

export function loadMessages(locale: AppLocale): Promise<Messages> {
  let messages = loaded.get(locale);
  if (!messages) {
    messages = loaders[locale]().then((m) => m.default as Messages);
    messages.catch(() => loaded.delete(locale));
    loaded.set(locale, messages);
  }
  return messages;
}
