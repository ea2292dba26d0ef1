import type { Article, EntityType, EveryField } from "../content/article.js";
import { nameKey, slugify } from "../content/slug.js";
import { calendarDate } from "../dates.js";
import type { DiagnosticBag } from "../diagnostics.js";
import type { LoadedRegistry } from "../entities/registry.js";
import { collectEntities, type ArticleEntityLink, type EntityTerm } from "./entities.js";
import { reportArticleCollisions } from "./collisions.js";
import { routes } from "./routes.js";

export type { ArticleEntityLink, EntityTerm };

/**
 * The in-memory index of the whole archive, complete before anything is rendered (Zola's
 * Library). It holds metadata only; listings refer to articles by position in `articles`,
 * which is sorted newest first.
 */
export interface PublishedArticle extends Article {
  url: string;
  year: number;
  month: number;
  day: number;
}

export interface Term {
  /** The spelling shown: the most used one, ties broken by code point order. */
  name: string;
  slug: string;
  url: string;
  /** Indexes into Library.articles, newest first. */
  articles: number[];
}

export interface MonthEntry {
  year: number;
  month: number;
  url: string;
  articles: number[];
}

export interface YearEntry {
  year: number;
  url: string;
  articles: number[];
  months: MonthEntry[];
}

export interface Library {
  articles: PublishedArticle[];
  tags: Term[];
  entities: Record<EntityType, EntityTerm[]>;
  authors: Term[];
  years: YearEntry[];
  tagsByName: Map<string, Term>;
  entitiesByName: Record<EntityType, Map<string, EntityTerm>>;
  authorsByName: Map<string, Term>;
  /** Per article (same order as `articles`): its entities and the strings that name them. */
  entityLinks: ArticleEntityLink[][];
  /**
   * The registry's digest: entity pages and article bodies (their entity links) depend on it,
   * so every cache of rendered output must key on it as well as on the article's digest.
   */
  registryDigest: string;
  /**
   * Stands for everything in this Library except what its articles show (titles, summaries,
   * bodies). A Library that a serve session makes from this one (incremental/library-memo.ts)
   * has the same terms, URLs and order, and shares it: what those alone determine can be
   * remembered for it (search/plan.ts does).
   */
  shape: object;
}

export interface LibraryOptions {
  timezone: string;
  drafts: boolean;
  future: boolean;
  now: number;
  registry?: LoadedRegistry;
  entities?: { publishCandidates: boolean; minArticles: number };
}

export function buildLibrary(all: readonly Article[], options: LibraryOptions, bag: DiagnosticBag): Library {
  const visible = all.filter((a) => (options.drafts || !a.draft) && (options.future || a.date.epochMs <= options.now));
  const articles: PublishedArticle[] = visible
    .map((a) => {
      const { year, month, day } = calendarDate(a.date, options.timezone);
      return published(a, year, month, day, routes.article(year, month, a.slug));
    })
    .sort(newestFirst);
  reportArticleCollisions(articles, bag);

  const tags = collectTerms(articles, (a) => a.tags, (slug) => routes.tag(slug), "tag", "tags", bag);
  const authors = collectTerms(articles, (a) => a.authors, (slug) => routes.author(slug), "author", "author", bag);
  const found = collectEntities(articles, {
    registry: options.registry?.entries ?? [],
    ...(options.registry?.file ? { registryFile: options.registry.file } : {}),
    publishCandidates: options.entities?.publishCandidates ?? false,
    minArticles: options.entities?.minArticles ?? 1,
  }, bag);

  return {
    articles,
    tags: tags.list,
    tagsByName: tags.byKey,
    authors: authors.list,
    authorsByName: authors.byKey,
    entities: found.entities,
    entitiesByName: found.byName,
    entityLinks: found.perArticle,
    registryDigest: options.registry?.digest ?? "",
    years: collectYears(articles),
    shape: {},
  };
}

/**
 * One object literal rather than `{ ...article, year, … }`: a spread copy of an article (one
 * that came from a worker thread above all) gets a hidden class of its own, about 1 KB of V8
 * metadata per article (see articleRecord); made here, every article shares one.
 */
export function published(a: Article, year: number, month: number, day: number, url: string): PublishedArticle {
  const article: EveryField<PublishedArticle> = {
    id: a.id,
    sourcePath: a.sourcePath,
    file: a.file,
    digest: a.digest,
    title: a.title,
    slug: a.slug,
    date: a.date,
    updated: a.updated,
    authors: a.authors,
    summary: a.summary,
    excerpt: a.excerpt,
    tags: a.tags,
    entities: a.entities,
    excludedEntities: a.excludedEntities,
    mentions: a.mentions,
    image: a.image,
    draft: a.draft,
    canonical: a.canonical,
    corrections: a.corrections,
    redirectFrom: a.redirectFrom,
    mediaRefs: a.mediaRefs,
    media: a.media,
    wordCount: a.wordCount,
    bodyLine: a.bodyLine,
    fieldLines: a.fieldLines,
    structure: a.structure,
    year,
    month,
    day,
    url,
  };
  return article;
}

/** Newest first; same instant → by URL, so the order never depends on file-system order. */
function newestFirst(a: PublishedArticle, b: PublishedArticle): number {
  return b.date.epochMs - a.date.epochMs || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}

interface TermSet {
  list: Term[];
  /** nameKey → term, to find a term from any spelling. */
  byKey: Map<string, Term>;
}

function collectTerms(
  articles: readonly PublishedArticle[],
  namesOf: (a: PublishedArticle) => readonly string[],
  urlOf: (slug: string) => string,
  kind: string,
  field: string,
  bag: DiagnosticBag,
): TermSet {
  interface Draft {
    key: string;
    slug: string;
    spellings: Map<string, number>;
    articles: number[];
    firstFile: string;
    firstLine: number;
  }
  const byKey = new Map<string, Draft>();
  articles.forEach((article, index) => {
    for (const name of namesOf(article)) {
      const key = nameKey(name);
      let draft = byKey.get(key);
      if (!draft) {
        draft = { key, slug: slugify(name), spellings: new Map(), articles: [], firstFile: article.file, firstLine: article.fieldLines[field] ?? 0 };
        byKey.set(key, draft);
      }
      draft.spellings.set(name, (draft.spellings.get(name) ?? 0) + 1);
      if (draft.articles[draft.articles.length - 1] !== index) draft.articles.push(index);
    }
  });

  const bySlug = new Map<string, Draft[]>();
  for (const d of byKey.values()) bySlug.set(d.slug, [...(bySlug.get(d.slug) ?? []), d]);
  for (const [slug, group] of bySlug) {
    if (group.length < 2) continue;
    const described = group.map((d) => `"${preferredSpelling(d.spellings)}" (in ${d.firstFile})`).join(" and ");
    // Once per file: `tags: [Sao Paulo, São Paulo]` in one article is one mistake, not two.
    const files = new Set<string>();
    for (const d of group) {
      if (files.has(d.firstFile)) continue;
      files.add(d.firstFile);
      bag.error(d.firstFile, d.firstLine ? { line: d.firstLine, column: 1 } : undefined, `collision/${kind}`,
        `the ${kind} names ${described} would share the page ${urlOf(slug)}`,
        `spell the ${kind} the same way everywhere, or make the names differ by more than accents and punctuation`);
    }
  }

  const list: Term[] = [...byKey.values()]
    .map((d) => ({ name: preferredSpelling(d.spellings), slug: d.slug, url: urlOf(d.slug), articles: d.articles }))
    .sort((a, b) => compareNames(a.name, b.name) || (a.slug < b.slug ? -1 : 1));
  const termBySlug = new Map(list.map((t) => [t.slug, t]));
  return { list, byKey: new Map([...byKey].map(([k, d]) => [k, termBySlug.get(d.slug)!])) };
}

/**
 * The most used spelling; on a tie, one in mixed case (`Syria` over `SYRIA` or `syria`: it is
 * how names are written in running text), then code point order so the choice is stable.
 */
function preferredSpelling(spellings: Map<string, number>): string {
  const mixed = (s: string) => (s !== s.toUpperCase() && s !== s.toLowerCase() ? 1 : 0);
  let best = "";
  let bestCount = -1;
  for (const [name, count] of spellings) {
    const better =
      count > bestCount ||
      (count === bestCount && (mixed(name) > mixed(best) || (mixed(name) === mixed(best) && name < best)));
    if (better) {
      best = name;
      bestCount = count;
    }
  }
  return best;
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}

function collectYears(articles: readonly PublishedArticle[]): YearEntry[] {
  const years = new Map<number, YearEntry>();
  articles.forEach((a, index) => {
    let year = years.get(a.year);
    if (!year) {
      year = { year: a.year, url: routes.year(a.year), articles: [], months: [] };
      years.set(a.year, year);
    }
    year.articles.push(index);
    let month = year.months.find((m) => m.month === a.month);
    if (!month) {
      month = { year: a.year, month: a.month, url: routes.month(a.year, a.month), articles: [] };
      year.months.push(month);
    }
    month.articles.push(index);
  });
  const list = [...years.values()].sort((a, b) => b.year - a.year);
  for (const y of list) y.months.sort((a, b) => b.month - a.month);
  return list;
}
