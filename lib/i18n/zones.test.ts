import { describe, expect, it } from "vitest";
import { deadlineInZone, formatUtcOffset, zoneName } from "./zones";

const nadi = { slug: "pacific", city: "Nadi", timeZone: "Pacific/Fiji" };

describe("one way of naming a consultation's time zone", () => {
  it("gives the offset at the moment concerned, daylight-saving time included", () => {
    expect(formatUtcOffset(new Date("2017-11-02T00:00:00Z"), "Pacific/Fiji")).toBe("UTC+12");
    // Fiji kept summer time from 5 November 2017.
    expect(formatUtcOffset(new Date("2017-11-10T00:00:00Z"), "Pacific/Fiji")).toBe("UTC+13");
    expect(formatUtcOffset(new Date("2017-09-25T12:00:00Z"), "America/New_York")).toBe("UTC-4");
    expect(formatUtcOffset(new Date("2017-08-28T12:00:00Z"), "Africa/Bamako")).toBe("UTC");
    expect(formatUtcOffset(new Date("2017-08-28T12:00:00Z"), "Asia/Kolkata")).toBe("UTC+5:30");
  });

  it("names the city in the reader's language, the offset kept left to right in Arabic", async () => {
    const at = new Date("2017-11-02T00:00:00Z");
    expect(await zoneName("en", nadi, at)).toBe("Nadi time (UTC+12)");
    expect(await zoneName("fr", nadi, at)).toBe("heure de Nadi (UTC+12)");
    expect(await zoneName("es", nadi, at)).toBe("hora de Nadi (UTC+12)");
    expect(await zoneName("ar", nadi, at)).toMatch(/^بتوقيت .+ \(\u2066UTC\+12\u2069\)$/);
    expect(await zoneName("en", { slug: "asia", city: "Bangkok", timeZone: "Asia/Bangkok" }, at)).toBe(
      "Bangkok time (UTC+7)",
    );
  });

  it("says a deadline on the consultation's clock, with that clock named", async () => {
    expect(await deadlineInZone("en", new Date("2017-11-01T11:59:00Z"), nadi)).toEqual({
      deadline: "1 November 2017 at 23:59",
      zone: "Nadi time (UTC+12)",
    });
  });
});
