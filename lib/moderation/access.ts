import "server-only";
// An input as its moderators open it: sent (never a draft) and in a consultation the actor moderates
// (its anchors and the secretariat). To anyone else it does not exist.
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { submissions, type Submission } from "@/db/schema";
import { canModerate, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";

/** The input for its moderator; `lock`: locked for update, for a change in the caller's transaction. */
export async function submissionForModeration(
  db: DbOrTx,
  actor: Actor,
  submissionId: string,
  { lock = false }: { lock?: boolean } = {},
): Promise<Submission> {
  const query = db.select().from(submissions).where(eq(submissions.id, submissionId));
  const [s] = await (lock ? query.for("update") : query);
  if (!s || s.status === "draft" || !canModerate(actor, s.consultationId)) throw new NotFoundError();
  return s;
}
