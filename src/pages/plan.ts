import { ENTITY_TYPES, type EntityType } from "../content/article.js";
import type { Library, Term } from "../model/library.js";
import { outputPath, routes } from "../model/routes.js";

/**
 * Every page of the site as a small value: where it goes and what it shows. Planning is
 * cheap and complete before rendering, so output collisions are found before anything is
 * written, and a page can be rendered on its own (what incremental builds need).
 */
export type PageSpec =
  | { kind: "home" }
  | { kind: "archive"; page: number }
  | { kind: "article"; index: number }
  | { kind: "terms"; of: "tags" | "entities" | "authors"; order?: "name" | "count" }
  | { kind: "tag"; index: number; page: number }
  | { kind: "entity"; type: EntityType; index: number; page: number }
  | { kind: "author"; index: number; page: number }
  | { kind: "year"; index: number; page: number }
  | { kind: "month"; yearIndex: number; index: number; page: number }
  | { kind: "search" }
  | { kind: "404" }
  // Generated files (not templates): see render/page.ts for the dispatch.
  | { kind: "feed"; format: FeedFormat }
  | { kind: "term-feed"; of: FeedTermKind; index: number }
  /** URLs `from`..`to` (exclusive) of `sitemapPages()`, in one sitemap file. */
  | { kind: "sitemap"; from: number; to: number }
  | { kind: "sitemap-index"; parts: number }
  | { kind: "news-sitemap" }
  | { kind: "robots" }
  /** An old path of a renamed article (`redirect_from`): a page that sends readers on. */
  | { kind: "redirect"; index: number; from: string }
  /** `_redirects`, the file Netlify and Cloudflare Pages read to answer with real 301s. */
  | { kind: "redirects-file" };

export type FeedFormat = "rss" | "atom" | "json";
/** Listings that have their own Atom feed. */
export type FeedTermKind = "tag" | "author" | EntityType;

/**
 * Page kinds rendered from templates into HTML; every other kind is a generated file. A new
 * HTML kind goes here too (or render/page.ts will not compile); it then joins the sitemap.
 */
export const HTML_KINDS = ["home", "archive", "article", "terms", "tag", "entity", "author", "year", "month", "search", "404"] as const;
export type HtmlSpec = Extract<PageSpec, { kind: (typeof HTML_KINDS)[number] }>;
export function isHtmlSpec(spec: PageSpec): spec is HtmlSpec {
  return (HTML_KINDS as readonly string[]).includes(spec.kind);
}

export interface PlanOptions {
  /** URLs per sitemap file; above it sitemap.xml becomes an index. */
  sitemapLimit?: number;
  /** The build time: the news sitemap holds articles from the two days before it. */
  now?: number;
}

/** Google News reads articles from the last two days, at most 1,000 per sitemap. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
export const NEWS_SITEMAP_LIMIT = 1000;

export interface PlannedPage {
  route: string;
  /** Relative to the output folder. */
  output: string;
  spec: PageSpec;
}

export function pageCount(items: number, pageSize: number): number {
  return Math.max(1, Math.ceil(items / pageSize));
}

export function planPages(library: Library, pageSize: number, options: PlanOptions = {}): PlannedPage[] {
  const pages: PlannedPage[] = [];
  const add = (route: string, spec: PageSpec) => pages.push({ route, output: outputPath(route), spec });
  const paginated = (base: string, items: number, make: (page: number) => PageSpec) => {
    for (let page = 1; page <= pageCount(items, pageSize); page++) add(routes.page(base, page), make(page));
  };

  add(routes.home(), { kind: "home" });
  paginated(routes.archive(), library.articles.length, (page) => ({ kind: "archive", page }));
  library.articles.forEach((a, index) => add(a.url, { kind: "article", index }));
  add(routes.tags(), { kind: "terms", of: "tags" });
  library.tags.forEach((t, index) => paginated(t.url, t.articles.length, (page) => ({ kind: "tag", index, page })));
  add(routes.entities(), { kind: "terms", of: "entities" });
  add(routes.entitiesByCount(), { kind: "terms", of: "entities", order: "count" });
  for (const type of ENTITY_TYPES) {
    library.entities[type].forEach((e, index) =>
      paginated(e.url, e.articles.length, (page) => ({ kind: "entity", type, index, page })),
    );
  }
  add(routes.authors(), { kind: "terms", of: "authors" });
  library.authors.forEach((t, index) => paginated(t.url, t.articles.length, (page) => ({ kind: "author", index, page })));
  library.years.forEach((y, index) => {
    paginated(y.url, y.articles.length, (page) => ({ kind: "year", index, page }));
    y.months.forEach((m, mi) =>
      paginated(m.url, m.articles.length, (page) => ({ kind: "month", yearIndex: index, index: mi, page })),
    );
  });
  add(routes.search(), { kind: "search" });
  add(routes.notFound(), { kind: "404" });
  library.articles.forEach((a, index) => {
    for (const from of a.redirectFrom) add(from, { kind: "redirect", index, from });
  });
  if (library.articles.some((a) => a.redirectFrom.length)) add(routes.redirectsFile(), { kind: "redirects-file" });
  planGenerated(library, pages, add, options);
  return pages;
}

function planGenerated(library: Library, pages: PlannedPage[], add: (route: string, spec: PageSpec) => void, options: PlanOptions) {
  add(routes.rss(), { kind: "feed", format: "rss" });
  add(routes.atom(), { kind: "feed", format: "atom" });
  add(routes.jsonFeed(), { kind: "feed", format: "json" });
  library.tags.forEach((t, index) => add(routes.termFeed(t.url), { kind: "term-feed", of: "tag", index }));
  library.authors.forEach((t, index) => add(routes.termFeed(t.url), { kind: "term-feed", of: "author", index }));
  for (const type of ENTITY_TYPES) {
    library.entities[type].forEach((e, index) => add(routes.termFeed(e.url), { kind: "term-feed", of: type, index }));
  }

  const limit = options.sitemapLimit ?? 50_000;
  const urls = sitemapPages(pages, library).length;
  if (urls <= limit) add(routes.sitemap(), { kind: "sitemap", from: 0, to: urls });
  else {
    const parts = Math.ceil(urls / limit);
    add(routes.sitemap(), { kind: "sitemap-index", parts });
    for (let n = 1; n <= parts; n++) {
      add(routes.sitemapPart(n), { kind: "sitemap", from: (n - 1) * limit, to: Math.min(n * limit, urls) });
    }
  }
  // An empty urlset is invalid, so a quiet news desk publishes no news sitemap at all.
  if (options.now !== undefined && newsArticles(library, options.now).length > 0) add(routes.newsSitemap(), { kind: "news-sitemap" });
  add(routes.robots(), { kind: "robots" });
}

/**
 * The pages a sitemap lists, in plan order: every HTML page except the 404 page and articles
 * whose canonical URL is elsewhere (a sitemap must list only canonical URLs).
 */
export function sitemapPages(pages: readonly PlannedPage[], library: Library): PlannedPage[] {
  return pages.filter((p) => {
    if (!isHtmlSpec(p.spec) || p.spec.kind === "404") return false;
    return p.spec.kind !== "article" || !library.articles[p.spec.index]!.canonical;
  });
}

/** Indexes of articles published in the news window before `now`, newest first. */
export function newsArticles(library: Library, now: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < library.articles.length && out.length < NEWS_SITEMAP_LIMIT; i++) {
    const at = library.articles[i]!.date.epochMs;
    if (at <= now && at > now - NEWS_WINDOW_MS) out.push(i);
    else if (at <= now - NEWS_WINDOW_MS) break;
  }
  return out;
}

/** A page or generated file as an editor would name it, for messages. */
export function describePage(page: PlannedPage, library: Library): string {
  const spec = page.spec;
  switch (spec.kind) {
    case "article":
    case "redirect":
      return `the article ${library.articles[spec.index]!.file}`;
    case "tag":
      return `the tag page for "${library.tags[spec.index]!.name}"`;
    case "entity":
      return `the ${spec.type} page for "${library.entities[spec.type][spec.index]!.name}"`;
    case "author":
      return `the author page for "${library.authors[spec.index]!.name}"`;
    case "term-feed":
      return `the feed of the ${spec.of} "${feedTerm(library, spec.of, spec.index).name}"`;
    case "terms":
      return `the ${spec.of} page${spec.order === "count" ? " by number of articles" : ""}`;
    case "feed":
      return `the ${FEED_NAMES[spec.format]} feed`;
    case "sitemap":
      return "the sitemap";
    case "sitemap-index":
      return "the sitemap index";
    case "news-sitemap":
      return "the news sitemap";
    case "robots":
      return "robots.txt";
    case "redirects-file":
      return "the _redirects file";
    default:
      return `the ${spec.kind} page`;
  }
}

const FEED_NAMES: Readonly<Record<FeedFormat, string>> = { rss: "RSS", atom: "Atom", json: "JSON" };

/** The term behind a per-term feed. */
export function feedTerm(library: Library, of: FeedTermKind, index: number): Term {
  if (of === "tag") return library.tags[index]!;
  if (of === "author") return library.authors[index]!;
  return library.entities[of][index]!;
}
