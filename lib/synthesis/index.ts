import "server-only";
// The region's contribution: the anchors' synthesis of the consultation's inputs, per theme, each
// paragraph and recommendation citing the inputs it draws on. Anchors of the consultation write it
// (a theme's section is saved whole and version-checked: two anchors editing one theme get a
// conflict, never an overwrite), submit it to the secretariat, which returns it with a comment or
// lets it be finalised; the final text is published on the consultation's page. Every step is one
// transaction with its audit row. The secretariat never sees a draft; other regions' anchors see
// nothing.
// The workflow's table is in lifecycle.ts, the contribution as read in view.ts, its writes in edit.ts
// (all re-exported here); the revisions of a section and the list of contributions are here.
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  consultations,
  contributionRevisions,
  contributions,
  users,
  type ContributionItem,
  type ContributionStatus,
} from "@/db/schema";
import { isAnchorOf, type Actor } from "@/lib/auth/actor";
import { userLabel } from "@/lib/db-select";
import { SECRETARIAT_READS } from "./lifecycle";
import { getContribution } from "./view";

export { changeContributionStatus, saveSection } from "./edit";
export { CONTRIBUTION_TRANSITIONS, EDITABLE } from "./lifecycle";
export {
  getContribution,
  getPublishedContribution,
  themesOf,
  type CitedInput,
  type ContributionView,
  type ItemView,
  type SectionView,
} from "./view";

export interface SectionRevision {
  number: number;
  createdAt: Date;
  by: string | null;
  items: ContributionItem[];
}

/** Every saved version of a theme's section, oldest first, for its history and differences. */
export async function listSectionRevisions({
  actor,
  consultationId,
  themeId,
}: {
  actor: Actor;
  consultationId: string;
  themeId: number;
}): Promise<SectionRevision[]> {
  await getContribution({ actor, consultationId, locale: actor.locale });
  const db = await getDb();
  const rows = await db
    .select({
      number: contributionRevisions.number,
      createdAt: contributionRevisions.createdAt,
      items: contributionRevisions.items,
      by: userLabel,
    })
    .from(contributionRevisions)
    .innerJoin(contributions, eq(contributions.id, contributionRevisions.contributionId))
    .leftJoin(users, eq(users.id, contributionRevisions.createdBy))
    .where(and(eq(contributions.consultationId, consultationId), eq(contributionRevisions.themeId, themeId)))
    .orderBy(asc(contributionRevisions.number));
  return rows;
}

export interface ContributionSummary {
  consultationId: string;
  slug: string;
  region: string;
  status: ContributionStatus;
  submittedAt: Date | null;
  finalisedAt: Date | null;
}

/**
 * The contributions the actor may read, by consultation: the secretariat's are those submitted,
 * returned or final; an anchor's, those of their consultations in any state.
 */
export async function listContributions({ actor }: { actor: Actor }): Promise<ContributionSummary[]> {
  const db = await getDb();
  const rows = await db
    .select({
      consultationId: consultations.id,
      slug: consultations.slug,
      region: consultations.region,
      sortOrder: consultations.sortOrder,
      status: contributions.status,
      submittedAt: contributions.submittedAt,
      finalisedAt: contributions.finalisedAt,
    })
    .from(contributions)
    .innerJoin(consultations, eq(consultations.id, contributions.consultationId))
    .orderBy(asc(consultations.sortOrder));
  return rows
    .filter((r) => isAnchorOf(actor, r.consultationId) || (actor.secretariat && SECRETARIAT_READS.includes(r.status)))
    .map((r) => ({
      consultationId: r.consultationId,
      slug: r.slug,
      region: r.region,
      status: r.status,
      submittedAt: r.submittedAt,
      finalisedAt: r.finalisedAt,
    }));
}
