import type { Library, PublishedArticle } from "../model/library.js";
import type { SiteConfig } from "../config.js";
import { feedTerm, type PageSpec } from "../pages/plan.js";
import { digest } from "../util/digest.js";

/**
 * Which articles a page shows, so an edit re-keys only the pages that show the edited
 * article. This holds only while the Library's structure is unchanged (same articles in the
 * same order, same terms, lists, years: `structureDigest`), which the caller checks first; any
 * structural change falls back to keying every page. Within one structure, a page of a known
 * kind reads article fields only from the articles listed here, and everything else it shows
 * comes from the structure, the site view and the config — all of which are in the key.
 * Kinds not listed here (site feeds, which may carry the build time; sitemaps, which list
 * every page; anything added later) return undefined and are keyed in full on every build, so
 * a new page kind can never be left stale.
 */
export function pageDependencies(spec: PageSpec, library: Library, config: Pick<SiteConfig, "pageSize" | "homeSize" | "feedSize">): number[] | undefined {
  const { pageSize, homeSize, feedSize } = config;
  const slice = (items: readonly number[], page: number) => items.slice((page - 1) * pageSize, page * pageSize);
  switch (spec.kind) {
    case "home":
      return range(0, Math.min(homeSize, library.articles.length));
    case "archive":
      return range((spec.page - 1) * pageSize, Math.min(spec.page * pageSize, library.articles.length));
    case "article":
      // Its neighbours (previous/next links) and related articles; the caller adds the
      // related ones, which it remembers from the build that computed them.
      return [spec.index - 1, spec.index, spec.index + 1];
    case "tag":
      return slice(library.tags[spec.index]!.articles, spec.page);
    case "entity":
      return slice(library.entities[spec.type][spec.index]!.articles, spec.page);
    case "author":
      return slice(library.authors[spec.index]!.articles, spec.page);
    case "year":
      return slice(library.years[spec.index]!.articles, spec.page);
    case "month":
      return slice(library.years[spec.yearIndex]!.months[spec.index]!.articles, spec.page);
    case "term-feed":
      // A term always has articles, so its feed's date comes from them, never the build time.
      return feedTerm(library, spec.of, spec.index).articles.slice(0, feedSize);
    case "terms":
    case "404":
      return [];
    default:
      return undefined;
  }
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

/**
 * Everything the Library's shape is made of: per article its structural digest (made when it
 * was loaded), where it is published and its resolved media, plus the registry. The rest of
 * the Library (terms, entities, years, links) is a function of these and of the config, which
 * the page key already covers, so it need not be serialised again.
 */
export function structureDigest(library: Library): string {
  return digest(library.registryDigest, ...library.articles.map((a) => `${a.id}\0${a.structure}\0${a.url}\0${JSON.stringify(a.media)}`));
}

/**
 * An article's identity for change detection: a loaded article is a pure function of its
 * text (the digest), its paths and the article cache key, so these stand for all its fields.
 */
export function articleFingerprint(article: PublishedArticle, articleKey: string): string {
  return `${articleKey}:${article.digest}:${article.id}:${article.file}:${article.sourcePath}`;
}
