import "server-only";
// Every e-mail is written to the outbox inside the transaction of the change that causes it, so an
// e-mail exists exactly when its change committed. lib/mail/sender.ts delivers it.
import { createTranslator } from "next-intl";
import type { DbOrTx } from "@/db/client";
import { emailOutbox, type Locale } from "@/db/schema";
import { loadMessages } from "@/lib/i18n/messages";

export type EmailTemplate =
  | "signIn"
  | "organisationInvitation"
  | "anchorInvitation"
  | "registrationConfirmed"
  | "registrationWaitlisted"
  | "registrationDeclined"
  | "registrationWithdrawn"
  | "submissionReceipt"
  | "submissionEnteredOnBehalf"
  | "changesRequested"
  | "submissionAccepted"
  | "submissionPublished";

export interface EmailInput {
  to: string;
  /** The organisation the e-mail is about, so that deleting it deletes the e-mail too. */
  organisationId?: string | null;
  locale: Locale;
  template: EmailTemplate;
  values: Record<string, string | number>;
}

export async function renderEmail({ locale, template, values }: Omit<EmailInput, "to">) {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "email" });
  const subject = t(`${template}.subject` as never, values as never);
  const body = t(`${template}.body` as never, values as never);
  return { subject, text: `${body}\n\n${t("signature")}\n` };
}

/** E-mails written together (an input's receipts to its sender and its contact person): one insert. */
export async function enqueueEmails(tx: DbOrTx, inputs: readonly EmailInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const rows = await Promise.all(
    inputs.map(async (input) => ({
      to: input.to,
      organisationId: input.organisationId ?? null,
      locale: input.locale,
      template: input.template,
      ...(await renderEmail(input)),
    })),
  );
  await tx.insert(emailOutbox).values(rows);
}

export async function enqueueEmail(tx: DbOrTx, input: EmailInput): Promise<void> {
  await enqueueEmails(tx, [input]);
}
