import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { DatelineError } from "../errors.js";
import { SEARCH_BUNDLE_DIR } from "../search/format.js";

/**
 * The files under public/, sorted. Read once, while the site is checked: redirects are
 * checked against them (pages/outputs.ts) and the build copies exactly this list.
 */
export async function readPublicFiles(publicDir: string): Promise<string[]> {
  try {
    return (await readdir(publicDir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => relative(publicDir, join(e.parentPath, e.name)).split(sep).join("/"))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/**
 * A public file may not replace a generated page. (A redirect on a public file never gets
 * here: the check reports it at the article's `redirect_from`, where it is fixed.)
 */
export function assertPublicFilesFit(entries: readonly string[], generated: ReadonlySet<string>): void {
  const clashes = entries.filter((e) => generated.has(e) || e.startsWith(`${SEARCH_BUNDLE_DIR}/`));
  if (clashes.length) {
    throw new DatelineError(`public/ files would overwrite generated pages: ${clashes.join(", ")}`, {
      hint: `rename or remove those files in public/ (${SEARCH_BUNDLE_DIR}/ is where the search index goes)`,
    });
  }
}
