import { describe, expect, it } from "vitest";
import { calendarDate, parseDate, toDatetimeAttribute, zonedToEpoch } from "../../src/dates.js";
import { buildProject, tempProject } from "../helpers.js";

/**
 * Dates where the wall clock misbehaves: midnight that does not exist (DST starting at 00:00,
 * as in São Paulo until 2019 and in Beirut), a time that happens twice, a day a country
 * skipped. A plain date must stay on its own day, or an article moves to the day (or month)
 * before in every archive and <time> element.
 */
function plain(date: string, zone: string) {
  const parsed = parseDate(date, zone);
  if (!parsed.ok) throw new Error(parsed.message);
  return { ...calendarDate(parsed.value, zone), datetime: toDatetimeAttribute(parsed.value), iso: new Date(parsed.value.epochMs).toISOString() };
}

describe("dates across daylight-saving transitions", () => {
  it("a plain date whose midnight does not exist stays on its day: the day starts when the clocks jump", () => {
    expect(plain("2018-11-04", "America/Sao_Paulo")).toEqual({ year: 2018, month: 11, day: 4, datetime: "2018-11-04", iso: "2018-11-04T03:00:00.000Z" });
    expect(plain("2024-03-31", "Asia/Beirut")).toMatchObject({ year: 2024, month: 3, day: 31, datetime: "2024-03-31" });
  });

  it("a time that happens twice is the earlier one; a time that never happens is where the clocks jump to", () => {
    expect(new Date(zonedToEpoch({ year: 2024, month: 10, day: 27, hour: 1, minute: 30, second: 0 }, "Europe/London")).toISOString()).toBe("2024-10-27T00:30:00.000Z");
    expect(new Date(zonedToEpoch({ year: 2024, month: 3, day: 31, hour: 1, minute: 30, second: 0 }, "Europe/London")).toISOString()).toBe("2024-03-31T01:30:00.000Z");
  });

  it("a day the zone skipped (Samoa, 30 December 2011) becomes the next day that exists", () => {
    expect(plain("2011-12-30", "Pacific/Apia")).toMatchObject({ year: 2011, month: 12, day: 31 });
  });

  it("an article dated on such a day is archived under that day's month, not the one before", async () => {
    const site = await buildProject(await tempProject({
      "dateline.config.json": JSON.stringify({ timezone: "America/Sao_Paulo" }),
      "articles/dst.md": "---\ntitle: DST day\ndate: 2018-11-04\n---\nBody.\n",
      "articles/edge.md": "---\ntitle: Month edge\ndate: 2018-11-01\n---\nBody.\n",
    }));
    expect(site.diagnostics).toEqual([]);
    expect(site.html("/2018/11/dst/")).toContain('<time datetime="2018-11-04">');
    expect([...site.writer.files.keys()].filter((f) => /^2018\/1[01]\/[a-z-]+\/index\.html$/.test(f)).sort()).toEqual(["2018/11/dst/index.html", "2018/11/edge/index.html"]);
  });
});
