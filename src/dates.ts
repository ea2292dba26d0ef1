/**
 * The one place that handles dates. Every date is an instant plus the UTC offset it is shown
 * with, so `<time datetime>`, feeds and JSON-LD keep the offset the editor wrote, while
 * archives (`/2024/12/`) and displayed dates use the site's time zone.
 */

export interface DateValue {
  /** Milliseconds since the epoch: what we sort and compare by. */
  epochMs: number;
  /** Offset from UTC in minutes, as written (or the site zone's offset for a plain date). */
  offsetMinutes: number;
  /** True when the editor wrote a calendar date without a time. */
  dateOnly: boolean;
}

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export type DateParseResult = { ok: true; value: DateValue } | { ok: false; message: string; hint: string };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

const EXAMPLE_HINT = "write a date as 2024-12-02 or a timestamp with its offset as 2024-12-02T09:30:00+03:00";

/** Parses an ISO 8601 date or timestamp; plain dates are midnight in `timeZone`. */
export function parseDate(input: unknown, timeZone: string): DateParseResult {
  if (input instanceof Date) {
    // Only reachable when a caller bypasses our YAML schema, which keeps dates as strings.
    return Number.isNaN(input.getTime())
      ? { ok: false, message: "is not a valid date", hint: EXAMPLE_HINT }
      : { ok: true, value: { epochMs: input.getTime(), offsetMinutes: 0, dateOnly: false } };
  }
  if (typeof input !== "string") {
    return { ok: false, message: `must be a date, got ${describeType(input)}`, hint: EXAMPLE_HINT };
  }
  const text = input.trim();
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const [year, month, day] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    const invalid = checkCalendar(year, month, day, 0, 0, 0);
    if (invalid) return { ok: false, message: `"${text}" ${invalid}`, hint: EXAMPLE_HINT };
    const epochMs = zonedToEpoch({ year, month, day, hour: 0, minute: 0, second: 0 }, timeZone);
    return { ok: true, value: { epochMs, offsetMinutes: offsetMinutesAt(epochMs, timeZone), dateOnly: true } };
  }
  const ts = TIMESTAMP.exec(text);
  if (!ts) {
    return { ok: false, message: `"${truncate(text)}" is not an ISO 8601 date or timestamp`, hint: EXAMPLE_HINT };
  }
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(ts[i])) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = ts[6] ? Number(ts[6]) : 0;
  const millis = ts[7] ? Math.floor(Number(`0.${ts[7]}`) * 1000) : 0;
  const invalid = checkCalendar(year, month, day, hour, minute, second);
  if (invalid) return { ok: false, message: `"${text}" ${invalid}`, hint: EXAMPLE_HINT };
  let offsetMinutes: number;
  if (ts[8]) offsetMinutes = 0;
  else if (ts[9]) {
    const oh = Number(ts[10]);
    const om = Number(ts[11]);
    // Real offsets stop at ±18:00 (what Temporal and java.time accept); +18:30 is a typo.
    if (om > 59 || oh * 60 + om > 18 * 60) {
      return { ok: false, message: `"${text}" has an impossible UTC offset`, hint: "offsets run from -18:00 to +18:00" };
    }
    offsetMinutes = (ts[9] === "-" ? -1 : 1) * (oh * 60 + om);
  } else {
    return {
      ok: false,
      message: `"${text}" has a time but no UTC offset, so the moment it names is ambiguous`,
      hint: `add the offset, e.g. ${text}Z for UTC or ${text}+03:00`,
    };
  }
  // A leap second (23:59:60Z) is a real timestamp, but JavaScript time has no room for it:
  // counted as the next second it would move a New Year's Eve story into the next year's
  // archive. It is kept in its minute, as the last instant of :59.
  const leap = second === 60;
  const epochMs = Date.UTC(year, month - 1, day, hour, minute, leap ? 59 : second, leap ? 999 : millis) - offsetMinutes * 60_000;
  // Archives file the article by its year in the site's zone: 1000-01-01T00:00+14:00 is
  // still 999 in UTC, which would give a three-digit /999/12/ archive.
  // Offsets are at most 18 hours, so only the first and last year can cross (and only they pay).
  const zonedYear = year === 1000 || year === 9999 ? zonedParts(epochMs, timeZone).year : year;
  if (zonedYear < 1000 || zonedYear > 9999) {
    return { ok: false, message: `"${text}" falls in the year ${zonedYear} in the site's time zone, outside 1000–9999`, hint: EXAMPLE_HINT };
  }
  return { ok: true, value: { epochMs, offsetMinutes, dateOnly: false } };
}

function checkCalendar(y: number, mo: number, d: number, h: number, mi: number, s: number): string | undefined {
  if (y < 1000 || y > 9999) return "has a year outside 1000–9999";
  if (mo < 1 || mo > 12) return "has no such month";
  if (d < 1 || d > daysInMonth(y, mo)) return `is not a day of ${y}-${String(mo).padStart(2, "0")}`;
  if (h > 23 || mi > 59 || s > 60) return "has an impossible time of day";
  return undefined;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function describeType(v: unknown): string {
  if (v === null || v === undefined) return "nothing";
  if (Array.isArray(v)) return "a list";
  return typeof v === "object" ? "a mapping" : `the ${typeof v} ${JSON.stringify(v)}`;
}

function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws for an unknown IANA zone name: that is a configuration mistake, caught in config. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock fields of an instant in a time zone. */
export function zonedParts(epochMs: number, timeZone: string): ZonedParts {
  // The common case, without Intl: formatToParts costs ~25 µs, a noticeable share of indexing 100k articles.
  if (timeZone === "UTC") return partsAtOffset(epochMs, 0);
  const out: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(new Date(epochMs))) {
    if (p.type !== "literal") out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? 0,
    month: out.month ?? 0,
    day: out.day ?? 0,
    hour: out.hour ?? 0,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

/** Wall-clock fields of an instant at a fixed offset. */
export function partsAtOffset(epochMs: number, offsetMinutes: number): ZonedParts {
  const d = new Date(epochMs + offsetMinutes * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

export function offsetMinutesAt(epochMs: number, timeZone: string): number {
  const p = zonedParts(epochMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/**
 * The instant at which the wall clock in `timeZone` shows `parts`. A time that happens twice
 * (clocks going back) is the earlier one; a time that never happens (clocks jumping forward,
 * as midnight does in São Paulo or Beirut on DST days) is the instant the clocks jump to, so a
 * plain date always lands on its own day, never the evening before.
 */
export function zonedToEpoch(parts: ZonedParts, timeZone: string): number {
  const guess = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const DAY = 86_400_000;
  // The offsets in force a day either side cover both sides of any transition near `guess`.
  const offsets = new Set([offsetMinutesAt(guess - DAY, timeZone), offsetMinutesAt(guess, timeZone), offsetMinutesAt(guess + DAY, timeZone)]);
  const candidates = [...offsets].map((o) => guess - o * 60_000);
  const shown = (t: number) => {
    const p = zonedParts(t, timeZone);
    return p.year === parts.year && p.month === parts.month && p.day === parts.day && p.hour === parts.hour && p.minute === parts.minute;
  };
  const exact = candidates.filter(shown);
  return exact.length > 0 ? Math.min(...exact) : Math.max(...candidates);
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

function formatOffset(offsetMinutes: number, withColon = true): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}${withColon ? ":" : ""}${pad(abs % 60)}`;
}

/** ISO 8601 with the offset the editor wrote: for `<time datetime>`, Atom, JSON-LD, sitemaps. */
export function toIso(date: DateValue): string {
  const p = partsAtOffset(date.epochMs, date.offsetMinutes);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${formatOffset(date.offsetMinutes)}`;
}

/** `2024-12-02`, for plain-date `<time datetime>` values. */
export function toIsoDate(date: DateValue): string {
  const p = partsAtOffset(date.epochMs, date.offsetMinutes);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The value for `<time datetime>`: a plain date stays a plain date. */
export function toDatetimeAttribute(date: DateValue): string {
  return date.dateOnly ? toIsoDate(date) : toIso(date);
}

const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** RFC 822 date for RSS 2.0, at the offset the editor wrote. */
export function toRfc822(date: DateValue): string {
  const p = partsAtOffset(date.epochMs, date.offsetMinutes);
  const weekday = DAY_NAMES[new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()];
  return `${weekday}, ${pad(p.day)} ${MONTH_ABBR[p.month - 1]} ${p.year} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)} ${formatOffset(date.offsetMinutes, false)}`;
}

/** The calendar date the site's readers see for an article (its archive year and month). */
export function calendarDate(date: DateValue, timeZone: string): { year: number; month: number; day: number } {
  // A plain date is a calendar date whatever the zone: never shift it to the day before.
  const p = date.dateOnly ? partsAtOffset(date.epochMs, date.offsetMinutes) : zonedParts(date.epochMs, timeZone);
  return { year: p.year, month: p.month, day: p.day };
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>();

/** "2 December 2024" (or the locale's equivalent), in the site's zone. */
export function formatDisplayDate(date: DateValue, timeZone: string, locale: string): string {
  const { year, month, day } = calendarDate(date, timeZone);
  return formatCalendarDate(year, month, day, locale);
}

export function formatCalendarDate(year: number, month: number, day: number, locale: string): string {
  const key = `${locale}|d`;
  let f = displayFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: "UTC", year: "numeric", month: "long", day: "numeric" });
    displayFormatters.set(key, f);
  }
  return f.format(new Date(Date.UTC(year, month - 1, day)));
}

/** "December 2024" for month archive headings. */
export function formatMonth(year: number, month: number, locale: string): string {
  const key = `${locale}|m`;
  let f = displayFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: "UTC", year: "numeric", month: "long" });
    displayFormatters.set(key, f);
  }
  return f.format(new Date(Date.UTC(year, month - 1, 1)));
}

export function fromEpoch(epochMs: number, timeZone: string): DateValue {
  return { epochMs, offsetMinutes: offsetMinutesAt(epochMs, timeZone), dateOnly: false };
}
