import { describe, expect, it } from "vitest";
import { isCalendarDate, parseKeysetCursor } from "./cursor";

const id = "0b6f3c1e-2a4d-4c8e-9f00-123456789abc";

describe("isCalendarDate", () => {
  it.each(["2017-08-04", "2016-02-29", "1000-01-01", "9999-12-31"])("accepts %s", (s) =>
    expect(isCalendarDate(s)).toBe(true),
  );
  it.each([
    "2017-02-29",
    "2017-02-30",
    "2017-13-01",
    "2017-00-10",
    "0000-00-00",
    "9999-99-99",
    "0999-12-31",
    "2017-8-4",
    "2017-08-04T00:00Z",
    " 2017-08-04",
    "",
  ])("refuses %j", (s) => expect(isCalendarDate(s)).toBe(false));
});

describe("parseKeysetCursor", () => {
  it("reads a cursor the queue wrote", () => {
    expect(parseKeysetCursor(`2017-08-04T10:11:12.345Z_${id}`)).toEqual({
      at: new Date("2017-08-04T10:11:12.345Z"),
      id,
    });
  });
  it.each([
    ["no id", "2017-08-04T10:11:12.345Z"],
    ["36 dashes for an id", `2017-08-04T10:11:12.345Z_${"-".repeat(36)}`],
    ["36 hex digits for an id", `2017-08-04T10:11:12.345Z_${"a".repeat(36)}`],
    ["an impossible time", `2017-99-99T99:99Z_${id}`],
    ["year 0", `0000-01-01T00:00:00Z_${id}`],
    ["a negative year", `-010000-01-01T00:00:00.000Z_${id}`],
    ["a five-digit year", `+275760-09-13T00:00:00.000Z_${id}`],
    ["a bare number", `1_${id}`],
    ["SQL", `2017-08-04T10:11:12Z_${id}' or '1'='1`],
    ["NUL", `2017-08-04T10:11:12Z\u0000_${id}`],
    ["a huge string", `${"9".repeat(10_000)}_${id}`],
    ["undefined", undefined],
  ])("refuses %s", (_label, cursor) => expect(parseKeysetCursor(cursor)).toBeNull());
});
