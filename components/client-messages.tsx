import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { Messages } from "@/lib/i18n/messages";

/** Sends the browser only the message namespaces its client components use (pages stay light). */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: (keyof Messages)[];
  children: React.ReactNode;
}) {
  const all = (await getMessages()) as Messages;
  const picked: Partial<Messages> = {};
  for (const ns of new Set<keyof Messages>(["errors", "validation", "form", ...namespaces])) {
    (picked as Record<string, unknown>)[ns] = all[ns];
  }
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
