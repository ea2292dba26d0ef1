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
 * Fields that only show up where the article itself is shown (its page and its cards) and
 * never change the Library's shape. Every other field — including any added later — counts
 * as structure, so forgetting to list one here costs speed, never correctness.
 */
const DISPLAY_FIELDS = new Set([
  "title", "summary", "excerpt", "digest", "wordCount", "image", "corrections", "canonical", "updated",
  "bodyLine", "fieldLines", "sourcePath", "file",
]);

/** Everything in the Library except the display fields of its articles. */
export function structureDigest(library: Library): string {
  const articles = library.articles.map((a) => {
    const structural: Record<string, unknown> = {};
    for (const key in a) if (!DISPLAY_FIELDS.has(key)) structural[key] = a[key as keyof typeof a];
    return structural;
  });
  const rest = Object.fromEntries(Object.entries(library).filter(([k]) => k !== "articles"));
  return digest(JSON.stringify(articles), JSON.stringify(rest, (_key, value: unknown) =>
    value instanceof Map ? [...value.entries()] : value instanceof Set ? [...value] : value,
  ));
}

/**
 * An article's identity for change detection: a loaded article is a pure function of its
 * text (the digest), its paths and the article cache key, so these stand for all its fields.
 */
export function articleFingerprint(article: PublishedArticle, articleKey: string): string {
  return `${articleKey}:${article.digest}:${article.id}:${article.file}:${article.sourcePath}`;
}
