import { ENTITY_TYPES, type EntityType } from "../content/article.js";
import { foldName, nameKey } from "../content/slug.js";
import { toIso } from "../dates.js";
import type { PublishedArticle } from "../model/library.js";
import { resolveReference, routes } from "../model/routes.js";
import type { ViewContext } from "../pages/context.js";
import { lastModified, termsOf } from "./feed-items.js";

/**
 * schema.org NewsArticle JSON-LD for article pages, and the one serialiser that makes JSON
 * safe inside `<script type="application/ld+json">`.
 */

const SCHEMA_TYPES: Readonly<Record<EntityType, string>> = { person: "Person", organization: "Organization", place: "Place" };

/**
 * JSON inside a script element ends at the first `</script`, and `<!--` changes how the
 * parser reads the rest; `&` matters if the block is ever read as XHTML. Escaping `<`, `>`
 * and `&` as \u escapes keeps the JSON identical while no markup can form. U+2028/2029 are
 * escaped too, so the text is also a valid JavaScript literal for consumers that eval it.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

type Json = Record<string, unknown>;

export function newsArticleJsonLd(index: number, ctx: ViewContext, canonical: string): Json {
  const { library, config } = ctx;
  const a = library.articles[index]!;
  const url = ctx.absolute(a.url);
  const description = a.summary ?? a.excerpt;
  const doc: Json = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: a.title,
    ...(description ? { description } : {}),
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": canonical },
    datePublished: toIso(a.date),
    dateModified: toIso(lastModified(a)),
    inLanguage: config.language,
    wordCount: a.wordCount,
    publisher: publisher(ctx),
  };
  const authors = termsOf(library.authorsByName, a.authors);
  if (authors.length) doc.author = authors.map((t) => ({ "@type": "Person", name: t.name, url: ctx.absolute(t.url) }));
  const image = a.image && resolveReference(a.image.src, a.url, config.baseUrl);
  if (image) doc.image = [image];
  const tags = termsOf(library.tagsByName, a.tags);
  if (tags.length) doc.keywords = tags.map((t) => t.name);
  const { about, mentions } = entityNodes(a, ctx);
  if (about.length) doc.about = about;
  if (mentions.length) doc.mentions = mentions;
  if (a.corrections.length) {
    doc.correction = a.corrections.map((c) => ({ "@type": "CorrectionComment", text: c.text, datePublished: toIso(c.date) }));
  }
  return doc;
}

function publisher(ctx: ViewContext): Json {
  const { config } = ctx;
  const org: Json = { "@type": "Organization", name: config.publisher.name };
  const url = config.publisher.url ? resolveReference(config.publisher.url, routes.home(), config.baseUrl) : ctx.absolute(routes.home());
  if (url) org.url = url;
  const logo = config.publisher.logo && resolveReference(config.publisher.logo, routes.home(), config.baseUrl);
  if (logo) org.logo = { "@type": "ImageObject", url: logo };
  return org;
}

/**
 * An entity named in the headline or summary is what the article is about; the others are
 * mentioned in it. That is the distinction schema.org draws, and the headline is where an
 * editor states the subject.
 */
function entityNodes(a: PublishedArticle, ctx: ViewContext): { about: Json[]; mentions: Json[] } {
  const lead = foldName(`${a.title} ${a.summary ?? ""}`);
  const about: Json[] = [];
  const mentions: Json[] = [];
  for (const type of ENTITY_TYPES) {
    for (const term of termsOf(ctx.library.entitiesByName[type], a.entities[type])) {
      const node = { "@type": SCHEMA_TYPES[type], name: term.name, url: ctx.absolute(term.url) };
      (lead.includes(nameKey(term.name)) ? about : mentions).push(node);
    }
  }
  return { about, mentions };
}
