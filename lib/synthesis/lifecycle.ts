import "server-only";
// The contribution's workflow: which step (submit, return, finalise) moves it from which states to
// which, who may take it, in which states the anchors may write and the secretariat may read, and
// the reader's role for a consultation.
import type { ContributionStatus } from "@/db/schema";
import { isAnchorOf, type Actor } from "@/lib/auth/actor";
import type { ContributionStep } from "./schemas";

/** Who may do what to a contribution in which state, in one table. */
export const CONTRIBUTION_TRANSITIONS: Record<
  ContributionStep,
  { from: ContributionStatus[]; to: ContributionStatus; by: ("anchor" | "secretariat")[] }
> = {
  submit: { from: ["draft", "returned"], to: "submitted", by: ["anchor"] },
  return: { from: ["submitted"], to: "returned", by: ["secretariat"] },
  finalise: { from: ["submitted", "returned"], to: "final", by: ["anchor", "secretariat"] },
};

/** States in which the anchors may change the text. */
export const EDITABLE: readonly ContributionStatus[] = ["draft", "returned"];
/** States the secretariat may read. */
export const SECRETARIAT_READS: readonly ContributionStatus[] = ["submitted", "returned", "final"];

export type Role = "anchor" | "secretariat" | null;
export const roleOf = (actor: Actor, consultationId: string): Role =>
  isAnchorOf(actor, consultationId) ? "anchor" : actor.secretariat ? "secretariat" : null;
