import type { CacheKeys } from "../cache/keys.js";
import type { SiteConfig } from "../config.js";
import type { Library } from "../model/library.js";
import type { PlannedPage } from "../pages/plan.js";
import { relatedAfterEdit } from "../pages/related.js";
import type { MediaIndex } from "../render/media.js";
import type { SearchState } from "../search/search-index.js";
import { digest } from "../util/digest.js";
import type { KeyLookup } from "../write/generations.js";
import { articlePrints, calendarPrint, narrowDependencies, pageDependencies, structureDigest, termPrints } from "./page-deps.js";

/**
 * What a build saves beside its output for the next one to trust its page keys, and the
 * next build's side of it: which pages' keys it may take from the last build instead of
 * computing them (incremental/build-cached.ts keys the rest).
 */

/** What the next build needs to know to trust this build's page keys. */
export interface IncrementalState {
  pagesKey: string;
  structure: string;
  site: string;
  /** Per article, its fingerprint and what the archive lends it (page-deps.ts `articlePrints`). */
  articles: string[];
  /** Per article, its id: where each article was, for the next build to follow it. */
  ids?: string[];
  /** Per term URL, what its pages show of it (page-deps.ts `termPrints`). */
  terms?: Record<string, string>;
  calendar?: string;
  /** Digest of every article's published media (image sizes show in pages). */
  media: string;
  /** Each article's related articles: its page shows their cards. */
  related?: number[][];
  /** What the search index was built from, so the next build can patch it (src/search/). */
  search?: SearchState;
}

export function incrementalState(library: Library, keys: CacheKeys, site: unknown, media: MediaIndex): IncrementalState {
  return {
    media: digest(JSON.stringify([...media].map(([id, files]) => [id, [...files]]))),
    pagesKey: keys.pages,
    structure: structureDigest(library),
    site: digest(JSON.stringify(site)),
    articles: articlePrints(library, keys.article),
    ids: library.articles.map((a) => a.id),
    terms: termPrints(library),
    calendar: calendarPrint(library),
  };
}

/**
 * Vouches for a page's previous key when none of what the page shows changed; otherwise the
 * page is keyed in full. With the Library's structure as it was, that is the articles the page
 * shows (pageDependencies). With the structure changed (a tag, author or entity edited, an
 * article added, removed or dated again), articles are followed by id from where they were,
 * and a page also depends on the term whose listing it is, the calendar, and for an article
 * page its neighbours and related articles (narrowDependencies); an article counts as changed
 * when anything the archive lends it did (the names of its terms, the entity pages it links).
 * A build with other settings (templates, config, site navigation, media) leaves nothing to
 * vouch for, and neither does an edit that changed most articles.
 */
export function reusableKeys(
  previous: { keys: KeyLookup; state: unknown } | undefined,
  state: IncrementalState,
  library: Library,
  config: SiteConfig,
): { known: (page: PlannedPage) => string | undefined; related: number[][] | undefined } | undefined {
  const before = previous?.state as Partial<IncrementalState> | undefined;
  if (!previous || !before || before.pagesKey !== state.pagesKey || before.site !== state.site || before.media !== state.media) return undefined;
  const { articles, related } = before;
  // The state is read back from disk: a shape other than this build writes is not trusted.
  if (!Array.isArray(articles) || !Array.isArray(related) || related.length !== articles.length || !related.every(Array.isArray)) return undefined;
  if (before.structure === state.structure && articles.length === state.articles.length) {
    const changed = new Set<number>();
    state.articles.forEach((fp, i) => {
      if (articles[i] !== fp) changed.add(i);
    });
    const known = (page: PlannedPage) => {
      const deps = page.spec.kind === "article"
        ? [page.spec.index - 1, page.spec.index, page.spec.index + 1, ...(related[page.spec.index] ?? [])]
        : pageDependencies(page.spec, library, config);
      return deps && !deps.some((i) => changed.has(i)) ? previous.keys.get(page.output) : undefined;
    };
    return { known, related };
  }
  const { ids: beforeIds, terms } = before;
  const ids = state.ids!;
  if (!Array.isArray(beforeIds) || beforeIds.length !== articles.length || typeof terms !== "object" || terms === null || typeof before.calendar !== "string") return undefined;
  const place = new Map(beforeIds.map((id, i) => [id, i]));
  // Where each article was; an article that is new, or whose print changed, counts as changed.
  const was = ids.map((id) => place.get(id));
  const changed = new Set<number>();
  state.articles.forEach((fp, i) => {
    const at = was[i];
    if (at === undefined || articles[at] !== fp) changed.add(i);
  });
  if (changed.size * 2 > ids.length) return undefined;
  const unchanged = (deps: readonly number[]) => !deps.some((i) => changed.has(i));
  const termChanged = (url: string) => terms[url] !== state.terms?.[url];
  const sameCalendar = before.calendar === state.calendar;
  const now = relatedAfterEdit(library, config.relatedCount, { related, ids: beforeIds, was }, changed, termChanged);
  const sameIds = (a: readonly number[] | undefined, b: readonly number[]) => a !== undefined && a.length === b.length && a.every((x, k) => beforeIds[x] === ids[b[k]!]);
  // The article `by` places from `index` now, and the one that was as far from it then.
  const sameNeighbour = (index: number, by: number) => ids[index + by] === beforeIds[was[index]! + by];
  const known = (page: PlannedPage) => {
    const deps = narrowDependencies(page.spec, library, config);
    if (!deps || !unchanged(deps.articles)) return undefined;
    if (deps.term !== undefined && termChanged(deps.term)) return undefined;
    if (deps.calendar && !sameCalendar) return undefined;
    if (page.spec.kind === "article") {
      const index = page.spec.index;
      if (!sameNeighbour(index, -1) || !sameNeighbour(index, 1)) return undefined;
      if (!sameIds(related[was[index]!], now[index]!) || !unchanged(now[index]!)) return undefined;
    }
    return previous.keys.get(page.output);
  };
  return { known, related: now };
}
