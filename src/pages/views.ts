import { ENTITY_TYPES, type EntityType } from "../content/article.js";
import { isExternalUrl } from "../content/links.js";
import type { MarkdownResult } from "../content/markdown.js";
import { formatMonth } from "../dates.js";
import type { PublishedArticle } from "../model/library.js";
import { ENTITY_SECTIONS, routes } from "../model/routes.js";
import type { ArticlePage, HeadView, ListPage, PageView, SearchPage, TermIndexPage } from "../render/views.js";
import type { ViewContext } from "./context.js";
import type { HtmlSpec } from "./plan.js";
import { ENTITY_LABELS, ENTITY_SINGULAR, entityIndex, entityView } from "./entity-view.js";
import { relatedArticles } from "./related.js";

/** Turns a page spec into the values its template shows. */
export type BodyRenderer = (article: PublishedArticle) => Promise<MarkdownResult>;

export { ENTITY_LABELS, ENTITY_SINGULAR };

const WORDS_PER_MINUTE = 230;

export interface BuiltView {
  view: PageView;
  head: Omit<HeadView, "canonical"> & { canonical?: string };
}

export async function buildView(spec: HtmlSpec, ctx: ViewContext, renderBody: BodyRenderer): Promise<BuiltView> {
  const { library, config } = ctx;
  const plain = (title: string, description = config.description) => ({ title, description, feeds: [], meta: [] });
  switch (spec.kind) {
    case "home": {
      const topTags = [...library.tags].sort((a, b) => b.articles.length - a.articles.length || (a.name < b.name ? -1 : 1));
      return {
        view: {
          template: "home",
          heading: "Latest news",
          items: library.articles.slice(0, config.homeSize).map((_, i) => ctx.card(i)),
          archiveHref: ctx.href(routes.archive()),
          topTags: topTags.slice(0, 12).map((t) => ({ ...ctx.link(t), count: t.articles.length })),
          years: library.years.map((y) => ({ name: String(y.year), href: ctx.href(y.url) })),
        },
        head: plain(config.title),
      };
    }
    case "archive":
      return list(ctx, "All articles", routes.archive(), everyArticle(library.articles), spec.page, plain);
    case "article":
      return articleView(spec.index, ctx, renderBody);
    case "tag": {
      const tag = library.tags[spec.index]!;
      return list(ctx, tag.name, tag.url, tag.articles, spec.page, plain, "Tag");
    }
    case "entity": {
      const entity = library.entities[spec.type][spec.index]!;
      const view = entityView(entity, spec.page, ctx);
      const count = `${ENTITY_SINGULAR[spec.type]} · ${view.articleCount} article${view.articleCount === 1 ? "" : "s"}`;
      return { view, head: plain(spec.page > 1 ? `${entity.name} (page ${spec.page})` : entity.name, view.description ?? `${entity.name}: ${count}.`) };
    }
    case "author": {
      const author = library.authors[spec.index]!;
      return list(ctx, author.name, author.url, author.articles, spec.page, plain, "Author");
    }
    case "year": {
      const year = library.years[spec.index]!;
      const built = list(ctx, `Articles from ${year.year}`, year.url, year.articles, spec.page, plain);
      if (built.view.template === "list") built.view.archiveNav = archiveNav(ctx, year.year);
      return built;
    }
    case "month": {
      const year = library.years[spec.yearIndex]!;
      const month = year.months[spec.index]!;
      const title = formatMonth(month.year, month.month, config.language);
      const built = list(ctx, `Articles from ${title}`, month.url, month.articles, spec.page, plain);
      if (built.view.template === "list") built.view.archiveNav = archiveNav(ctx, year.year, month.month);
      return built;
    }
    case "terms":
      if (spec.of === "entities") {
        return { view: entityIndex(ctx, spec.order ?? "name"), head: plain(spec.order === "count" ? "People, organizations and places by number of articles" : "People, organizations and places") };
      }
      return { view: termIndex(spec.of, ctx), head: plain(spec.of === "tags" ? "Tags" : spec.of === "authors" ? "Authors" : "People, organizations and places") };
    case "search":
      return { view: searchView(ctx), head: plain("Search", `Search every article in ${config.title}.`) };
    case "404":
      return {
        view: { template: "404", heading: "Page not found", homeHref: ctx.href(routes.home()), archiveHref: ctx.href(routes.archive()) },
        head: { ...plain("Page not found"), robots: "noindex" },
      };
  }
}

/** Every year, and the months of the current year, with the current ones marked. */
function archiveNav(ctx: ViewContext, currentYear: number, currentMonth?: number): NonNullable<ListPage["archiveNav"]> {
  const { library, config } = ctx;
  const year = library.years.find((y) => y.year === currentYear)!;
  return [
    {
      label: "Years",
      items: library.years.map((y) => ({ name: String(y.year), href: ctx.href(y.url), current: y.year === currentYear && currentMonth === undefined })),
    },
    {
      label: `Months of ${year.year}`,
      items: [...year.months].reverse().map((m) => ({
        name: formatMonth(m.year, m.month, config.language),
        href: ctx.href(m.url),
        current: m.month === currentMonth,
      })),
    },
  ];
}

/**
 * Every article's position, newest first, as a listing: one array per Library. Made per
 * archive page, it was 5,000 arrays of 100,000 at 100k articles, 6 s of a cold build.
 */
const everyArticleCache = new WeakMap<readonly unknown[], readonly number[]>();

function everyArticle(articles: readonly unknown[]): readonly number[] {
  let all = everyArticleCache.get(articles);
  if (!all) everyArticleCache.set(articles, (all = articles.map((_, i) => i)));
  return all;
}

function list(
  ctx: ViewContext,
  heading: string,
  route: string,
  items: readonly number[],
  page: number,
  plain: (title: string, description?: string) => BuiltView["head"],
  kindLabel?: string,
): BuiltView {
  const count = `${items.length} article${items.length === 1 ? "" : "s"}.`;
  const title = page > 1 ? `${heading} (page ${page})` : heading;
  return {
    view: {
      template: "list",
      heading,
      lede: kindLabel ? `${kindLabel} · ${count}` : count,
      items: ctx.cards(items, page),
      pagination: ctx.pagination(route, items.length, page),
    },
    head: plain(title, `${heading}: ${count}`),
  };
}

function termIndex(of: "tags" | "authors", ctx: ViewContext): TermIndexPage {
  const { library } = ctx;
  const item = (t: { name: string; url: string; articles: number[]; slug: string }) => ({ ...ctx.link(t), count: t.articles.length });
  const terms = of === "tags" ? library.tags : library.authors;
  return { template: "terms", heading: of === "tags" ? "Tags" : "Authors", groups: [{ label: "", id: of, items: terms.map(item) }] };
}

/** Filter values here must equal the ones the search index files (search/filters.ts reads the same Library fields). */
function searchView(ctx: ViewContext): SearchPage {
  const { library } = ctx;
  const bundle = ctx.href(routes.searchBundle());
  return {
    template: "search",
    heading: "Search the archive",
    bundleHref: bundle,
    baseHref: ctx.href(routes.home()),
    scriptHref: ctx.href("/assets/search.js"),
    archiveHref: ctx.href(routes.archive()),
    searchable: library.articles.length > 0,
    filters: [
      { key: "tag", label: "Tag", options: library.tags.map((t) => t.name) },
      {
        key: "type",
        label: "Mentions",
        options: ENTITY_TYPES.filter((type) => library.entities[type].length > 0).map((type) => ENTITY_LABELS[type]),
      },
      { key: "year", label: "Year", options: library.years.map((y) => String(y.year)) },
    ],
  };
}

async function articleView(index: number, ctx: ViewContext, renderBody: BodyRenderer): Promise<BuiltView> {
  const { library, config } = ctx;
  const a = library.articles[index]!;
  const body = await renderBody(a);
  const newer = library.articles[index - 1];
  const older = library.articles[index + 1];
  const view: ArticlePage = {
    template: "article",
    title: a.title,
    year: String(a.year),
    date: ctx.time(a.date, routes.month(a.year, a.month)),
    authors: ctx.authorLinks(a),
    tags: ctx.tagLinks(a),
    entityGroups: ENTITY_TYPES.map((type) => ({
      label: ENTITY_LABELS[type],
      items: a.entities[type]
        .map((name) => ctx.termLink(library.entitiesByName[type], name))
        .filter((l) => l !== undefined),
    })).filter((g) => g.items.length > 0),
    readingMinutes: Math.max(1, Math.round(a.wordCount / WORDS_PER_MINUTE)),
    bodyHtml: body.html,
    corrections: a.corrections.map((c) => ({ date: ctx.time(c.date), text: c.text })),
    related: relatedArticles(library, index, config.relatedCount).map((i) => ctx.card(i)),
  };
  if (a.summary) view.summary = a.summary;
  if (a.updated) view.updated = ctx.time(a.updated);
  // An image on another host serves feeds and link previews only: pages load nothing from
  // other origins (the load step warned the editor).
  if (a.image && !isExternalUrl(a.image.src)) {
    const lead = a.media.find((m) => m.kind === "lead-image");
    const published = lead ? ctx.media.get(a.id)?.get(lead.path) : undefined;
    view.image = {
      src: published?.href ?? a.image.src,
      alt: a.image.alt,
      ...(a.image.caption ? { caption: a.image.caption } : {}),
      ...(published?.picture ? { picture: published.picture } : {}),
    };
  }
  if (older) view.previous = { name: older.title, href: ctx.href(older.url) };
  if (newer) view.next = { name: newer.title, href: ctx.href(newer.url) };
  return {
    view,
    head: { title: a.title, description: a.summary ?? a.excerpt, feeds: [], meta: [], ...(a.canonical ? { canonical: a.canonical } : {}) },
  };
}
