import "server-only";
// The consultation as its moderators' pages and downloads open it.
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { consultations, type Consultation } from "@/db/schema";
import { canModerate, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";

/** The consultation for an anchor's pages (its anchors and the secretariat only). */
export async function getConsultationForModeration({
  actor,
  slug,
}: {
  actor: Actor;
  slug: string;
}): Promise<Consultation> {
  const c = await consultationBySlug(slug);
  if (!c || !canModerate(actor, c.id)) throw new NotFoundError();
  return c;
}

/** The consultation's row by its slug, whatever its status. No scope check: for lib/ functions that make their own. */
export async function consultationBySlug(slug: string): Promise<Consultation | undefined> {
  const db = await getDb();
  const [c] = await db.select().from(consultations).where(eq(consultations.slug, slug));
  return c;
}
