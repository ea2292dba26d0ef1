import type { EntityType } from "../content/article.js";

/**
 * The URL scheme of a Dateline site, in one place. Routes are site paths (`/tags/iraq/`)
 * holding raw Unicode; `href` adds the path prefix and percent-encodes them for HTML, and
 * `outputPath` maps them to files. Slugs reaching here are already safe (see slug.ts).
 */
export const ENTITY_SECTIONS: Readonly<Record<EntityType, string>> = {
  person: "people",
  organization: "organizations",
  place: "places",
};

const pad2 = (n: number) => String(n).padStart(2, "0");

export const routes = {
  home: () => "/",
  archive: () => "/archive/",
  article: (year: number, month: number, slug: string) => `/${year}/${pad2(month)}/${slug}/`,
  year: (year: number) => `/${year}/`,
  month: (year: number, month: number) => `/${year}/${pad2(month)}/`,
  tags: () => "/tags/",
  tag: (slug: string) => `/tags/${slug}/`,
  entities: () => "/entities/",
  entitiesByCount: () => "/entities/by-articles/",
  entity: (type: EntityType, slug: string) => `/${ENTITY_SECTIONS[type]}/${slug}/`,
  authors: () => "/authors/",
  author: (slug: string) => `/authors/${slug}/`,
  search: () => "/search/",
  /** The static search index (src/search/format.ts lays out the files inside). */
  searchBundle: () => "/search-index/",
  notFound: () => "/404.html",
  rss: () => "/feed.xml",
  atom: () => "/atom.xml",
  jsonFeed: () => "/feed.json",
  /** A listing's own Atom feed sits beside its first page: `/tags/iraq/atom.xml`. */
  termFeed: (termRoute: string) => `${termRoute}atom.xml`,
  sitemap: () => "/sitemap.xml",
  /** Children of the sitemap index, numbered from 1. */
  sitemapPart: (n: number) => `/sitemap-${n}.xml`,
  newsSitemap: () => "/news-sitemap.xml",
  robots: () => "/robots.txt",
  redirectsFile: () => "/_redirects",
  /** Page 1 is the listing's own URL, so links to a listing never change as it grows. */
  page: (base: string, n: number) => (n <= 1 ? base : `${base}page/${n}/`),
} as const;

/** `/a/b/` → `a/b/index.html`; `/feed.xml` → `feed.xml`. */
export function outputPath(route: string): string {
  const path = route.replace(/^\/+/, "");
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}

/** A root-relative link under the site's path prefix, percent-encoded for an href. */
export function href(route: string, pathPrefix: string): string {
  return encodeURI(pathPrefix.replace(/\/$/, "") + route);
}

/** An absolute URL for feeds, sitemaps and canonical links. */
export function absoluteUrl(route: string, baseUrl: string): string {
  // Most routes are plain paths that resolving cannot change: appended to the base's folder,
  // they are what URL parsing gives, without parsing a URL per link (every page has several,
  // and the sitemap one per page).
  // ("/" itself is not: the empty reference it leaves is the base URL, not the base's folder.)
  if (route.length > 1 && PLAIN_ROUTE.test(route) && !DOT_SEGMENT.test(route)) return baseFolder(baseUrl) + route.slice(1);
  return new URL(encodeURI(route.replace(/^\//, "")), baseUrl).href;
}

/**
 * Unreserved characters and slashes only, starting with one slash, never two in a row. Each
 * repeated group ends in its slash, so a long segment cannot be split many ways (no
 * backtracking blow-up on a long route that fails at its last character).
 */
const PLAIN_ROUTE = /^\/(?:[A-Za-z0-9\-._~]+\/)*[A-Za-z0-9\-._~]*$/;
/** `.` and `..` segments are resolved away by URL parsing. */
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;

const folders = new Map<string, string>();
function baseFolder(baseUrl: string): string {
  let folder = folders.get(baseUrl);
  if (folder === undefined) {
    folder = new URL(".", baseUrl).href;
    folders.set(baseUrl, folder);
  }
  return folder;
}

/**
 * An absolute http(s) URL for a reference written in an article (an image `src`, a link in
 * its body), resolved against the page it appears on. Anything that does not resolve to
 * http(s) (`javascript:`, `data:`, garbage) gives undefined: it must not reach a feed or tag.
 */
export function resolveReference(ref: string, pageRoute: string, baseUrl: string): string | undefined {
  try {
    const url = new URL(ref.trim(), absoluteUrl(pageRoute, baseUrl));
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}
