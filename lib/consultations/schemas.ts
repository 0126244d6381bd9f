import * as z from "zod/mini";
import { optionalOrBlank } from "@/lib/zod";
import { CONSULTATION_STATUSES } from "@/db/enums";
import { locales } from "@/lib/i18n/config";

// Shared with the secretariat's form for a new consultation (lib/rounds/schemas.ts).
/** A wall-clock time in the consultation's own time zone; empty means none. */
export const localDateTime = optionalOrBlank(z.string().check(z.trim(), z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)));
/** In-person seats; empty means no limit (null). */
export const inPersonCapacity = z.pipe(
  z.optional(
    z.union([
      z.pipe(
        z.literal(""),
        z.transform(() => null),
      ),
      z.coerce.number().check(z.int(), z.gte(0), z.lte(100_000)),
    ]),
  ),
  z.transform((v) => (v === undefined ? null : v)),
);

export const consultationEditSchema = z
  .object({
    consultationId: z.uuid(),
    version: z.coerce.number().check(z.int(), z.positive()),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    // Wall-clock times in the consultation's own time zone; empty means no deadline.
    registrationDeadline: localDateTime,
    submissionDeadline: localDateTime,
    inPersonCapacity,
    status: z.enum(CONSULTATION_STATUSES),
  })
  .check(z.refine((v) => v.endsOn >= v.startsOn, { path: ["endsOn"], error: "endBeforeStart" }));
export type ConsultationEditInput = z.infer<typeof consultationEditSchema>;

export const inviteAnchorSchema = z.object({
  consultationId: z.uuid(),
  email: z.email().check(z.maxLength(254)),
  locale: z.enum(locales),
});
export type InviteAnchorInput = z.infer<typeof inviteAnchorSchema>;
