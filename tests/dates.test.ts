import { describe, expect, it } from "vitest";
import { calendarDate, formatDisplayDate, parseDate, toDatetimeAttribute, toIso, toRfc822, zonedToEpoch } from "../src/dates.js";

function ok(input: string, tz = "UTC") {
  const r = parseDate(input, tz);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe("parseDate", () => {
  it("reads a plain date as midnight in the site's zone", () => {
    const d = ok("2024-12-02", "Asia/Baghdad");
    expect(toIso(d)).toBe("2024-12-02T00:00:00+03:00");
    expect(d.dateOnly).toBe(true);
    expect(toDatetimeAttribute(d)).toBe("2024-12-02");
  });

  it("keeps the offset the editor wrote", () => {
    const d = ok("2024-12-02T09:30:00+03:00");
    expect(d.epochMs).toBe(Date.UTC(2024, 11, 2, 6, 30));
    expect(toIso(d)).toBe("2024-12-02T09:30:00+03:00");
    expect(toRfc822(d)).toBe("Mon, 02 Dec 2024 09:30:00 +0300");
    expect(toIso(ok("2024-12-02T09:30Z"))).toBe("2024-12-02T09:30:00+00:00");
  });

  it("keeps a leap second in its minute, day and year", () => {
    const d = ok("2016-12-31T23:59:60Z");
    expect(toIso(d)).toBe("2016-12-31T23:59:59+00:00");
    expect(d.epochMs).toBeLessThan(Date.UTC(2017, 0, 1));
    expect(d.epochMs).toBeGreaterThan(ok("2016-12-31T23:59:59Z").epochMs);
    expect(toIso(ok("2017-01-01T02:59:60+03:00"))).toBe("2017-01-01T02:59:59+03:00");
  });

  it("refuses a time without an offset as ambiguous", () => {
    const r = parseDate("2024-12-02T09:30:00", "UTC");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toMatch(/no UTC offset/);
      expect(r.hint).toMatch(/2024-12-02T09:30:00Z/);
    }
  });

  it("refuses impossible dates", () => {
    for (const input of ["2024-02-30", "2023-02-29", "2024-13-01", "2024-12-02T25:00:00Z", "2024-12-02T10:00:00+19:00", "yesterday", ""]) {
      expect(parseDate(input, "UTC").ok, input).toBe(false);
    }
    expect(parseDate("2024-02-29", "UTC").ok).toBe(true);
  });

  it("refuses non-strings with the type named", () => {
    const r = parseDate(20241202, "UTC");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/number/);
  });
});

describe("zones", () => {
  it("puts an article in the archive month its readers see", () => {
    // 23:30 on 31 January in New York is already February in UTC.
    const d = ok("2024-01-31T23:30:00-05:00");
    expect(calendarDate(d, "America/New_York")).toEqual({ year: 2024, month: 1, day: 31 });
    expect(calendarDate(d, "UTC")).toEqual({ year: 2024, month: 2, day: 1 });
  });

  it("never shifts a plain date to the previous day", () => {
    const d = ok("2024-12-02", "America/Los_Angeles");
    expect(calendarDate(d, "America/Los_Angeles")).toEqual({ year: 2024, month: 12, day: 2 });
    expect(formatDisplayDate(d, "Asia/Tokyo", "en-GB")).toBe("2 December 2024");
  });

  it("finds wall-clock instants across DST changes", () => {
    const summer = zonedToEpoch({ year: 2024, month: 7, day: 1, hour: 12, minute: 0, second: 0 }, "Europe/Paris");
    expect(summer).toBe(Date.UTC(2024, 6, 1, 10));
    const winter = zonedToEpoch({ year: 2024, month: 1, day: 1, hour: 12, minute: 0, second: 0 }, "Europe/Paris");
    expect(winter).toBe(Date.UTC(2024, 0, 1, 11));
  });
});
