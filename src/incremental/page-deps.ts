import { ENTITY_TYPES } from "../content/article.js";
import type { Library, PublishedArticle, Term } from "../model/library.js";
import type { SiteConfig } from "../config.js";
import { routes } from "../model/routes.js";
import { feedTerm, type PageSpec } from "../pages/plan.js";
import { digest, hash53 } from "../util/digest.js";

/**
 * Which articles a page shows, so an edit re-keys only the pages that show the edited
 * article. This holds only while the Library's structure is unchanged (same articles in the
 * same order, same terms, lists, years: `structureDigest`), which the caller checks first; a
 * structural change is narrowed by `narrowDependencies` instead. Within one structure, a
 * page of a known kind reads article fields only from the articles listed here, and
 * everything else it shows comes from the structure, the site view and the config — all of
 * which are in the key.
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
function articleFingerprint(article: PublishedArticle, articleKey: string): string {
  return `${articleKey}:${article.digest}:${article.id}:${article.file}:${article.sourcePath}`;
}

/**
 * What a page of a known kind shows when the Library's structure changed (a tag, author or
 * entity edited, an article added, removed or dated again): the articles it reads (by their
 * place in this Library), the one term whose name, URL and article list it shows (by URL,
 * see `termPrints`), and whether it shows the calendar (every year and month: the archive
 * navigation). Compared with `pageDependencies`, an entity page depends on every article of
 * its entity, not only those of its page: the entities named alongside it and the yearly
 * chart are counted over all of them. Pages that show the whole Library (the home page's top
 * tags and years, the term indexes, the search filters, feeds, sitemaps, redirects, anything
 * added later) return undefined and are keyed in full.
 */
export interface NarrowDependencies {
  articles: readonly number[];
  term?: string;
  calendar?: true;
}

export function narrowDependencies(spec: PageSpec, library: Library, config: Pick<SiteConfig, "pageSize" | "homeSize" | "feedSize">): NarrowDependencies | undefined {
  // The articles the page shows, as with the structure unchanged.
  const shown = () => pageDependencies(spec, library, config)!;
  switch (spec.kind) {
    case "archive":
      // Its "term" is the whole archive, in order (see `termPrints`).
      return { articles: shown(), term: routes.archive() };
    case "article":
    case "404":
      // An article page shows its own terms (in its print, see `articlePrints`); the caller
      // adds its neighbours and related articles, which depend on where the article is.
      return { articles: shown() };
    case "tag":
      return { articles: shown(), term: library.tags[spec.index]!.url };
    case "author":
      return { articles: shown(), term: library.authors[spec.index]!.url };
    case "entity": {
      const entity = library.entities[spec.type][spec.index]!;
      return { articles: entity.articles, term: entity.url };
    }
    case "year":
      return { articles: shown(), term: library.years[spec.index]!.url, calendar: true };
    case "month":
      return { articles: shown(), term: library.years[spec.yearIndex]!.months[spec.index]!.url, calendar: true };
    case "term-feed":
      return { articles: shown(), term: feedTerm(library, spec.of, spec.index).url };
    default:
      return undefined;
  }
}

/**
 * Per term (tag, author, entity, year, month, and the archive of every article), keyed by its
 * URL: a digest of what its pages show of it besides its articles' own fields — its name, its
 * place in the registry and the list of its articles by id (their count and order, which
 * pagination shows). A term that is new, gone or different in any of these has a different
 * print, or none.
 */
export function termPrints(library: Library): Record<string, string> {
  let prints = termsByShape.get(library.shape);
  if (!prints) termsByShape.set(library.shape, (prints = makeTermPrints(library)));
  return prints;
}

const termsByShape = new WeakMap<object, Record<string, string>>();

function makeTermPrints(library: Library): Record<string, string> {
  const prints: Record<string, string> = {};
  // By id, not by place: an article added before a term's articles leaves its list as it was.
  const ids = library.articles.map((a) => a.id);
  const listed = (articles: readonly number[]) => articles.map((i) => ids[i]).join("\n");
  const add = (url: string, ...parts: string[]) => {
    prints[url] = digest(...parts).slice(0, 32);
  };
  add(routes.archive(), "archive", ids.join("\n"));
  for (const t of library.tags) add(t.url, "tag", t.name, listed(t.articles));
  for (const t of library.authors) add(t.url, "author", t.name, listed(t.articles));
  for (const type of ENTITY_TYPES) {
    for (const t of library.entities[type]) add(t.url, type, t.name, listed(t.articles), t.entry ? JSON.stringify(t.entry) : "");
  }
  for (const y of library.years) {
    add(y.url, "year", listed(y.articles));
    for (const m of y.months) add(m.url, "month", listed(m.articles));
  }
  return prints;
}

/** Every year and month with articles: what the archive navigation of a year or month page lists. */
export function calendarPrint(library: Library): string {
  return digest(...library.years.map((y) => `${y.url}\u0001${y.months.map((m) => m.url).join("\u0001")}`));
}

/**
 * Each article's fingerprint (its text, its paths, the article cache key) followed by what
 * the rest of the archive lends to how it is shown: the name and URL of every term it is
 * listed under. The name shown is the most used spelling, so an edit to another article can
 * change it, and a term can appear or go with another article (an unregistered name needs
 * enough articles to get a page). The entity pages the body links are among these terms:
 * an article links an entity exactly when it is listed under it (model/entities.ts), and
 * which words link it comes from the article's own text. An article whose print changed
 * counts as changed for every page that shows it, although its file did not change.
 */
export function articlePrints(library: Library, articleKey: string): string[] {
  let lent = lentByShape.get(library.shape);
  if (!lent) lentByShape.set(library.shape, (lent = lentToArticles(library)));
  return library.articles.map((a, i) => `${articleFingerprint(a, articleKey)}:${lent[i]}`);
}

/**
 * Libraries that share a shape have the same terms and names (incremental/library-memo.ts),
 * so a serve session's text edits reuse what was lent.
 */
const lentByShape = new WeakMap<object, string[]>();

/**
 * A 53-bit hash, not sha256: it is computed for every article on every build that changed
 * the structure, and sha256 made that a tenth of a second per 10,000 articles. It compares
 * one article's terms with the same article's terms a build earlier, so two lists that differ
 * go unnoticed only when their hashes collide, about one chance in 10^15 per article.
 */
function lentToArticles(library: Library): string[] {
  const shown: string[] = library.articles.map(() => "");
  const listed = (terms: readonly Term[]) => {
    for (const t of terms) {
      const print = `${t.name}\u0001${t.url}\u0002`;
      for (const i of t.articles) shown[i] += print;
    }
  };
  listed(library.tags);
  listed(library.authors);
  for (const type of ENTITY_TYPES) listed(library.entities[type]);
  return shown.map((terms) => hash53(terms).toString(36));
}
