import type { AppLocale } from "./config";
import type en from "@/messages/en.json";

export type Messages = typeof en;

export async function loadMessages(locale: AppLocale): Promise<Messages> {
  return (await import(`@/messages/${locale}.json`)).default as Messages;
}
