import { readFile } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { isValidTimeZone } from "./dates.js";
import { resolveReference } from "./model/routes.js";
import { DiagnosticBag } from "./diagnostics.js";
import { checkFolders } from "./config-folders.js";
import { DatelineError } from "./errors.js";

/**
 * Site configuration: `dateline.config.json` in the project folder, every field optional,
 * validated with the same diagnostics as articles; command-line flags override it.
 */
export const CONFIG_FILE = "dateline.config.json";

const positiveInt = z.number().int().min(1).max(10_000);

export const configSchema = z.strictObject({
  title: z.string().min(1).default("Dateline"),
  description: z.string().default("A news archive."),
  baseUrl: z.string().default("http://localhost:8080/"),
  language: z.string().min(2).default("en"),
  timezone: z.string().default("UTC"),
  pageSize: positiveInt.default(20),
  homeSize: positiveInt.default(10),
  feedSize: positiveInt.default(20),
  relatedCount: z.number().int().min(0).max(50).default(5),
  publisher: z
    .strictObject({ name: z.string().min(1), logo: z.string().optional(), url: z.string().optional() })
    .default({ name: "Dateline" }),
  contentDir: z.string().default("articles"),
  outDir: z.string().default("dist"),
  templatesDir: z.string().default("templates"),
  publicDir: z.string().default("public"),
  cacheDir: z.string().default(".dateline-cache"),
  /** Unregistered names get pages only when switched on and found in `minArticles` articles. */
  entities: z
    .strictObject({ publishCandidates: z.boolean().default(false), minArticles: positiveInt.default(3) })
    .default({ publishCandidates: false, minArticles: 3 }),
});

export type ConfigFile = z.input<typeof configSchema>;

export interface SiteConfig {
  title: string;
  description: string;
  /** Absolute, with a trailing slash: `https://example.org/archive/`. */
  baseUrl: string;
  /** The path part of baseUrl, with leading and trailing slashes: `/archive/` or `/`. */
  pathPrefix: string;
  language: string;
  timezone: string;
  pageSize: number;
  homeSize: number;
  feedSize: number;
  relatedCount: number;
  publisher: { name: string; logo?: string | undefined; url?: string | undefined };
  /** Absolute folders. */
  projectDir: string;
  contentDir: string;
  outDir: string;
  templatesDir: string;
  publicDir: string;
  cacheDir: string;
  entities: { publishCandidates: boolean; minArticles: number };
  /** Include `draft: true` articles. */
  drafts: boolean;
  /** Include articles dated after `now`. */
  future: boolean;
  /** The build time in epoch ms: fixes "now" so builds are reproducible. */
  now: number;
  /** URLs per sitemap file before sitemap.xml becomes an index (the protocol's 50,000). */
  sitemapLimit: number;
}

export interface ConfigOverrides {
  projectDir?: string;
  configFile?: string;
  contentDir?: string;
  outDir?: string;
  templatesDir?: string;
  publicDir?: string;
  baseUrl?: string;
  drafts?: boolean;
  future?: boolean;
  now?: number;
  /** Lowers the sitemap split threshold, so tests can exercise the sitemap index. */
  sitemapLimit?: number;
  /** Replaces values from the config file; used by tests and the API. */
  site?: Partial<ConfigFile>;
}

/** Loads the config file (if any), applies overrides and reports problems into `bag`. */
export async function loadConfig(overrides: ConfigOverrides, bag: DiagnosticBag): Promise<SiteConfig> {
  const projectDir = resolve(overrides.projectDir ?? process.cwd());
  const configPath = resolve(projectDir, overrides.configFile ?? CONFIG_FILE);
  const displayPath = relative(process.cwd(), configPath) || CONFIG_FILE;
  let raw: Record<string, unknown> = {};
  let positionOf: (path: readonly PropertyKey[], ofKey?: boolean) => { line: number; column: number } = () => ({ line: 1, column: 1 });

  let text: string | undefined;
  try {
    text = await readFile(configPath, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT" || overrides.configFile) {
      throw new DatelineError(`cannot read the config file ${displayPath}`, { cause: error });
    }
  }
  if (text !== undefined) {
    // JSON.parse decides what is valid (the file is JSON, not YAML); the YAML parser, which
    // reads JSON too, only supplies the line of each value for messages.
    let value: unknown;
    try {
      value = JSON.parse(text.replace(/^\uFEFF/, "")); // Windows editors may save a byte-order mark
    } catch (error) {
      const message = (error as Error).message;
      bag.error(displayPath, jsonErrorPosition(text, message), "config/syntax", `not valid JSON: ${message}`,
        "the config file is JSON: check commas between entries, double quotes around names and text, no trailing comma");
    }
    if (value !== undefined) {
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, { lineCounter, schema: "core" });
      positionOf = (path, ofKey = false) => {
        // The key's own position when the path names a key of a mapping, else the value's.
        const parent = path.length > 1 ? doc.getIn(path.slice(0, -1) as unknown[], true) : doc.contents;
        const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]) : undefined;
        const node = ((ofKey ? pair?.key : pair?.value) ?? doc.getIn(path as unknown[], true)) as { range?: [number, number, number] } | undefined;
        const p = lineCounter.linePos(node?.range?.[0] ?? 0);
        return { line: p.line, column: p.col };
      };
      if (value && typeof value === "object" && !Array.isArray(value)) raw = value as Record<string, unknown>;
      else bag.error(displayPath, { line: 1, column: 1 }, "config/syntax", "the config must be a JSON object",
        'write it as { "title": "My archive", ... }');
    }
  }

  const merged: Record<string, unknown> = { ...raw, ...(overrides.site ?? {}) };
  const parsed = configSchema.safeParse(merged);
  let file = configSchema.parse({});
  if (parsed.success) file = parsed.data;
  else {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          bag.error(displayPath, positionOf([...path, key], true), "config/unknown-option", `unknown option "${[...path, key].join(".")}"`,
            `known options: ${Object.keys(path.length ? {} : configSchema.shape).join(", ")}`);
        }
        continue;
      }
      const actual = path.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), merged);
      const message = issue.code === "invalid_type" ? `must be ${issue.expected === "string" ? "text" : `a ${issue.expected}`}, not ${JSON.stringify(actual)}` : issue.message;
      bag.error(displayPath, positionOf(path), "config/invalid", `${path.join(".") || "config"}: ${message}`,
        "see the configuration table in README.md");
    }
  }
  // Checked on the raw value too, so one run reports it alongside any other config problem.
  const timezone = typeof merged.timezone === "string" ? merged.timezone : file.timezone;
  if (!isValidTimeZone(timezone)) {
    bag.error(displayPath, positionOf(["timezone"]), "config/timezone", `timezone "${timezone}" is not an IANA time zone`,
      "use a name such as UTC, Europe/Paris or Asia/Baghdad");
  }

  // Intl refuses a malformed tag only when a date is first formatted, deep in the render; and
  // the tag lands in <html lang> and feeds, so it must be a real one before anything is built.
  if (typeof merged.language === "string" && !isLanguageTag(merged.language)) {
    bag.error(displayPath, positionOf(["language"]), "config/language", `language "${merged.language}" is not a BCP 47 language tag`,
      "use a tag such as en, en-GB, fr or ar");
  }

  const baseUrlInput = overrides.baseUrl ?? file.baseUrl;
  const base = normaliseBaseUrl(baseUrlInput, file.baseUrl);
  if (!base) {
    bag.error(displayPath, positionOf(["baseUrl"]), "config/base-url",
      `baseUrl "${baseUrlInput}" is not an http(s) URL or a path`,
      "use an absolute URL such as https://news.example.org/archive/ or a path such as /archive/");
  }

  const dir = (value: string | undefined, fallbackValue: string) => resolve(projectDir, value ?? fallbackValue);
  const baseUrl = base ?? "http://localhost:8080/";
  // Feeds and JSON-LD need absolute http(s) URLs: a logo that cannot become one is a mistake.
  for (const key of ["logo", "url"] as const) {
    const value = file.publisher[key];
    if (value !== undefined && !resolveReference(value, "/", baseUrl)) {
      bag.error(displayPath, positionOf(["publisher", key]), "config/publisher",
        `publisher.${key} "${value}" is not an http(s) URL or a path on the site`,
        `use an absolute URL such as https://news.example.org/${key === "logo" ? "assets/logo.png" : "about/"} or a path such as /${key === "logo" ? "assets/logo.png" : "about/"}`);
    }
  }
  const folders = {
    projectDir,
    configFile: configPath,
    contentDir: dir(overrides.contentDir, file.contentDir),
    outDir: dir(overrides.outDir, file.outDir),
    templatesDir: dir(overrides.templatesDir, file.templatesDir),
    publicDir: dir(overrides.publicDir, file.publicDir),
    cacheDir: dir(undefined, file.cacheDir),
  };
  for (const problem of checkFolders(folders)) {
    const flag = problem.option === "outDir" && overrides.outDir !== undefined;
    bag.error(displayPath, flag || !(problem.option in raw) ? undefined : positionOf([problem.option]), "config/folders",
      `${flag ? "--out" : problem.option}: ${problem.message}`, problem.hint);
  }
  return {
    title: file.title,
    description: file.description,
    baseUrl,
    pathPrefix: new URL(baseUrl).pathname,
    language: file.language,
    timezone: isValidTimeZone(file.timezone) ? file.timezone : "UTC",
    pageSize: file.pageSize,
    homeSize: file.homeSize,
    feedSize: file.feedSize,
    relatedCount: file.relatedCount,
    publisher: file.publisher,
    projectDir,
    contentDir: folders.contentDir,
    outDir: folders.outDir,
    templatesDir: folders.templatesDir,
    publicDir: folders.publicDir,
    cacheDir: folders.cacheDir,
    entities: file.entities,
    drafts: overrides.drafts ?? false,
    future: overrides.future ?? false,
    now: buildTime(overrides.now),
    sitemapLimit: sitemapLimit(overrides.sitemapLimit),
  };
}

/** `now` from the API: epoch milliseconds. Anything else would make every article look scheduled. */
function buildTime(now: unknown): number {
  if (now === undefined) return Date.now();
  if (typeof now === "number" && Number.isFinite(now)) return now;
  throw new DatelineError(`now must be a time in epoch milliseconds, not ${typeof now === "string" ? `the text "${now}"` : String(now)}`, {
    hint: 'pass Date.parse("2024-12-02T09:00:00Z") or Date.UTC(2024, 11, 2, 9), not the text itself',
  });
}

function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** The sitemap protocol allows at most 50,000 URLs per file. */
export const SITEMAP_URL_LIMIT = 50_000;

function sitemapLimit(value: number | undefined): number {
  if (value === undefined) return SITEMAP_URL_LIMIT;
  if (!Number.isInteger(value) || value < 1 || value > SITEMAP_URL_LIMIT) {
    throw new DatelineError(`sitemapLimit must be a whole number from 1 to ${SITEMAP_URL_LIMIT}, got ${value}`, {
      hint: "leave it unset to use the protocol's limit",
    });
  }
  return value;
}

/**
 * Accepts `https://host/path/` or a bare path `/archive/` (resolved against the configured
 * origin, so `--base-url /archive/` keeps the site's host). Always returns a trailing slash.
 */
export function normaliseBaseUrl(input: string, configured: string): string | undefined {
  let url: URL;
  try {
    if (input.startsWith("/")) url = new URL(input, configured.startsWith("http") ? configured : "http://localhost:8080/");
    else url = new URL(input);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  url.search = "";
  url.hash = "";
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

/** Line and column of a JSON.parse error, from the "position N" or "line L column C" in its message. */
function jsonErrorPosition(text: string, message: string): { line: number; column: number } {
  const lineColumn = message.match(/line (\d+) column (\d+)/);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = message.match(/position (\d+)/);
  if (!position) return { line: 1, column: 1 };
  const before = text.slice(0, Number(position[1]));
  const lines = before.split("\n");
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** A path relative to the working directory, for messages. */
export function displayPath(absolute: string): string {
  const rel = relative(process.cwd(), absolute);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : absolute;
}
