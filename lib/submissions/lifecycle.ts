// An input's statuses and every move between them, in one table: the organisation's submit, edit
// and withdraw (lib/submissions) and each moderation decision (lib/moderation/decisions.ts) check
// here whether the move is allowed and write the status it names. Pure, so pages may ask it too
// (which buttons to show) without pulling in the database.
import { SUBMISSION_STATUSES } from "@/db/enums";

// For pages and components, which do not reach db/ themselves.
export { SUBMISSION_STATUSES };

export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

interface Transition {
  /** The statuses the move may start from. */
  from: readonly SubmissionStatus[];
  /** The status it leaves; null: the status stays as it was (or, for discard, the row is deleted). */
  to: SubmissionStatus | null;
}

export const TRANSITIONS = {
  // The organisation's own moves.
  submit: { from: ["draft"], to: "submitted" },
  edit: { from: ["submitted", "changes_requested"], to: "submitted" },
  discard: { from: ["draft"], to: null },
  withdraw: { from: ["submitted", "changes_requested", "accepted"], to: "withdrawn" },
  // The moderators' decisions (tag and unpublish keep the status, on any input past its draft).
  accept: { from: ["submitted", "changes_requested"], to: "accepted" },
  requestChanges: { from: ["submitted", "accepted"], to: "changes_requested" },
  reject: { from: ["submitted", "changes_requested", "accepted"], to: "rejected" },
  markDuplicate: { from: ["submitted", "changes_requested", "accepted"], to: "duplicate" },
  publish: { from: ["accepted"], to: null },
} as const satisfies Record<string, Transition>;

export type SubmissionMove = keyof typeof TRANSITIONS;

export function canMove(move: SubmissionMove, status: SubmissionStatus): boolean {
  return (TRANSITIONS[move].from as readonly SubmissionStatus[]).includes(status);
}

/** The statuses the organisation may still edit its input in (the deadline aside). */
export const EDITABLE: readonly SubmissionStatus[] = TRANSITIONS.edit.from;

/** A draft, or an input the organisation may still edit (the deadline aside). */
export const isOpenForChanges = (status: SubmissionStatus): boolean => status === "draft" || canMove("edit", status);

/** A draft to discard or an input to withdraw: the withdraw page asks first. */
export const canWithdrawOrDiscard = (status: SubmissionStatus): boolean =>
  canMove("discard", status) || canMove("withdraw", status);
