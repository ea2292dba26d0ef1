import { ENTITY_TYPES, type EntityType } from "../content/article.js";
import type { DiagnosticBag } from "../diagnostics.js";
import type { Library } from "../model/library.js";
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
  | { kind: "terms"; of: "tags" | "entities" | "authors" }
  | { kind: "tag"; index: number; page: number }
  | { kind: "entity"; type: EntityType; index: number; page: number }
  | { kind: "author"; index: number; page: number }
  | { kind: "year"; index: number; page: number }
  | { kind: "month"; yearIndex: number; index: number; page: number }
  | { kind: "404" };

export interface PlannedPage {
  route: string;
  /** Relative to the output folder. */
  output: string;
  spec: PageSpec;
}

export function pageCount(items: number, pageSize: number): number {
  return Math.max(1, Math.ceil(items / pageSize));
}

export function planPages(library: Library, pageSize: number): PlannedPage[] {
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
  add(routes.notFound(), { kind: "404" });
  return pages;
}

/**
 * Two pages on one file would silently overwrite each other: report every such pair.
 * Article-versus-article clashes were already reported with their files by the Library.
 */
export function reportOutputCollisions(pages: readonly PlannedPage[], library: Library, bag: DiagnosticBag): void {
  const seen = new Map<string, PlannedPage>();
  for (const page of pages) {
    const first = seen.get(page.output);
    if (!first) {
      seen.set(page.output, page);
      continue;
    }
    // Two articles, or two terms of one kind, on one URL were already reported by the Library
    // with the files involved; report only clashes between different kinds of page here.
    if (sameKind(first.spec, page.spec)) continue;
    const culprits = [first, page].map((p) => describe(p, library));
    const article = [first, page].find((p) => p.spec.kind === "article");
    const file = article?.spec.kind === "article" ? library.articles[article.spec.index]!.file : "(site)";
    bag.error(file, undefined, "collision/page-url", `${culprits.join(" and ")} would both be written to ${page.route}`,
      "change the article's slug so it does not clash with a generated page");
  }
}

function sameKind(a: PageSpec, b: PageSpec): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind !== "entity" || b.kind !== "entity" || a.type === b.type;
}

function describe(page: PlannedPage, library: Library): string {
  const spec = page.spec;
  switch (spec.kind) {
    case "article":
      return `the article ${library.articles[spec.index]!.file}`;
    case "tag":
      return `the tag page for "${library.tags[spec.index]!.name}"`;
    case "entity":
      return `the ${spec.type} page for "${library.entities[spec.type][spec.index]!.name}"`;
    case "author":
      return `the author page for "${library.authors[spec.index]!.name}"`;
    default:
      return `the ${spec.kind} page`;
  }
}
