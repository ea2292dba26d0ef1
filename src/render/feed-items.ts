import { fromEpoch, type DateValue } from "../dates.js";
import { nameKey } from "../content/slug.js";
import type { PublishedArticle, Term } from "../model/library.js";
import { resolveReference, routes } from "../model/routes.js";
import type { ViewContext } from "../pages/context.js";
import { feedTerm, type FeedFormat, type FeedTermKind } from "../pages/plan.js";
import type { BodyRenderer } from "../pages/views.js";

/**
 * The values a feed is made of, in one shape for RSS, Atom and JSON Feed, so the three
 * formats cannot disagree about a title, a link or a date. URLs are absolute (feed readers
 * have no page to resolve against) and dates keep the offset the editor wrote.
 */
export interface FeedItem {
  /** The article's absolute URL: stable for as long as the article keeps its URL. */
  id: string;
  url: string;
  title: string;
  summary: string;
  /** Sanitized article HTML with absolute links; only site feeds carry it. */
  contentHtml?: string;
  published: DateValue;
  updated: DateValue;
  authors: { name: string; url: string }[];
  tags: string[];
  image?: string;
}

export interface FeedChannel {
  title: string;
  description: string;
  language: string;
  /** The HTML page the feed mirrors. */
  homeUrl: string;
  /** The feed's own URL (rel=self). */
  feedUrl: string;
  /** The newest change among the items, so a rebuild without changes gives the same bytes. */
  updated: DateValue;
  publisher: string;
  items: FeedItem[];
}

export const FEED_TYPES: Readonly<Record<FeedFormat, string>> = {
  rss: "application/rss+xml",
  atom: "application/atom+xml",
  json: "application/feed+json",
};

export const SITE_FEED_ROUTES: Readonly<Record<FeedFormat, () => string>> = {
  rss: routes.rss,
  atom: routes.atom,
  json: routes.jsonFeed,
};

const TERM_WORDS: Readonly<Record<FeedTermKind, string>> = {
  tag: "Articles tagged",
  author: "Articles by",
  person: "Articles about",
  organization: "Articles about",
  place: "Articles about",
};

/** The three site feeds share their items: bodies are rendered once per build (one ViewContext). */
const siteItems = new WeakMap<ViewContext, Promise<FeedItem[]>>();

/** The whole site's newest `feedSize` articles, with their full text. */
export async function siteChannel(format: FeedFormat, ctx: ViewContext, renderBody: BodyRenderer): Promise<FeedChannel> {
  const { config, library } = ctx;
  let items = siteItems.get(ctx);
  if (!items) {
    items = Promise.all(
      library.articles.slice(0, config.feedSize).map(async (article) => {
        const body = await renderBody(article);
        return { ...feedItem(article, ctx), contentHtml: absolutizeHtml(body.html, article.url, config.baseUrl) };
      }),
    );
    siteItems.set(ctx, items);
  }
  return channel(ctx, config.title, config.description, routes.home(), SITE_FEED_ROUTES[format](), await items);
}

/**
 * A term feed's item for an article is the same in the feed of each of its tags, authors and
 * entities (five or six feeds an article in the bench archive, 29,000 feeds at 100,000
 * articles), so it is made once per build, and toAtom makes its entry once (feeds.ts).
 */
const TERM_ITEMS = Symbol("term feed items");

/** A listing's newest `feedSize` articles, summaries only (the listing is the full view). */
export function termChannel(of: FeedTermKind, index: number, ctx: ViewContext): FeedChannel {
  const { config, library } = ctx;
  const term = feedTerm(library, of, index);
  const made = ctx.articleMemo<FeedItem>(TERM_ITEMS);
  const items = term.articles.slice(0, config.feedSize).map((i) => {
    let item = made.get(i);
    if (!item) made.set(i, (item = feedItem(library.articles[i]!, ctx)));
    return item;
  });
  return channel(ctx, `${config.title}: ${term.name}`, `${TERM_WORDS[of]} ${term.name}`, term.url, routes.termFeed(term.url), items);
}

function channel(ctx: ViewContext, title: string, description: string, homeRoute: string, feedRoute: string, items: FeedItem[]): FeedChannel {
  const { config } = ctx;
  const newest = items.reduce<DateValue | undefined>((a, i) => (!a || i.updated.epochMs > a.epochMs ? i.updated : a), undefined);
  return {
    title,
    description,
    language: config.language,
    homeUrl: ctx.absolute(homeRoute),
    feedUrl: ctx.absolute(feedRoute),
    updated: newest ?? fromEpoch(config.now, config.timezone),
    publisher: config.publisher.name,
    items,
  };
}

/** The latest of publication, `updated` and correction dates: a correction changes the article. */
export function lastModified(article: PublishedArticle): DateValue {
  let latest = article.date;
  for (const d of [article.updated, ...article.corrections.map((c) => c.date)]) {
    if (d && d.epochMs > latest.epochMs) latest = d;
  }
  return latest;
}

function feedItem(article: PublishedArticle, ctx: ViewContext): FeedItem {
  const { library, config } = ctx;
  const url = ctx.absolute(article.url);
  const item: FeedItem = {
    id: url,
    url,
    title: article.title,
    summary: article.summary ?? article.excerpt,
    published: article.date,
    updated: lastModified(article),
    authors: termsOf(library.authorsByName, article.authors).map((t) => ({ name: t.name, url: ctx.absolute(t.url) })),
    tags: termsOf(library.tagsByName, article.tags).map((t) => t.name),
  };
  const image = article.image && resolveReference(article.image.src, article.url, config.baseUrl);
  if (image) item.image = image;
  return item;
}

/** The library's terms for an article's names, in the article's order. */
export function termsOf<T extends Term>(index: ReadonlyMap<string, T>, names: readonly string[]): T[] {
  return names.map((n) => index.get(nameKey(n))).filter((t): t is T => t !== undefined);
}

const URL_ATTRIBUTE = /(\s(?:href|src)=")([^"]*)(")/g;

/**
 * Feed readers show an article away from its page, so relative links and images in the body
 * ("photo.jpg", "/2024/") must become absolute. The HTML comes from our sanitizer, which
 * always double-quotes attributes and escapes `"` and `&` inside them.
 */
export function absolutizeHtml(html: string, articleRoute: string, baseUrl: string): string {
  const absolute = (value: string) => {
    const resolved = resolveReference(decodeAttribute(value), articleRoute, baseUrl);
    return resolved?.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  };
  return html
    .replace(URL_ATTRIBUTE, (whole, open: string, value: string, close: string) => {
      const resolved = absolute(value);
      return resolved ? `${open}${resolved}${close}` : whole;
    })
    // Responsive images (render/media.ts) list one URL per candidate: `a.avif 480w, b.avif 960w`.
    .replace(SRCSET_ATTRIBUTE, (_whole, open: string, value: string, close: string) => {
      const candidates = value.split(",").map((candidate) => {
        const [url = "", ...descriptor] = candidate.trim().split(/\s+/);
        return [absolute(url) ?? url, ...descriptor].join(" ");
      });
      return `${open}${candidates.join(", ")}${close}`;
    });
}

const SRCSET_ATTRIBUTE = /(\ssrcset=")([^"]*)(")/g;

function decodeAttribute(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|quot|lt|gt|apos));/gi, (_, hex?: string, dec?: string, named?: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(parseInt(dec, 10));
    return { amp: "&", quot: '"', lt: "<", gt: ">", apos: "'" }[named!.toLowerCase() as "amp"];
  });
}
