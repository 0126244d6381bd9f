// The inputs lib/exports/exports.test.ts records (setUp): text in Arabic and with French accents,
// line breaks, quotes, commas and formula-like starts in every field that can carry text, moderated,
// with attachments and a registration's participants; and the actors who read the exports.
import { and, eq } from "drizzle-orm";
import { attachments, organisations, participants, registrations, submissions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { moderate } from "@/lib/moderation/decisions";
import { moderationActionSchema } from "@/lib/moderation/schemas";
import { saveDraft, submitSubmission } from "@/lib/submissions";
import { draftSchema, submissionSchema, type SubmissionContent } from "@/lib/submissions/schemas";
import type { TestDatabase } from "@/lib/testing/db";
import { buildWorld, type World } from "@/lib/testing/fixtures";
import { idempotencyKey as key, inputContent as content, newInput } from "@/lib/testing/inputs";

// Every field that can carry text gets Arabic, French accents, line breaks, quotes, commas, and a
// value starting with each of = + - @ tab CR. The form trims leading whitespace, so tab and CR are
// written straight into the database (as an import or a future channel could).
export const ARABIC = "حقوق العمال المهاجرين";
export const FRENCH = "Sécurité, dignité";
export const tricky = {
  title: '=HYPERLINK("http://x")',
  summary: "-2",
  body: '@SUM(A1)\nLine two, with "quotes", and a comma.\r\nLine three after CRLF.',
  recommendations: ["+1+1", FRENCH, 'Say "no",\nthen "yes"', ARABIC, "-1"],
  language: "fr" as const,
};
export const arabic = {
  title: ARABIC,
  summary: `يجب حماية ${ARABIC}، "دائماً"، في كل مكان`,
  body: `${ARABIC}\nسطر ثانٍ, مع فاصلة`,
  recommendations: ["=1+2", `${ARABIC} "الآن"`],
  language: "ar" as const,
  countries: ["JO" as const, "LB" as const],
  themes: [2, 5],
};
export const french = {
  title: FRENCH,
  summary: 'Il a dit "oui", puis\n"non".',
  body: "Première ligne : sécurité.\nDeuxième ligne, « guillemets », virgules, et dignité.",
  recommendations: ["Garantir la dignité des travailleuses migrantes", "@Ministère, agir"],
  language: "fr" as const,
  contactName: "Éloïse Dupré-Łukasz",
  themes: [1, 3, 6],
};

export interface Setup {
  t: TestDatabase;
  w: World;
  memberA: Actor;
  ownerA: Actor;
  memberB: Actor;
  anchorX: Actor;
  anchorY: Actor;
  secretariat: Actor;
  ids: Record<"tricky" | "arabic" | "french" | "plain" | "inY", string>;
}

export async function setUp(t: TestDatabase): Promise<Setup> {
  const w = await buildWorld(t.db);
  const [memberA, ownerA, memberB, anchorX, anchorY, secretariat] = await Promise.all(
    (["memberA", "ownerA", "memberB", "anchorX", "anchorY", "secretariat"] as const).map((n) => w.actor(n)),
  );
  let minute = 0;
  const submit = async (
    actor: Actor,
    organisationId: string,
    over: Partial<SubmissionContent>,
    consultationId = w.consultationX,
  ) =>
    (
      await submitSubmission({
        actor,
        input: submissionSchema.parse({
          ...newInput(consultationId, organisationId, "submit"),
          ...content(over),
        }),
        now: new Date(Date.UTC(2017, 6, 1, 0, minute++)),
      })
    ).id;
  const ids = {
    tricky: await submit(memberA!, w.orgA, tricky),
    arabic: await submit(memberB!, w.orgB, arabic),
    french: await submit(memberA!, w.orgA, french),
    plain: await submit(memberA!, w.orgA, { title: "Plain input", summary: "Nothing special here." }),
    inY: await submit(memberA!, w.orgA, { title: "Sécurité in MENA", summary: "Dignité, too." }, w.consultationY),
  };
  // A draft: never exported.
  await saveDraft({
    actor: memberA!,
    input: draftSchema.parse({
      ...newInput(w.consultationX, w.orgA, "draft"),
      title: "=DRAFT()",
    }),
  });
  // Moderation: two accepted (one published), keywords.
  const version = async (id: string) =>
    (await t.db.select({ v: submissions.version }).from(submissions).where(eq(submissions.id, id)))[0]!.v;
  const act = async (raw: Record<string, unknown>) =>
    moderate({ actor: anchorX!, input: moderationActionSchema.parse(raw) });
  await act({ action: "accept", submissionId: ids.arabic, version: await version(ids.arabic) });
  await act({ action: "accept", submissionId: ids.french, version: await version(ids.french) });
  await act({ action: "publish", submissionId: ids.french, version: await version(ids.french) });
  await act({
    action: "tag",
    submissionId: ids.arabic,
    version: await version(ids.arabic),
    themes: [2, 5],
    keywords: "travail, +urgent",
  });
  // What the form would trim, written directly.
  await t.db
    .update(submissions)
    .set({ contactName: "\tTab", keywords: ["\rCR", "=k", "dignité", "a,b"], channel: "paper" })
    .where(eq(submissions.id, ids.tricky));
  // The form stores line breaks as "\n"; a CRLF written directly must still come back intact.
  await t.db
    .update(submissions)
    .set({ contactName: "\r\nCRLF name", body: 'Line one\r\nLine two, "quoted"\rLine three' })
    .where(eq(submissions.id, ids.plain));
  await t.db
    .update(organisations)
    .set({ name: "+Org B, «الدولية»", verifiedAt: new Date() })
    .where(eq(organisations.id, w.orgB));
  // A bare LF and a bare CR each in a field of their own, and a leading space: all must be quoted.
  await t.db
    .update(submissions)
    .set({ summary: " Leading space", keywords: ["lf\nonly", "cr\ronly"] })
    .where(eq(submissions.id, ids.french));
  // Attachments (only their names, sizes and links are exported).
  await t.db.insert(attachments).values([
    {
      submissionId: ids.arabic,
      fileName: "تقرير, «2017».pdf",
      mediaType: "application/pdf",
      size: 123_456,
      sha256: "0".repeat(64),
      storageKey: `test-${key()}`,
    },
    {
      submissionId: ids.arabic,
      fileName: 'Annexe "B".odt',
      mediaType: "application/vnd.oasis.opendocument.text",
      size: 2048,
      sha256: "1".repeat(64),
      storageKey: `test-${key()}`,
    },
  ]);
  // Participants of A's registration in X, for the registrations sheet and the participants export.
  const [reg] = await t.db
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(eq(registrations.organisationId, w.orgA), eq(registrations.consultationId, w.consultationX)));
  await t.db.insert(participants).values([
    {
      registrationId: reg!.id,
      position: 1,
      name: "=cmd|' /C calc'!A0",
      title: "+Dr",
      email: "p1@example.net",
      attendance: "in_person",
      visaLetter: true,
      nationality: "-TH",
      accessibility: "@wheelchair",
      interpretationLanguage: "\tfr",
      dietary: "\rhalal",
      travelSupport: true,
      travelSupportReason: `${ARABIC}, "${FRENCH}"\nsecond line`,
    },
    { registrationId: reg!.id, position: 2, name: "Zoë Ndiaye", email: "p2@example.net", attendance: "remote" },
  ]);
  return {
    t,
    w,
    memberA: memberA!,
    ownerA: ownerA!,
    memberB: memberB!,
    anchorX: anchorX!,
    anchorY: anchorY!,
    secretariat: secretariat!,
    ids,
  };
}
