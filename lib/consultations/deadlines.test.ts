import { describe, expect, it } from "vitest";
import { deadlineWarnings } from "./deadlines";

describe("deadline warnings", () => {
  const base = { endsOn: "2027-11-03", today: "2027-06-01", status: "open" };
  it("says nothing of sensible deadlines, or of none", () => {
    expect(
      deadlineWarnings({ ...base, registrationDeadline: "2027-10-15T23:59", submissionDeadline: "2027-11-03T12:00" }),
    ).toEqual([]);
    expect(deadlineWarnings({ ...base })).toEqual([]);
    expect(deadlineWarnings({ ...base, submissionDeadline: "" })).toEqual([]);
  });
  it("warns of a deadline after the consultation's last day", () => {
    expect(deadlineWarnings({ ...base, submissionDeadline: "2027-11-04T00:00" })).toEqual([
      { field: "submissionDeadline", kind: "afterEnd" },
    ]);
  });
  it("warns of a deadline long before today, not of one a few days ago, nor on a closed consultation", () => {
    expect(deadlineWarnings({ ...base, registrationDeadline: "2017-10-15T23:59" })).toEqual([
      { field: "registrationDeadline", kind: "longPast", days: 3516 },
    ]);
    expect(deadlineWarnings({ ...base, registrationDeadline: "2027-05-20T23:59" })).toEqual([]);
    expect(deadlineWarnings({ ...base, status: "closed", registrationDeadline: "2017-10-15T23:59" })).toEqual([]);
  });
  it("gives both when both apply", () => {
    expect(
      deadlineWarnings({ ...base, endsOn: "2017-08-25", submissionDeadline: "2017-09-01T23:59" }).map((w) => w.kind),
    ).toEqual(["afterEnd", "longPast"]);
  });
});
