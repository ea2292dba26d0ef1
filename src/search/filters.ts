import { ENTITY_TYPES } from "../content/article.js";
import type { Library } from "../model/library.js";
import { ENTITY_SECTIONS } from "../model/routes.js";
import { ENTITY_LABELS } from "../pages/entity-view.js";
import { searchPaths, serializeFilter, SEARCH_BUNDLE_DIR } from "./format.js";

/**
 * The search page's filters as index files: one file per filter value listing its documents
 * newest first, made from the Library alone (no article text), so they are cheap to make in
 * full on every build. The values are the ones the search page offers (pages/views.ts
 * searchView reads the same Library fields): tag names, entity-type labels, years.
 */
export interface FilterIndex {
  /** output path → file contents */
  files: Map<string, string>;
  /** filter key → shown value → file relative to the bundle, for meta.json */
  values: Record<string, Record<string, string>>;
}

export function filterIndex(library: Library, idOf: (articleIndex: number) => string): FilterIndex {
  const files = new Map<string, string>();
  const values: Record<string, Record<string, string>> = { tag: {}, type: {}, year: {} };
  const add = (key: string, value: string, file: string, articles: Iterable<number>) => {
    // Library lists are in article order, which is newest first.
    const sorted = [...new Set(articles)].sort((a, b) => a - b);
    const path = searchPaths.filter(key, file);
    files.set(path, serializeFilter(sorted.map(idOf)));
    values[key]![value] = path.slice(SEARCH_BUNDLE_DIR.length + 1);
  };
  for (const tag of library.tags) add("tag", tag.name, tag.slug, tag.articles);
  for (const type of ENTITY_TYPES) {
    const terms = library.entities[type];
    if (terms.length > 0) add("type", ENTITY_LABELS[type], ENTITY_SECTIONS[type], terms.flatMap((t) => t.articles));
  }
  for (const year of library.years) add("year", String(year.year), String(year.year), year.articles);
  return { files, values };
}
