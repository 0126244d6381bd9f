// What a visitor can do now. Deadlines are instants (stored in UTC, entered and shown in the
// consultation's own time zone), so comparing instants is the whole rule.
type Status = "draft" | "open" | "closed";
export type ConsultationPhase = "open" | "submissions_closed" | "closed";
export type RegistrationPhase = "open" | "registration_closed" | "closed";

export function isBeforeDeadline(deadline: Date | null, now: Date): boolean {
  return deadline === null || now < deadline;
}

/** Closed unless open; open until the deadline (none: no end); then `past`. */
const phaseOf = <P extends string>(status: Status, deadline: Date | null, now: Date, past: P): "open" | "closed" | P =>
  status !== "open" ? "closed" : isBeforeDeadline(deadline, now) ? "open" : past;

/** Whether an organisation may submit (or edit its input) now. */
export function consultationPhase(
  c: { status: Status; submissionDeadline: Date | null },
  now: Date,
): ConsultationPhase {
  return phaseOf(c.status, c.submissionDeadline, now, "submissions_closed");
}

/** Whether an organisation may register (or change or withdraw its registration) now. */
export function registrationPhase(
  c: { status: Status; registrationDeadline: Date | null },
  now: Date,
): RegistrationPhase {
  return phaseOf(c.status, c.registrationDeadline, now, "registration_closed");
}
