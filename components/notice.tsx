import { getTranslations } from "next-intl/server";

/** Shows the outcome a button action redirected back with (?ok=… / ?error=…), translated. */
export async function Notice({ searchParams }: { searchParams: Record<string, string | string[] | undefined> }) {
  const ok = typeof searchParams.ok === "string" ? searchParams.ok : undefined;
  const error = typeof searchParams.error === "string" ? searchParams.error : undefined;
  const tOk = await getTranslations("notices");
  const tErr = await getTranslations("errors");
  if (error) {
    const text = tErr.has(error as never) ? tErr(error as never) : tErr("unexpected");
    return (
      <p role="alert" className="mb-4 rounded border-2 border-red-700 bg-red-50 p-3 text-red-900">
        {text}
      </p>
    );
  }
  if (ok && tOk.has(ok as never)) {
    return (
      <p role="status" className="mb-4 rounded border border-green-700 bg-green-50 p-3 text-green-900">
        {tOk(
          ok as never,
          { done: Number(searchParams.done) || 0, skipped: Number(searchParams.skipped) || 0 } as never,
        )}
      </p>
    );
  }
  return null;
}
