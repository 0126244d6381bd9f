// Warnings (not errors: the secretariat may mean it) for deadlines that look mistaken: after the
// consultation's last day, or long before today (a year typed wrong, an old round copied). Pure, on
// the wall-clock strings of the edit form ("2017-11-01T23:59", all on the consultation's clock), so
// the form shows them as they are typed and the server page shows the same ones without JavaScript.

export const DEADLINE_FIELDS = ["registrationDeadline", "submissionDeadline"] as const;
export type DeadlineField = (typeof DEADLINE_FIELDS)[number];

/** A deadline more than this many days before today is "long before today". */
export const LONG_PAST_DAYS = 30;

export type DeadlineWarning =
  { field: DeadlineField; kind: "afterEnd" } | { field: DeadlineField; kind: "longPast"; days: number };

const DAY_MS = 86_400_000;
const dayNumber = (ymd: string) => Math.floor(Date.parse(`${ymd.slice(0, 10)}T00:00:00Z`) / DAY_MS);
const isLocal = (v: string | undefined): v is string =>
  typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v);

export function deadlineWarnings(v: {
  endsOn?: string;
  registrationDeadline?: string;
  submissionDeadline?: string;
  status?: string;
  /** Today's date on the consultation's clock (YYYY-MM-DD). */
  today: string;
}): DeadlineWarning[] {
  const out: DeadlineWarning[] = [];
  for (const field of DEADLINE_FIELDS) {
    const d = v[field];
    if (!isLocal(d)) continue;
    if (v.endsOn && /^\d{4}-\d{2}-\d{2}$/.test(v.endsOn) && d.slice(0, 10) > v.endsOn)
      out.push({ field, kind: "afterEnd" });
    // A closed consultation's deadlines are expected to be past.
    const days = dayNumber(v.today) - dayNumber(d);
    if (v.status !== "closed" && days > LONG_PAST_DAYS) out.push({ field, kind: "longPast", days });
  }
  return out;
}
