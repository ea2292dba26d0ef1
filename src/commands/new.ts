import { mkdir, open } from "node:fs/promises";
import { dirname, join } from "node:path";
import { calendarDate, fromEpoch, parseDate, toIsoDate } from "../dates.js";
import { DatelineError, UsageError } from "../errors.js";
import { slugify } from "../content/slug.js";
import { displayPath } from "../config.js";

export interface NewArticleOptions {
  title: string;
  contentDir: string;
  timezone: string;
  tags?: string[];
  /** ISO date or timestamp; defaults to today in the site's zone. */
  date?: string;
  now?: number;
}

/** Writes `articles/YYYY/MM/slug.md` with a valid frontmatter skeleton; never overwrites. */
export async function newArticle(options: NewArticleOptions): Promise<string> {
  const title = options.title.trim();
  if (!title) throw new UsageError('the headline is empty', { hint: 'dateline new "Iraq reinforces its border"' });
  const slug = slugify(title);
  if (!slug) throw new UsageError(`"${title}" has no letters or digits to make a file name from`);
  let dateText: string;
  let when;
  if (options.date) {
    const parsed = parseDate(options.date, options.timezone);
    if (!parsed.ok) throw new UsageError(`--date ${parsed.message}`, { hint: parsed.hint });
    when = parsed.value;
    dateText = options.date.trim();
  } else {
    when = fromEpoch(options.now ?? Date.now(), options.timezone);
    const { year, month, day } = calendarDate(when, options.timezone);
    dateText = toIsoDate({ epochMs: Date.UTC(year, month - 1, day), offsetMinutes: 0, dateOnly: true });
  }
  const { year, month } = calendarDate(when, options.timezone);
  const path = join(options.contentDir, String(year), String(month).padStart(2, "0"), `${slug}.md`);
  const yamlString = (s: string) => JSON.stringify(s);
  const text = [
    "---",
    `title: ${yamlString(title)}`,
    `date: ${dateText}`,
    '# author: "Your Name"',
    '# summary: "One sentence that says what happened."',
    `tags: [${(options.tags ?? []).map((t) => yamlString(t.trim())).filter((t) => t !== '""').join(", ")}]`,
    "entities:",
    "  people: []",
    "  organizations: []",
    "  places: []",
    "---",
    "",
    "Write the article here.",
    "",
  ].join("\n");
  await mkdir(dirname(path), { recursive: true });
  let handle;
  try {
    handle = await open(path, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new DatelineError(`${displayPath(path)} already exists; not overwriting it`, {
        hint: "choose another headline, or edit the existing file",
      });
    }
    throw error;
  }
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
  return path;
}
