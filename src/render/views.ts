/**
 * What templates see: plain, fully prepared values. URLs are already prefixed and encoded,
 * dates already formatted, so templates hold no logic that could differ between them.
 * Strings are raw text; Nunjucks autoescaping escapes them. Only fields named `*Html` are
 * trusted markup (sanitized Markdown or markup we generate), output with `| safe`.
 */
export interface LinkView {
  name: string;
  href: string;
}

export interface TimeView {
  /** For `<time datetime>`. */
  datetime: string;
  /** For people: "2 December 2024". */
  display: string;
  /** Link to the month archive. */
  href?: string;
}

export interface NavItem extends LinkView {
  current: boolean;
}

/** The top-level parts of the site the header navigation links to. */
export type Section = "home" | "archive" | "tags" | "entities" | "authors" | "search";

export interface SectionNavItem extends LinkView {
  section: Section;
  /** `page` on the section's own page, `true` on pages inside it (a tag page under Tags). */
  current?: "page" | "true";
}

export interface SiteView {
  title: string;
  description: string;
  language: string;
  homeHref: string;
  nav: SectionNavItem[];
  stylesheetHref: string;
  /** The site icon: without one, browsers request /favicon.ico and log a 404. */
  iconHref: string;
  searchHref: string;
  feeds: { title: string; href: string; type: string }[];
  publisher: string;
  generator: string;
}

export interface HeadView {
  title: string;
  description: string;
  canonical: string;
  /** Extra `<link rel=alternate>` for this page's own feed. */
  feeds: { title: string; href: string; type: string }[];
  /** Meta tags (Open Graph, Twitter) as name/property → content. */
  meta: { attr: "name" | "property"; key: string; content: string }[];
  /** JSON-LD, already serialised and safe inside <script type="application/ld+json">. */
  jsonLdHtml?: string;
  /** `noindex` for the 404 page and redirects. */
  robots?: string;
}

export interface ArticleCardView {
  title: string;
  href: string;
  date: TimeView;
  summary: string;
  authors: LinkView[];
  tags: LinkView[];
  /** Set on entity pages: the sentence mentioning the entity. */
  context?: string;
}

export interface PaginationView {
  current: number;
  total: number;
  previous?: string;
  next?: string;
  /** A window of page links; `gap` entries stand for skipped page numbers. */
  pages: ({ number: number; href: string; current: boolean } | { gap: true })[];
}

/** A responsive image: `<source>`s in modern formats, then an `<img>` in the source's format. */
export interface PictureView {
  src: string;
  srcset: string;
  sizes: string;
  width: number;
  height: number;
  sources: { type: string; srcset: string }[];
}

export interface EntityGroupView {
  label: string;
  items: LinkView[];
}

export interface ArticlePage {
  template: "article";
  title: string;
  /** The publication year as text: the search index's year filter. */
  year: string;
  summary?: string;
  date: TimeView;
  updated?: TimeView;
  authors: LinkView[];
  tags: LinkView[];
  entityGroups: EntityGroupView[];
  /** `picture` is set when the image was resized; `src` is always usable on its own. */
  image?: { src: string; alt: string; caption?: string; picture?: PictureView };
  readingMinutes: number;
  bodyHtml: string;
  corrections: { date: TimeView; text: string }[];
  previous?: LinkView;
  next?: LinkView;
  related: ArticleCardView[];
}

export interface ListPage {
  template: "list";
  heading: string;
  /** A short line under the heading ("12 articles"). */
  lede?: string;
  items: ArticleCardView[];
  pagination: PaginationView;
  /** Links to neighbouring archives: the years, and a year's months. */
  archiveNav?: { label: string; items: NavItem[] }[];
  feed?: LinkView;
}

export interface HomePage {
  template: "home";
  heading: string;
  items: ArticleCardView[];
  archiveHref: string;
  topTags: (LinkView & { count: number })[];
  years: LinkView[];
}

export interface TermIndexPage {
  template: "terms";
  heading: string;
  /** Other orderings of the same index (by name, by number of articles), as static pages. */
  orderings?: NavItem[];
  groups: { label: string; id: string; items: (LinkView & { count: number })[] }[];
}

export interface EntityPage {
  template: "entity";
  heading: string;
  /** "Person", "Organization" or "Place". */
  typeLabel: string;
  description?: string;
  aliases: string[];
  sameAs: LinkView[];
  articleCount: number;
  /** Newest first; each card's `context` is the sentence that mentions the entity. */
  items: ArticleCardView[];
  pagination: PaginationView;
  /** The entities most often named in the same articles. */
  related: (LinkView & { count: number; typeLabel: string })[];
  /** Mentions per year: an inline SVG we generate (role="img" with title and desc) and its data. */
  chart?: { svgHtml: string; years: { year: number; count: number }[] };
}

export interface NotFoundPage {
  template: "404";
  heading: string;
  homeHref: string;
  archiveHref: string;
}

export interface SearchPage {
  template: "search";
  heading: string;
  /** Where the search index is served (`/search-index/` under the path prefix). */
  bundleHref: string;
  /** The site root under the path prefix: result URLs are relative to it. */
  baseHref: string;
  scriptHref: string;
  archiveHref: string;
  /** False when the archive has no articles: there is no index, so no form and no script. */
  searchable: boolean;
  /** Filter choices, from the Library: values match the search index's filter files. */
  filters: { key: string; label: string; options: string[] }[];
}

export type PageView = ArticlePage | ListPage | HomePage | TermIndexPage | EntityPage | SearchPage | NotFoundPage;
export type TemplateName = PageView["template"];

/** The whole object a template receives. */
export interface TemplateData<V extends PageView = PageView> {
  site: SiteView;
  head: HeadView;
  page: V;
}
