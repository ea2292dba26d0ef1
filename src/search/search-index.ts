import type { Library } from "../model/library.js";
import type { Writer } from "../write/writer.js";
import { planFullIndex, type DirectDocs } from "./full.js";
import { planPatch, type LiveIndex } from "./patch.js";
import type { IndexConfig, PlannedIndex } from "./plan.js";
import type { DocContents } from "./docs.js";

/**
 * Dateline's own static search index (replacing Pagefind, which read every built article
 * page again after every edit and could not meet the memory target at 100,000 articles).
 * The index is made from the Library and the article files, not from built HTML, so it goes
 * through the Writer like every page: atomic, in memory for tests, and — in the cached
 * build — patched for the documents that changed rather than rebuilt.
 */
export type { PlannedIndex, SearchState } from "./plan.js";
export type { LiveIndex } from "./patch.js";
export { SEARCH_BUNDLE_DIR } from "./format.js";

/**
 * A full index, each document written as soon as it is made. `contents` gives what loading
 * made of an article's text (the cached build keeps it); the rest are read from their files.
 * `direct` is for a writer filling a fresh folder: threads write the documents into it.
 */
export async function writeSearchIndex(library: Library, config: IndexConfig, writer: Writer, contents?: DocContents, direct?: DirectDocs): Promise<PlannedIndex> {
  const index = await planFullIndex(library, config, (path, contents) => writer.write(path, contents), undefined, contents, direct);
  await index.write(writer);
  return index;
}

/** The cached build: a patch of the live index when it can be trusted, else a full build. */
export async function planSearchIndex(library: Library, config: IndexConfig, live: LiveIndex | undefined, contents?: DocContents): Promise<PlannedIndex> {
  const patched = live ? await planPatch(library, config, live, contents) : undefined;
  return patched ?? (await planFullIndex(library, config, undefined, undefined, contents));
}
