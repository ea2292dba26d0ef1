import { routes } from "../model/routes.js";
import type { ViewContext } from "../pages/context.js";
import { feedTerm, type FeedTermKind, type HtmlSpec, type PageSpec, type PlannedPage } from "../pages/plan.js";
import { FEED_TYPES } from "./feed-items.js";
import { jsonForScript, newsArticleJsonLd } from "./jsonld.js";
import { articleMeta, websiteMeta } from "./meta.js";
import type { BuiltView } from "../pages/views.js";
import type { HeadView, Section, SiteView } from "./views.js";

/** The parts of every page that do not depend on the page: built once per build. */
export function buildSiteView(ctx: ViewContext): SiteView {
  const { config } = ctx;
  const nav: { name: string; route: string; section: Section }[] = [
    { name: "Latest", route: routes.home(), section: "home" },
    { name: "Archive", route: routes.archive(), section: "archive" },
    { name: "Tags", route: routes.tags(), section: "tags" },
    { name: "People & places", route: routes.entities(), section: "entities" },
    { name: "Authors", route: routes.authors(), section: "authors" },
    { name: "Search", route: routes.search(), section: "search" },
  ];
  return {
    title: config.title,
    description: config.description,
    language: config.language,
    homeHref: ctx.href(routes.home()),
    nav: nav.map((n) => ({ name: n.name, href: ctx.href(n.route), section: n.section })),
    stylesheetHref: ctx.href("/assets/site.css"),
    iconHref: ctx.href("/assets/favicon.svg"),
    searchHref: ctx.href(routes.search()),
    feeds: [
      { title: `${config.title} (RSS)`, href: ctx.href(routes.rss()), type: FEED_TYPES.rss },
      { title: `${config.title} (Atom)`, href: ctx.href(routes.atom()), type: FEED_TYPES.atom },
      { title: `${config.title} (JSON Feed)`, href: ctx.href(routes.jsonFeed()), type: FEED_TYPES.json },
    ],
    publisher: config.publisher.name,
    generator: "Dateline",
  };
}

/**
 * Which nav section a page belongs to, and whether it is that section's own page. Articles
 * belong to no section: they are reached from many listings, and marking one would mislead.
 */
export function sectionOf(spec: HtmlSpec): { section: Section; own: boolean } | undefined {
  switch (spec.kind) {
    case "home":
      return { section: "home", own: true };
    case "archive":
      return { section: "archive", own: spec.page === 1 };
    case "year":
    case "month":
      return { section: "archive", own: false };
    case "terms":
      return { section: spec.of, own: true };
    case "tag":
      return { section: "tags", own: false };
    case "entity":
      return { section: "entities", own: false };
    case "author":
      return { section: "authors", own: false };
    case "search":
      return { section: "search", own: true };
    case "article":
    case "404":
      return undefined;
  }
}

/** The site view with this page's section marked for `aria-current`. */
export function siteForPage(site: SiteView, spec: HtmlSpec): SiteView {
  const at = sectionOf(spec);
  if (!at) return site;
  return {
    ...site,
    nav: site.nav.map((n) => (n.section === at.section ? { ...n, current: at.own ? "page" : "true" } : n)),
  };
}

/** The `<head>` values of one page: title, description, canonical URL and metadata. */
export function buildHead(ctx: ViewContext, page: PlannedPage, built: BuiltView): HeadView {
  const { config } = ctx;
  const spec = page.spec;
  const title = spec.kind === "home" ? config.title : `${built.head.title} · ${config.title}`;
  const canonical = built.head.canonical ?? ctx.absolute(page.route);
  const head: HeadView = { ...built.head, title, canonical };
  if (spec.kind === "article") {
    head.meta = [...built.head.meta, ...articleMeta(ctx, spec.index, canonical)];
    head.jsonLdHtml = jsonForScript(newsArticleJsonLd(spec.index, ctx, canonical));
  } else {
    head.meta = [...built.head.meta, ...websiteMeta(ctx, built.head.title, built.head.description, canonical)];
  }
  const feedOf = listingFeed(spec);
  if (feedOf) {
    const term = feedTerm(ctx.library, feedOf.of, feedOf.index);
    head.feeds = [...built.head.feeds, { title: `${term.name} (Atom)`, href: ctx.href(routes.termFeed(term.url)), type: FEED_TYPES.atom }];
  }
  return head;
}

/** A tag, entity or author listing (every page of it) links to that term's own feed. */
function listingFeed(spec: PageSpec): { of: FeedTermKind; index: number } | undefined {
  if (spec.kind === "tag" || spec.kind === "author") return { of: spec.kind, index: spec.index };
  if (spec.kind === "entity") return { of: spec.type, index: spec.index };
  return undefined;
}
