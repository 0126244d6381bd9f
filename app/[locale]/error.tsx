"use client";
// A clear message instead of a blank page when a page fails (e.g. the database is unreachable).
import { useErrorStrings } from "@/components/error-strings";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useErrorStrings();
  return (
    <div role="alert">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="mt-2">{t.body}</p>
      <p className="mt-4 flex gap-4">
        <button type="button" onClick={reset} className="rounded bg-brand px-4 py-2 text-white">
          {t.retry}
        </button>
        <a href="." className="text-brand underline">
          {t.backHome}
        </a>
      </p>
    </div>
  );
}
