// Values of the database enums that forms and URL filters validate against. Plain constants, so the
// zod schemas shared with the browser do not pull drizzle's table builders into its bundles
// (db/schema.ts builds its pgEnums from these).
export const CONSULTATION_STATUSES = ["draft", "open", "closed"] as const;
export const ROUND_STATUSES = ["preparing", "open", "closed", "archived"] as const;
export const ORGANISATION_TYPES = [
  "ngo",
  "migrant_led",
  "diaspora",
  "grassroots",
  "trade_union",
  "faith_based",
  "academia",
  "other",
] as const;
export const SUBMISSION_STATUSES = [
  "draft",
  "submitted",
  "changes_requested",
  "accepted",
  "rejected",
  "duplicate",
  "withdrawn",
] as const;
export const REGISTRATION_STATUSES = ["pending", "confirmed", "waitlisted", "declined", "withdrawn"] as const;
export const ATTENDANCE_MODES = ["in_person", "remote"] as const;
export const PUBLICATIONS = ["named", "anonymous", "none"] as const;
/** How an input reached the consultation: web is the organisation's own form, the others the anchors entered. */
export const CHANNELS = ["web", "email", "paper", "voice"] as const;
// The region's contribution (lib/synthesis): written by the anchors, read by the secretariat.
export const CONTRIBUTION_STATUSES = ["draft", "submitted", "returned", "final"] as const;
export const CONTRIBUTION_ITEM_KINDS = ["paragraph", "recommendation"] as const;
