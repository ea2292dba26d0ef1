import { toIso, type DateValue } from "../dates.js";
import { routes } from "../model/routes.js";
import type { ViewContext } from "../pages/context.js";
import { newsArticles, sitemapPages, type PlannedPage } from "../pages/plan.js";
import { lastModified } from "./feed-items.js";
import { element, XML_DECLARATION } from "./xml.js";

/**
 * sitemap.xml (sitemaps.org 0.9), its index form for very large sites, the Google News
 * sitemap and robots.txt. Which pages are listed, and how they are split into files, is
 * decided when pages are planned (plan.ts); this module only writes them out.
 */

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

interface SitemapUrl {
  loc: string;
  lastmod?: DateValue | undefined;
}

/** Every listed page between `from` and `to`, with lastmod for articles. */
export function sitemapUrls(pages: readonly PlannedPage[], ctx: ViewContext, from: number, to: number): SitemapUrl[] {
  return sitemapPages(pages, ctx.library)
    .slice(from, to)
    .map((p) => ({
      loc: ctx.absolute(p.route),
      lastmod: p.spec.kind === "article" ? lastModified(ctx.library.articles[p.spec.index]!) : undefined,
    }));
}

export function toSitemap(urls: readonly SitemapUrl[]): string {
  const body = urls.map((u) => `<url>${element("loc", u.loc)}${u.lastmod ? element("lastmod", toIso(u.lastmod)) : ""}</url>\n`);
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}">\n${body.join("")}</urlset>\n`;
}

/** The index lists each child with the newest lastmod among its URLs. */
export function toSitemapIndex(pages: readonly PlannedPage[], ctx: ViewContext, parts: number): string {
  const limit = ctx.config.sitemapLimit;
  const children: string[] = [];
  for (let n = 1; n <= parts; n++) {
    const urls = sitemapUrls(pages, ctx, (n - 1) * limit, n * limit);
    const newest = urls.reduce<DateValue | undefined>((a, u) => (u.lastmod && (!a || u.lastmod.epochMs > a.epochMs) ? u.lastmod : a), undefined);
    children.push(`<sitemap>${element("loc", ctx.absolute(routes.sitemapPart(n)))}${newest ? element("lastmod", toIso(newest)) : ""}</sitemap>\n`);
  }
  return `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${children.join("")}</sitemapindex>\n`;
}

/** Google News: articles from the two days before the build time, with publication details. */
export function toNewsSitemap(ctx: ViewContext): string {
  const { library, config } = ctx;
  const body = newsArticles(library, config.now).map((i) => {
    const a = library.articles[i]!;
    return [
      "<url>",
      element("loc", ctx.absolute(a.url)),
      "<news:news>",
      `<news:publication>${element("news:name", config.publisher.name)}${element("news:language", newsLanguage(config.language))}</news:publication>`,
      element("news:publication_date", toIso(a.date)),
      element("news:title", a.title),
      "</news:news>",
      "</url>\n",
    ].join("");
  });
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${body.join("")}</urlset>\n`;
}

/**
 * Google News takes an ISO 639 code, except Chinese which must say zh-cn or zh-tw: `en-GB`
 * becomes `en`, `zh-Hant-TW` becomes `zh-tw`.
 */
export function newsLanguage(language: string): string {
  const lower = language.toLowerCase();
  const primary = lower.split(/[-_]/)[0] ?? lower;
  if (primary !== "zh") return primary;
  return /(?:^|[-_])(?:tw|hk|mo|hant)(?:$|[-_])/.test(lower) ? "zh-tw" : "zh-cn";
}

/** robots.txt: everything may be crawled; the sitemaps are named with absolute URLs. */
export function toRobots(pages: readonly PlannedPage[], ctx: ViewContext): string {
  const lines = ["User-agent: *", "Allow: /", "", `Sitemap: ${ctx.absolute(routes.sitemap())}`];
  if (pages.some((p) => p.spec.kind === "news-sitemap")) lines.push(`Sitemap: ${ctx.absolute(routes.newsSitemap())}`);
  return `${lines.join("\n")}\n`;
}
