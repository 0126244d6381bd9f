import { describe, expect, it } from "vitest";
import { utcToZonedLocal, zonedLocalToUtc } from "./time";

describe("consultation time zones", () => {
  it("reads 23:59 in Fiji as 11:59 UTC the same day (UTC+12)", () => {
    expect(zonedLocalToUtc("2017-11-01T23:59", "Pacific/Fiji").toISOString()).toBe("2017-11-01T11:59:00.000Z");
  });
  it("handles zones west of UTC and daylight saving", () => {
    expect(zonedLocalToUtc("2017-09-20T23:59", "America/New_York").toISOString()).toBe("2017-09-21T03:59:00.000Z");
    expect(zonedLocalToUtc("2017-01-20T23:59", "America/New_York").toISOString()).toBe("2017-01-21T04:59:00.000Z");
    expect(zonedLocalToUtc("2017-09-25T10:00", "Europe/Brussels").toISOString()).toBe("2017-09-25T08:00:00.000Z");
  });
  it("round-trips", () => {
    for (const tz of ["Asia/Bangkok", "Asia/Beirut", "Africa/Bamako", "America/Guayaquil", "Pacific/Fiji"]) {
      expect(utcToZonedLocal(zonedLocalToUtc("2017-08-01T23:59", tz), tz)).toBe("2017-08-01T23:59");
    }
  });
});
