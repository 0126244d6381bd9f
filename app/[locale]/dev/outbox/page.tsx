import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { listLocalOutbox, localOutboxEnabled } from "@/lib/mail/local-outbox";
import { demoAllowedForThisRequest } from "@/lib/security/peer";

// Local demo mode only (no SMTP_URL, demo accounts on): every e-mail the portal would have sent,
// so sign-in links can be followed without a mail server. Absent in production. It holds every
// sign-in link, so only requests from this computer see it (unless DEMO_ALLOW_REMOTE=true).
export default async function LocalOutboxPage() {
  if (!localOutboxEnabled()) notFound();
  const t = await getTranslations("outbox");
  if (!(await demoAllowedForThisRequest())) {
    return (
      <div role="alert" data-testid="outbox-refused">
        <h1 className="text-3xl font-bold">{t("localOnlyTitle")}</h1>
        <p className="mt-2 max-w-2xl">{t("localOnlyBody")}</p>
      </div>
    );
  }
  const mails = await listLocalOutbox();
  return (
    <>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2">{t("lead")}</p>
      <ol className="mt-4 space-y-4">
        {mails.map((m) => (
          <li key={m.id} className="rounded border border-slate-300 p-3" data-testid="outbox-mail">
            <p className="text-sm" dir="ltr" data-testid="outbox-to">
              {m.to}
            </p>
            <p className="font-semibold" dir="auto" data-testid="outbox-subject">
              {m.subject}
            </p>
            <pre className="mt-2 whitespace-pre-wrap font-sans text-sm" dir="auto" data-testid="outbox-text">
              {m.text.split(/(https?:\/\/\S+)/g).map((part, i) =>
                /^https?:\/\//.test(part) ? (
                  <a key={i} href={part} className="text-brand underline" dir="ltr">
                    {part}
                  </a>
                ) : (
                  part
                ),
              )}
            </pre>
          </li>
        ))}
      </ol>
    </>
  );
}
