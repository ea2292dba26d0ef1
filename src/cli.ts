#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { join, resolve } from "node:path";
import { build, checkSite, type BuildOptions } from "./build.js";
import { newArticle } from "./commands/new.js";
import { DiagnosticBag, DIAGNOSTIC_FORMATS, formatDiagnostics, type Diagnostic, type DiagnosticFormat } from "./diagnostics.js";
import { parseDate } from "./dates.js";
import { describeError, UsageError } from "./errors.js";
import { displayPath, loadConfig, type ConfigOverrides } from "./config.js";

/**
 * The command line: parses arguments, runs a command, prints what happened and sets the exit
 * code (0 success, 1 content or build errors, 2 wrong usage). The only module that prints.
 */
const USAGE = `Usage: dateline <command> [options]

Commands:
  build              build the site into the output folder (atomically)
  check              validate content and report problems; writes nothing
                     (--links: also build into a temporary folder and check every
                     internal link and #anchor)
  serve              build, serve on localhost, rebuild and reload on change
  new "Headline"     write a new article file with a frontmatter skeleton
  entities suggest   list names found in articles that entities.yml lacks, as YAML to paste

Options:
  --content DIR      content folder (default: articles)
  --out DIR          output folder (default: dist)
  --templates DIR    templates folder (default: templates)
  --public DIR       static files copied as is (default: public)
  --config FILE      config file (default: dateline.config.json)
  --base-url URL     site URL or path prefix, e.g. https://example.org/archive/ or /archive/
  --drafts           include articles marked draft: true
  --future           include articles dated in the future
  --now TIME         fix the build time (ISO 8601), for reproducible builds
  --no-cache         build: ignore the cache and previous output; rebuild everything
  --format FORMAT    diagnostics as text, json or github (default: text)
  --links            check: also check internal links and anchors
  --port N           serve: port (default: 8080)
  --host HOST        serve: address to listen on (default: 127.0.0.1)
  --tags a,b         new: tags for the article
  --date DATE        new: publication date (default: today)
  --min N            entities suggest: only names found in at least N articles (default: 1)
  --verbose          show stack traces for unexpected errors
  -h, --help         show this help
  -v, --version      show the version`;

const OPTIONS = {
  content: { type: "string" },
  out: { type: "string" },
  templates: { type: "string" },
  public: { type: "string" },
  config: { type: "string" },
  "base-url": { type: "string" },
  drafts: { type: "boolean" },
  future: { type: "boolean" },
  now: { type: "string" },
  format: { type: "string" },
  links: { type: "boolean" },
  port: { type: "string" },
  host: { type: "string" },
  tags: { type: "string" },
  date: { type: "string" },
  min: { type: "string" },
  verbose: { type: "boolean" },
  "no-cache": { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} satisfies ParseArgsConfig["options"];

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

/** What the process running the CLI lends its builds (bin/dateline.js). */
export type ProcessHooks = Pick<BuildOptions, "onArticlesToProcess">;

export async function main(argv: string[], hooks: ProcessHooks = {}): Promise<number> {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
  } catch (error) {
    return usage((error as Error).message);
  }
  if (values.version) {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  try {
    const format = parseFormat(values.format);
    switch (command) {
      case "build":
        noExtraArguments(rest);
        return await runBuild({ ...overrides(values), ...hooks, cache: values["no-cache"] ? "refresh" : "use" }, format);
      case "check":
        noExtraArguments(rest);
        return await runCheck(overrides(values), format, values.links ?? false);
      case "serve": {
        noExtraArguments(rest);
        const { serve } = await import("./serve/server.js");
        await serve({ ...overrides(values), ...hooks, port: parsePort(values.port), host: values.host ?? "127.0.0.1", log: (m: string) => process.stdout.write(`${m}\n`) });
        return 0;
      }
      case "new":
        return await runNew(rest, values);
      case "entities":
        return await runEntities(rest, values, format);
      default:
        return usage(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) return usage(describeError(error));
    process.stderr.write(`error: ${describeError(error, values.verbose)}\n`);
    return 1;
  }
}

function usage(message: string): number {
  process.stderr.write(`error: ${message}\n\nRun "dateline --help" for usage.\n`);
  return 2;
}

function noExtraArguments(rest: string[]): void {
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
}

function parseFormat(value: string | undefined): DiagnosticFormat {
  if (value === undefined) return "text";
  if ((DIAGNOSTIC_FORMATS as readonly string[]).includes(value)) return value as DiagnosticFormat;
  throw new UsageError(`--format must be one of ${DIAGNOSTIC_FORMATS.join(", ")}, not "${value}"`);
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 8080;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${value}"`);
  return port;
}

export function overrides(values: Values): ConfigOverrides {
  const o: ConfigOverrides = {};
  if (values.content) o.contentDir = resolve(values.content);
  if (values.out) o.outDir = resolve(values.out);
  if (values.templates) o.templatesDir = resolve(values.templates);
  if (values.public) o.publicDir = resolve(values.public);
  if (values.config) o.configFile = resolve(values.config);
  if (values["base-url"]) o.baseUrl = values["base-url"];
  if (values.drafts) o.drafts = true;
  if (values.future) o.future = true;
  if (values.now) {
    const parsed = parseDate(values.now, "UTC");
    if (!parsed.ok) throw new UsageError(`--now ${parsed.message}`, { hint: parsed.hint });
    o.now = parsed.value.epochMs;
  }
  return o;
}

/**
 * JSON goes to stdout for tools to read; GitHub annotations too, because stdout is where the
 * Actions runner documents it looks for workflow commands; text is for people, on stderr.
 */
function report(diagnostics: Diagnostic[], format: DiagnosticFormat): void {
  if (format === "json") {
    process.stdout.write(`${formatDiagnostics(diagnostics, "json")}\n`);
  } else if (format === "github") {
    if (diagnostics.length) process.stdout.write(`${formatDiagnostics(diagnostics, "github")}\n`);
  } else if (diagnostics.length) {
    process.stderr.write(`${formatDiagnostics(diagnostics, format)}\n`);
  }
}

async function runBuild(o: BuildOptions, format: DiagnosticFormat): Promise<number> {
  const result = await build(o);
  report(result.diagnostics, format);
  if (!result.ok) {
    process.stderr.write("build stopped: nothing was written; fix the errors above and build again\n");
    return 1;
  }
  if (format !== "json") {
    const t = result.timings;
    process.stdout.write(
      `built ${result.articles} articles into ${result.files} files in ${result.config.outDir} ` +
        `(load ${t.load} ms, index ${t.index} ms, render ${t.render} ms` +
        (result.searchPages === undefined ? "" : `, search index of ${result.searchPages} articles ${t.search} ms`) +
        (t.commit === undefined ? ")\n" : `, commit ${t.commit} ms)\n`),
    );
    const inc = result.incremental;
    if (inc) {
      process.stdout.write(
        `  articles: ${inc.articlesFromCache} from cache, ${inc.articlesProcessed} processed ` +
          `(${inc.pool === "workers" ? "in worker threads" : "in-process"}); ` +
          `pages: ${inc.pagesKeyed} keyed, ${inc.pagesRendered} rendered${inc.pageThreads ? ` (templates in ${inc.pageThreads} worker threads)` : ""}, ${inc.filesReused} files unchanged; ` +
          `output: ${inc.outputMode}${inc.searchThreads ? ` (search documents in ${inc.searchThreads} worker threads)` : ""}\n`,
      );
    }
  }
  return 0;
}

async function runCheck(o: ConfigOverrides, format: DiagnosticFormat, links: boolean): Promise<number> {
  if (links) {
    const { checkSiteWithLinks } = await import("./check/site.js");
    const result = await checkSiteWithLinks(o);
    report(result.diagnostics, format);
    if (format === "text" && result.ok && result.links) {
      process.stdout.write(
        `checked ${result.articles} articles and ${result.links.links} links on ${result.links.pages} pages: no errors\n`,
      );
    }
    return result.ok ? 0 : 1;
  }
  const result = await checkSite(o);
  report(result.diagnostics, format);
  if (format === "text" && result.ok) {
    process.stdout.write(`checked ${result.library?.articles.length ?? 0} articles: no errors\n`);
  }
  return result.ok ? 0 : 1;
}

async function runEntities(rest: string[], values: Values, format: DiagnosticFormat): Promise<number> {
  if (rest[0] !== "suggest" || rest.length !== 1) throw new UsageError('the entities command has one subcommand: dateline entities suggest');
  const min = values.min === undefined ? 1 : Number(values.min);
  if (!Number.isInteger(min) || min < 1) throw new UsageError(`--min must be a whole number of at least 1, not "${values.min}"`);
  const checked = await checkSite(overrides(values));
  const errors = checked.diagnostics.filter((d) => d.severity === "error");
  if (errors.length) report(errors, format === "json" ? "text" : format);
  if (!checked.library) return 1;
  const { formatSuggestions, suggestEntities } = await import("./entities/suggest.js");
  const registryPath = checked.registry?.file ?? displayPath(join(checked.config.contentDir, "entities.yml"));
  process.stdout.write(formatSuggestions(suggestEntities(checked.library.articles, min, checked.registry?.entries), registryPath));
  return 0;
}

async function runNew(rest: string[], values: Values): Promise<number> {
  if (rest.length !== 1) throw new UsageError('give the headline as one quoted argument: dateline new "Headline"');
  const bag = new DiagnosticBag();
  const config = await loadConfig(overrides(values), bag);
  if (bag.hasErrors) {
    report(bag.list(), parseFormat(values.format));
    return 1;
  }
  const path = await newArticle({
    title: rest[0]!,
    contentDir: config.contentDir,
    timezone: config.timezone,
    ...(values.tags ? { tags: values.tags.split(",") } : {}),
    ...(values.date ? { date: values.date } : {}),
    now: config.now,
  });
  process.stdout.write(`wrote ${displayPath(path)}\n`);
  return 0;
}
