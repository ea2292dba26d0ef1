import { toIso } from "../dates.js";
import { resolveReference } from "../model/routes.js";
import type { ViewContext } from "../pages/context.js";
import { lastModified, termsOf } from "./feed-items.js";
import type { HeadView } from "./views.js";

/**
 * Open Graph and Twitter card tags. Values are raw text: the template's autoescaping makes
 * them safe in the attribute. Every page gets the basic set; articles get the article set.
 */
type Meta = HeadView["meta"];

const og = (key: string, content: string): Meta[number] => ({ attr: "property", key, content });
const twitter = (key: string, content: string): Meta[number] => ({ attr: "name", key, content });

export function websiteMeta(ctx: ViewContext, title: string, description: string, canonical: string): Meta {
  return [
    og("og:type", "website"),
    og("og:title", title),
    og("og:description", description),
    og("og:url", canonical),
    og("og:site_name", ctx.config.title),
    twitter("twitter:card", "summary"),
    twitter("twitter:title", title),
    twitter("twitter:description", description),
  ];
}

export function articleMeta(ctx: ViewContext, index: number, canonical: string): Meta {
  const { library, config } = ctx;
  const a = library.articles[index]!;
  const description = a.summary ?? a.excerpt;
  const image = a.image && resolveReference(a.image.src, a.url, config.baseUrl);
  const meta: Meta = [
    og("og:type", "article"),
    og("og:title", a.title),
    // An article with no summary and no text has no description: an empty one says nothing.
    ...(description ? [og("og:description", description)] : []),
    og("og:url", canonical),
    og("og:site_name", config.title),
  ];
  if (image && a.image) {
    meta.push(og("og:image", image));
    if (a.image.alt) meta.push(og("og:image:alt", a.image.alt));
  }
  meta.push(og("article:published_time", toIso(a.date)), og("article:modified_time", toIso(lastModified(a))));
  for (const author of termsOf(library.authorsByName, a.authors)) meta.push(og("article:author", ctx.absolute(author.url)));
  for (const tag of termsOf(library.tagsByName, a.tags)) meta.push(og("article:tag", tag.name));
  meta.push(
    twitter("twitter:card", image ? "summary_large_image" : "summary"),
    twitter("twitter:title", a.title),
    ...(description ? [twitter("twitter:description", description)] : []),
  );
  if (image && a.image) {
    meta.push(twitter("twitter:image", image));
    if (a.image.alt) meta.push(twitter("twitter:image:alt", a.image.alt));
  }
  return meta;
}
