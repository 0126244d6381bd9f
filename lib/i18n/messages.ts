import type { AppLocale } from "./config";
import type en from "@/messages/en.json";

export type Messages = typeof en;

const loaders: Record<AppLocale, () => Promise<{ default: unknown }>> = {
  en: () => import("@/messages/en.json"),
  fr: () => import("@/messages/fr.json"),
  es: () => import("@/messages/es.json"),
  ar: () => import("@/messages/ar.json"),
};

export async function loadMessages(locale: AppLocale): Promise<Messages> {
  return (await loaders[locale]()).default as Messages;
}
