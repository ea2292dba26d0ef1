import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { DatelineError } from "../errors.js";

/**
 * Makes template failures say where they are. Two Nunjucks habits get in the way:
 * - a syntax error in an included partial is swallowed when the page renders (the include
 *   renders as nothing and the build "succeeds"), so every template is compiled up front;
 * - errors raised while rendering carry 0-based line and column numbers (syntax errors are
 *   1-based), so render-time positions are shifted by one to match what editors show.
 */
export interface NunjucksEnvironment {
  getTemplate(name: string, eagerCompile: true): unknown;
}

/** Compiles every .njk file under `templatesDir`; reports all broken ones in one error. */
export async function checkTemplateSyntax(env: NunjucksEnvironment, templatesDir: string, extension: string): Promise<void> {
  const files = (await readdir(templatesDir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.endsWith(extension))
    .map((e) => relative(templatesDir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
  const problems: string[] = [];
  for (const name of files) {
    try {
      env.getTemplate(name, true);
    } catch (error) {
      const where = locate(error, false);
      const file = shown(join(templatesDir, name));
      problems.push(`${where ? position(where) : file}: ${reason(error)}`);
    }
  }
  if (problems.length) {
    throw new DatelineError(`template syntax error${problems.length > 1 ? "s" : ""}:\n  ${problems.join("\n  ")}`, {
      hint: "fix the template at the line shown; nothing was written",
    });
  }
}

/** A render-time failure as `template file:line:col failed while rendering /route/ (source): reason`. */
export function renderFailure(error: unknown, templateFile: string, page: string): DatelineError {
  const where = locate(error, true);
  const at = where ? position(where) : shown(templateFile);
  return new DatelineError(`template ${at} failed while rendering ${page}: ${reason(error)}`, {
    hint: "fix the template at the line shown; nothing was written",
  });
}

const LOCATION = /\(([^()\n]+)\)(?: \[Line (\d+)(?:, Column (\d+))?\])?/g;

/** The innermost `(path) [Line n, Column m]` Nunjucks put in the message: where it went wrong. */
function locate(error: unknown, renderTime: boolean): { file: string; line: number; column: number } | undefined {
  const message = error instanceof Error ? error.message : String(error);
  let found: { file: string; line: number; column: number } | undefined;
  for (const m of message.matchAll(LOCATION)) {
    if (!m[1] || m[1] === "unknown path") continue;
    const shift = renderTime ? 1 : 0;
    found = { file: m[1], line: m[2] ? Number(m[2]) + shift : 0, column: m[3] ? Number(m[3]) + shift : 0 };
  }
  return found;
}

/** The last line of Nunjucks' message: the error itself, without its location prefixes. */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split("\n").map((l) => l.trim()).filter(Boolean);
  return (lines[lines.length - 1] ?? message).replace(/^Error: /, "");
}

function position(where: { file: string; line: number; column: number }): string {
  return `${shown(where.file)}${where.line ? `:${where.line}${where.column ? `:${where.column}` : ""}` : ""}`;
}

function shown(path: string): string {
  return relative(process.cwd(), path) || path;
}
