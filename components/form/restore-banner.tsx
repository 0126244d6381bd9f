"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { BrowserCopy } from "./use-browser-copy";

/** The offer of the browser's unsent copy of a form (use-browser-copy): put it back, or discard it. */
export function RestoreBanner({
  copy,
  onRestore,
  onDiscard,
}: {
  copy: BrowserCopy;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  const t = useTranslations("submission");
  const format = useFormatter();
  return (
    <div
      role="region"
      aria-labelledby="restore-title"
      className="mb-6 rounded border-2 border-amber-700 bg-amber-50 p-4"
      data-testid="restore-banner"
    >
      <h2 id="restore-title" className="font-semibold">
        {t("restoreTitle")}
      </h2>
      <p>
        {t("restoreBody", {
          time: format.dateTime(new Date(copy.savedAt), { dateStyle: "medium", timeStyle: "short" }),
        })}
      </p>
      <p className="mt-2 flex gap-3">
        <button type="button" onClick={onRestore} className="rounded bg-brand px-3 py-1 text-white">
          {t("restore")}
        </button>
        <button type="button" onClick={onDiscard} className="underline">
          {t("discard")}
        </button>
      </p>
    </div>
  );
}
