// What a visitor can do now. Deadlines are instants (stored in UTC, entered and shown in the
// consultation's own time zone), so comparing instants is the whole rule.
export type ConsultationPhase = "open" | "submissions_closed" | "closed";

export function consultationPhase(
  c: { status: "draft" | "open" | "closed"; submissionDeadline: Date | null },
  now: Date,
): ConsultationPhase {
  if (c.status !== "open") return "closed";
  if (!isBeforeDeadline(c.submissionDeadline, now)) return "submissions_closed";
  return "open";
}

export function isBeforeDeadline(deadline: Date | null, now: Date): boolean {
  return deadline === null || now < deadline;
}

export type RegistrationPhase = "open" | "registration_closed" | "closed";

/** Whether an organisation may register (or change or withdraw its registration) now. */
export function registrationPhase(
  c: { status: "draft" | "open" | "closed"; registrationDeadline: Date | null },
  now: Date,
): RegistrationPhase {
  if (c.status !== "open") return "closed";
  if (!isBeforeDeadline(c.registrationDeadline, now)) return "registration_closed";
  return "open";
}
