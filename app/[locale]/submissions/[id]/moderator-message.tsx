import { getTranslations } from "next-intl/server";

/** What the moderators asked for, on the input's page and its edit page, while changes are requested. */
export async function ModeratorMessage({
  s,
  wide = false,
}: {
  s: { moderatorMessage: string | null; status: string };
  wide?: boolean;
}) {
  if (!s.moderatorMessage || s.status !== "changes_requested") return null;
  const t = await getTranslations("mySubmissions");
  return (
    <section
      aria-labelledby="modmsg"
      className={`mt-4 ${wide ? "" : "max-w-3xl "}rounded border-2 border-amber-700 bg-amber-50 p-3`}
    >
      <h2 id="modmsg" className="font-semibold">
        {t("moderatorMessage")}
      </h2>
      <p dir="auto" className="whitespace-pre-line" data-testid="moderator-message">
        {s.moderatorMessage}
      </p>
    </section>
  );
}
