// The registration form's limits and choices, for the schemas (./schemas.ts), the server and the
// browser's form. No zod here: the form's first scripts import this, and its schema only after the
// page has hydrated (components/form/use-schema-form.ts).
import { ATTENDANCE_MODES } from "@/db/enums";

export { ATTENDANCE_MODES };

/** Participants one organisation may register for a consultation. */
export const MAX_PARTICIPANTS = 20;
