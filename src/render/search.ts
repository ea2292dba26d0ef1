import { spawn } from "node:child_process";
import { access } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DatelineError } from "../errors.js";
import { routes } from "../model/routes.js";

/**
 * The one module that runs Pagefind. Pagefind indexes built HTML, so it runs after every page
 * is written, on the writer's staging folder and before the commit: a failed index fails the
 * build and the live site stays as it was. Its npm package ships the indexer as a platform
 * binary (an optional dependency, no install script needed).
 *
 * We run the package's own command-line runner rather than its Node service API: the service
 * never settles its promises when the binary exits without an error on its pipe (a crash, a
 * missing binary), which would hang a build forever. A child process has an exit code.
 *
 * Templates decide what is searchable: only the article body carries `data-pagefind-body`,
 * so listings are never results, and `data-pagefind-filter` attributes on the article's
 * tags, entity groups and date give the search page its filters.
 */
export const SEARCH_BUNDLE_DIR = routes.searchBundle().replace(/^\/|\/$/g, "");

export interface SearchIndexResult {
  /** Pages in the index (those with a searchable body), as Pagefind reports them. */
  pages: number;
}

export async function indexSearch(siteDir: string, language: string): Promise<SearchIndexResult> {
  const runner = await findRunner();
  const args = [
    runner,
    ["--site", siteDir],
    ["--output-subdir", SEARCH_BUNDLE_DIR],
    ["--glob", routes.articleOutputGlob()],
    ["--force-language", language.slice(0, 2).toLowerCase()],
  ].flat();
  const { code, output } = await run(process.execPath, args);
  const indexed = /Indexed (\d+) pages?\b/.exec(output);
  if (code !== 0 || !indexed) {
    const tail = output.trim().split("\n").slice(-6).join("\n");
    throw new DatelineError(`the search indexer (pagefind) failed with exit code ${code}:\n${tail}`, {
      hint: "the previous site was left in place; check that `npm ci` installed pagefind's binary for this platform",
    });
  }
  return { pages: Number(indexed[1]) };
}

function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolveRun({ code, output }));
  });
}

/** Pagefind's runner script. Its package exports only the service API, so we look it up. */
async function findRunner(): Promise<string> {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "node_modules", "pagefind", "lib", "runner", "bin.cjs");
    if (await access(candidate).then(() => true, () => false)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new DatelineError("the pagefind package is not installed", { hint: "run `npm ci` (pagefind is a dependency of Dateline)" });
    }
    dir = parent;
  }
}
