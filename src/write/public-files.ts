import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { DatelineError } from "../errors.js";
import { SEARCH_BUNDLE_DIR } from "../search/format.js";

/** The files under public/, sorted; a public file may not replace a generated page. */
export async function listPublicFiles(publicDir: string, generated: Set<string>): Promise<string[]> {
  let entries: string[];
  try {
    entries = (await readdir(publicDir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => relative(publicDir, join(e.parentPath, e.name)).split(sep).join("/"))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const clashes = entries.filter((e) => generated.has(e) || e.startsWith(`${SEARCH_BUNDLE_DIR}/`));
  if (clashes.length) {
    throw new DatelineError(`public/ files would overwrite generated pages: ${clashes.join(", ")}`, {
      hint: `rename or remove those files in public/ (${SEARCH_BUNDLE_DIR}/ is where the search index goes)`,
    });
  }
  return entries;
}
