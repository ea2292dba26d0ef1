import { ENTITY_TYPES, type EntityType } from "../content/article.js";
import type { EntityTerm, Library } from "../model/library.js";
import { ENTITY_SECTIONS, routes } from "../model/routes.js";
import type { EntityPage, NavItem, TermIndexPage } from "../render/views.js";
import type { ViewContext } from "./context.js";

/** Entity pages and the entity index: what the archive says about one person, organisation or place. */
export const ENTITY_LABELS: Readonly<Record<EntityType, string>> = { person: "People", organization: "Organizations", place: "Places" };
export const ENTITY_SINGULAR: Readonly<Record<EntityType, string>> = { person: "Person", organization: "Organization", place: "Place" };

const RELATED_COUNT = 10;

export function entityView(term: EntityTerm, page: number, ctx: ViewContext): EntityPage {
  const size = ctx.config.pageSize;
  const start = (page - 1) * size;
  const items = term.articles.slice(start, start + size).map((articleIndex, k) => {
    const card = ctx.card(articleIndex);
    const context = term.contexts[start + k];
    return context ? { ...card, context } : card;
  });
  const view: EntityPage = {
    template: "entity",
    heading: term.name,
    typeLabel: ENTITY_SINGULAR[term.type],
    aliases: term.entry?.aliases ?? [],
    sameAs: (term.entry?.sameAs ?? []).map((url) => ({ name: sameAsLabel(url), href: url })),
    articleCount: term.articles.length,
    items,
    pagination: ctx.pagination(term.url, term.articles.length, page),
    related: coOccurring(ctx.library, term).map(({ term: t, count }) => ({ ...ctx.link(t), count, typeLabel: ENTITY_SINGULAR[t.type] })),
  };
  if (term.entry?.description) view.description = term.entry.description;
  const years = yearSeries(term);
  if (years.length) view.chart = { years, svgHtml: chartSvg(term.name, years) };
  return view;
}

const related = new WeakMap<EntityTerm, { term: EntityTerm; count: number }[]>();

/** The entities most often named in the same articles; computed once per entity, not per page. */
export function coOccurring(library: Library, term: EntityTerm): { term: EntityTerm; count: number }[] {
  const cached = related.get(term);
  if (cached) return cached;
  const counts = new Map<EntityTerm, number>();
  for (const index of term.articles) {
    for (const link of library.entityLinks[index] ?? []) if (link.term !== term) counts.set(link.term, (counts.get(link.term) ?? 0) + 1);
  }
  const list = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].name.localeCompare(b[0].name))
    .slice(0, RELATED_COUNT)
    .map(([t, count]) => ({ term: t, count }));
  related.set(term, list);
  return list;
}

/** Every year from the first mention to the last, with zeros, so gaps show on the chart. */
export function yearSeries(term: EntityTerm): { year: number; count: number }[] {
  const years = [...term.perYear.keys()];
  if (years.length === 0) return [];
  const out: { year: number; count: number }[] = [];
  for (let y = Math.min(...years); y <= Math.max(...years); y++) out.push({ year: y, count: term.perYear.get(y) ?? 0 });
  return out;
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * A small bar chart as inline SVG: no script, readable by screen readers through its title and
 * description (which list every value), and scaled by the browser.
 */
export function chartSvg(name: string, years: readonly { year: number; count: number }[]): string {
  const bar = 28;
  const gap = 8;
  const height = 90;
  const top = 14;
  const bottom = 18;
  const max = Math.max(1, ...years.map((y) => y.count));
  const width = years.length * (bar + gap) + gap;
  const title = `Articles mentioning ${name}, per year`;
  const desc = years.map((y) => `${y.year}: ${y.count}`).join("; ");
  const bars = years.map((y, i) => {
    const h = Math.round(((height - top - bottom) * y.count) / max);
    const x = gap + i * (bar + gap);
    const yTop = height - bottom - h;
    return `<rect x="${x}" y="${yTop}" width="${bar}" height="${h}" class="bar"/>` +
      `<text x="${x + bar / 2}" y="${yTop - 3}" text-anchor="middle" class="value">${y.count}</text>` +
      `<text x="${x + bar / 2}" y="${height - 4}" text-anchor="middle" class="year">${y.year}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" class="mentions-chart" role="img" aria-labelledby="chart-title chart-desc" ` +
    `viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<title id="chart-title">${escapeXml(title)}</title><desc id="chart-desc">${escapeXml(desc)}</desc>${bars.join("")}</svg>`;
}

function sameAsLabel(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

/** The index groups by type; one static page sorts by name, another by number of articles. */
export function entityIndex(ctx: ViewContext, order: "name" | "count"): TermIndexPage {
  const { library } = ctx;
  const orderings: NavItem[] = [
    { name: "By name", href: ctx.href(routes.entities()), current: order === "name" },
    { name: "By number of articles", href: ctx.href(routes.entitiesByCount()), current: order === "count" },
  ];
  return {
    template: "terms",
    heading: "People, organizations and places",
    orderings,
    groups: ENTITY_TYPES.map((type) => {
      const terms = [...library.entities[type]];
      // The list is sorted by name already and sort is stable: ties stay in name order.
      if (order === "count") terms.sort((a, b) => b.articles.length - a.articles.length);
      return { label: ENTITY_LABELS[type], id: ENTITY_SECTIONS[type], items: terms.map((t) => ({ ...ctx.link(t), count: t.articles.length })) };
    }),
  };
}
