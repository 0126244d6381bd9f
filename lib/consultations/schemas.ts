import * as z from "zod";
import "@/lib/zod";
import { CONSULTATION_STATUSES } from "@/db/enums";
import { locales } from "@/lib/i18n/config";

const localDateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
  .optional()
  .or(z.literal("").transform(() => undefined));

export const consultationEditSchema = z
  .object({
    consultationId: z.uuid(),
    version: z.coerce.number().int().positive(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    // Wall-clock times in the consultation's own time zone; empty means no deadline.
    registrationDeadline: localDateTime,
    submissionDeadline: localDateTime,
    inPersonCapacity: z
      .union([z.literal("").transform(() => null), z.coerce.number().int().min(0).max(100_000)])
      .optional()
      .transform((v) => (v === undefined ? null : v)),
    status: z.enum(CONSULTATION_STATUSES),
  })
  .refine((v) => v.endsOn >= v.startsOn, { path: ["endsOn"], message: "endBeforeStart" });
export type ConsultationEditInput = z.infer<typeof consultationEditSchema>;

export const inviteAnchorSchema = z.object({
  consultationId: z.uuid(),
  email: z.email().max(254),
  locale: z.enum(locales),
});
export type InviteAnchorInput = z.infer<typeof inviteAnchorSchema>;
