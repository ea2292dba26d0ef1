import { join } from "node:path";
import * as pagefind from "pagefind";
import { DatelineError } from "../errors.js";
import { routes } from "../model/routes.js";

/**
 * The one module that imports Pagefind. Pagefind indexes built HTML, so it runs after every
 * page is written, on the writer's staging folder and before the commit: a failed index
 * fails the build and the live site stays as it was. Its npm package ships the indexer as a
 * platform binary (an optional dependency, no install script) and runs it as a service.
 *
 * Templates decide what is searchable: only the article body carries `data-pagefind-body`,
 * so listings are never results, and `data-pagefind-filter` attributes on the article's
 * tags, entity groups and date give the search page its filters.
 */
export const SEARCH_BUNDLE_DIR = routes.searchBundle().replace(/^\/|\/$/g, "");

export interface SearchIndexResult {
  /** Pages Pagefind found with a searchable body. */
  pages: number;
}

export async function indexSearch(siteDir: string, language: string): Promise<SearchIndexResult> {
  try {
    const created = await pagefind.createIndex({ forceLanguage: language.slice(0, 2).toLowerCase() });
    const index = created.index;
    if (!index || created.errors.length) throw failure("could not start the search indexer", created.errors);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw failure("the search indexer could not read the built pages", added.errors);
    const written = await index.writeFiles({ outputPath: join(siteDir, SEARCH_BUNDLE_DIR) });
    if (written.errors.length) throw failure("the search index could not be written", written.errors);
    return { pages: added.page_count };
  } catch (error) {
    if (error instanceof DatelineError) throw error;
    throw new DatelineError("the search indexer (pagefind) failed", {
      cause: error,
      hint: "check that the pagefind package installed its binary for this platform (npm ci)",
    });
  } finally {
    // The service is a child process: leaving it running would keep Node alive after the build.
    await pagefind.close();
  }
}

function failure(message: string, errors: string[]): DatelineError {
  return new DatelineError(`${message}: ${errors.join("; ")}`, {
    hint: "the previous site was left in place; run the build again with --verbose and report the message if it persists",
  });
}
