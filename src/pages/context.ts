import type { SiteConfig } from "../config.js";
import type { EntityLink } from "../content/entity-links.js";
import { resolveEntityMarkers } from "../content/entity-markers.js";
import { nameKey } from "../content/slug.js";
import { toDatetimeAttribute, formatDisplayDate, type DateValue } from "../dates.js";
import type { Library, PublishedArticle, Term } from "../model/library.js";
import { absoluteUrl, href, routes } from "../model/routes.js";
import type { MediaIndex } from "../render/media.js";
import type { ArticleCardView, LinkView, PaginationView, TimeView } from "../render/views.js";

/** Small shared helpers every view builder uses: links, dates, cards, pagination. */
export class ViewContext {
  /** What was published beside each article (images and files); filled before rendering. */
  media: MediaIndex = new Map();
  #positions: Map<PublishedArticle, number> | undefined;
  readonly #cards = new Map<number, ArticleCardView>();
  readonly #articleMemos = new Map<symbol, Map<number, unknown>>();
  /** One link per term: every card of an article with a tag shows the same one. */
  readonly #links = new WeakMap<object, LinkView>();

  constructor(
    readonly library: Library,
    readonly config: SiteConfig,
  ) {}

  href(route: string): string {
    return href(route, this.config.pathPrefix);
  }

  absolute(route: string): string {
    return absoluteUrl(route, this.config.baseUrl);
  }

  /** Shared, like cards: at 100,000 articles, a link object per card and tag cost ~50 MB. */
  link(term: Pick<Term, "name" | "url">): LinkView {
    let link = this.#links.get(term);
    if (!link) {
      link = { name: term.name, href: this.href(term.url) };
      this.#links.set(term, link);
    }
    return link;
  }

  time(date: DateValue, monthRoute?: string): TimeView {
    const view: TimeView = {
      datetime: toDatetimeAttribute(date),
      display: formatDisplayDate(date, this.config.timezone, this.config.language),
    };
    if (monthRoute) view.href = this.href(monthRoute);
    return view;
  }

  tagLinks(article: PublishedArticle): LinkView[] {
    return defined(article.tags.map((name) => this.termLink(this.library.tagsByName, name)));
  }

  authorLinks(article: PublishedArticle): LinkView[] {
    return defined(article.authors.map((name) => this.termLink(this.library.authorsByName, name)));
  }

  termLink(index: Map<string, Term>, name: string): LinkView | undefined {
    const term = index.get(nameKey(name));
    return term ? this.link(term) : undefined;
  }

  /** Position of an article in `library.articles`. */
  indexOf(article: PublishedArticle): number {
    this.#positions ??= new Map(this.library.articles.map((a, i) => [a, i]));
    return this.#positions.get(article) ?? -1;
  }

  /** What the body of an article links: the first mention of each of its entities. */
  entityLinks(article: PublishedArticle): EntityLink[] {
    const links = this.library.entityLinks[this.indexOf(article)] ?? [];
    return links.filter((l) => l.mentions.length > 0).map((l) => ({ mentions: l.mentions, href: this.href(l.term.url) }));
  }

  /**
   * The body's HTML as the article page shows it: its entity markers (rendered where the
   * article was loaded, see content/entity-markers.ts) linked to the pages of the entities
   * that have one, the others left as text.
   */
  linkEntities(article: PublishedArticle, html: string): string {
    const hrefs = new Map<number, string>();
    for (const link of this.library.entityLinks[this.indexOf(article)] ?? []) {
      if (link.mention !== undefined && link.mentions.length > 0) hrefs.set(link.mention, this.href(link.term.url));
    }
    return resolveEntityMarkers(html, article.digest, (i) => hrefs.get(i));
  }

  /**
   * An article's card is the same on every listing it appears on (about ten per article), so
   * it is built once per build; views are plain data that nothing mutates.
   */
  card(index: number): ArticleCardView {
    let card = this.#cards.get(index);
    if (!card) {
      card = this.makeCard(index);
      this.#cards.set(index, card);
    }
    return card;
  }

  /**
   * A memo per article that another module keeps with this context, for values made from the
   * Library that many pages repeat as cards are (a term feed's items, say). Its values must be
   * plain data that nothing mutates; forgetCards() drops it with the cards.
   */
  articleMemo<T>(key: symbol): Map<number, T> {
    let memo = this.#articleMemos.get(key);
    if (!memo) this.#articleMemos.set(key, (memo = new Map()));
    return memo as Map<number, T>;
  }

  /**
   * Forgets the cards and the other per-article memos once every page that shows them is
   * rendered, so the work that follows (the search index) has their memory; a card asked
   * for later is built again, the same.
   */
  forgetCards(): void {
    this.#cards.clear();
    this.#articleMemos.clear();
  }

  private makeCard(index: number): ArticleCardView {
    const a = this.library.articles[index]!;
    return {
      title: a.title,
      href: this.href(a.url),
      date: this.time(a.date, routes.month(a.year, a.month)),
      summary: a.summary ?? a.excerpt,
      authors: this.authorLinks(a),
      tags: this.tagLinks(a),
    };
  }

  /** The slice of `items` shown on page `page`, as cards. */
  cards(items: readonly number[], page: number): ArticleCardView[] {
    const size = this.config.pageSize;
    return items.slice((page - 1) * size, page * size).map((i) => this.card(i));
  }

  pagination(baseRoute: string, items: number, page: number): PaginationView {
    const total = Math.max(1, Math.ceil(items / this.config.pageSize));
    const at = (n: number) => this.href(routes.page(baseRoute, n));
    const view: PaginationView = {
      current: page,
      total,
      pages: pageWindow(page, total).map((n) => (n === 0 ? { gap: true } : { number: n, href: at(n), current: n === page })),
    };
    if (page > 1) view.previous = at(page - 1);
    if (page < total) view.next = at(page + 1);
    return view;
  }
}

/**
 * First, last and the two pages either side of the current one, with 0 marking a gap: a
 * listing with 5,000 pages must not put 5,000 links on each of them.
 */
export function pageWindow(current: number, total: number): number[] {
  const wanted = new Set([1, total]);
  for (let n = current - 2; n <= current + 2; n++) if (n >= 1 && n <= total) wanted.add(n);
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: number[] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && n - last === 2) out.push(n - 1);
    else if (last !== undefined && n - last > 2) out.push(0);
    out.push(n);
  }
  return out;
}

/**
 * The defined items, in an array no longer than they are: `filter` returns one with room for
 * about 16 more (~120 bytes), and every card keeps two such arrays until the pages are written.
 */
function defined<T>(list: (T | undefined)[]): T[] {
  return list.every(isDefined) ? list : list.filter(isDefined).slice();
}

function isDefined<T>(v: T | undefined): v is T {
  return v !== undefined;
}

