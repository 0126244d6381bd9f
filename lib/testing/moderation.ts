// The world and helpers of the moderation tests (lib/moderation/*.test.ts): actors, an input
// submitted in one call, a moderator's action from raw form values, and what the audit and the
// outbox hold about an input.
import { and, asc, eq, ne } from "drizzle-orm";
import { auditEvents, emailOutbox, submissions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { submitSubmission } from "@/lib/submissions";
import { submissionSchema, type SubmissionContent } from "@/lib/submissions/schemas";
import { type TestDatabase } from "@/lib/testing/db";
import { buildWorld, type World } from "@/lib/testing/fixtures";
import { moderate } from "@/lib/moderation/decisions";
import { moderationActionSchema } from "@/lib/moderation/schemas";
import { beforeDeadlines as before, inputContent as content, newInput } from "@/lib/testing/inputs";

export interface Setup {
  t: TestDatabase;
  w: World;
  memberA: Actor;
  memberB: Actor;
  anchorX: Actor;
  anchorY: Actor;
  secretariat: Actor;
}

/** The world and its actors, in a database already given to lib/ with useDatabaseForTests. */
export async function setUp(t: TestDatabase): Promise<Setup> {
  const w = await buildWorld(t.db);
  return {
    t,
    w,
    memberA: await w.actor("memberA"),
    memberB: await w.actor("memberB"),
    anchorX: await w.actor("anchorX"),
    anchorY: await w.actor("anchorY"),
    secretariat: await w.actor("secretariat"),
  };
}

/** Helpers bound to one database and world. */
export function bind(get: () => Setup) {
  type SubmitOptions = Partial<SubmissionContent> & { consultationId?: string; organisationId?: string; now?: Date };
  const submit = async (actor: Actor, over: SubmitOptions = {}) => {
    const { w } = get();
    const {
      consultationId = w.consultationX,
      organisationId = actor.memberships[0]!.organisationId,
      now = before,
      ...c
    } = over;
    return submitSubmission({
      actor,
      input: submissionSchema.parse({
        ...newInput(consultationId, organisationId, "submit"),
        ...content(c),
      }),
      now,
    });
  };
  const stored = async (id: string) => (await get().t.db.select().from(submissions).where(eq(submissions.id, id)))[0]!;
  const versionOf = async (id: string) => (await stored(id)).version;
  const act = (actor: Actor, raw: Record<string, unknown>) =>
    moderate({ actor, input: moderationActionSchema.parse(raw) });
  /** The audit rows of moderators' actions on one input (the organisation's own submit/edit left out). */
  const moderationAudit = async (id: string) =>
    (
      await get()
        .t.db.select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.submissionId, id),
            ne(auditEvents.action, "submission.submit"),
            ne(auditEvents.action, "submission.edit"),
          ),
        )
        .orderBy(asc(auditEvents.id))
    ).map((a) => ({ who: a.actorId, action: a.action, from: a.fromState, to: a.toState, note: a.note }));
  const mailsAbout = async (reference: string, template = "changesRequested") =>
    (await get().t.db.select().from(emailOutbox).where(eq(emailOutbox.template, template))).filter((m) =>
      m.subject.includes(reference),
    );
  return { submit, stored, versionOf, act, moderationAudit, mailsAbout };
}
