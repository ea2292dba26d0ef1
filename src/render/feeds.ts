import { toIso, toRfc822 } from "../dates.js";
import type { FeedChannel, FeedItem } from "./feed-items.js";
import { attributes, element, escapeXml, XML_DECLARATION } from "./xml.js";

/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 from one FeedChannel. Every string is escaped by
 * xml.ts (never CDATA), HTML content travels as escaped text, and dates come from dates.ts.
 */

const GENERATOR = "Dateline";

export function toRss(feed: FeedChannel): string {
  const head = [
    XML_DECLARATION +
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "<channel>",
    element("title", feed.title),
    element("link", feed.homeUrl),
    element("description", escapeXml(feed.description || feed.title)),
    element("language", feed.language),
    element("lastBuildDate", toRfc822(feed.updated)),
    element("generator", GENERATOR),
    `<atom:link${attributes({ href: feed.feedUrl, rel: "self", type: "application/rss+xml" })}/>`,
  ].join("\n");
  const items = feed.items.map(rssItem);
  return `${head}\n${items.join("")}</channel>\n</rss>\n`;
}

function rssItem(item: FeedItem): string {
  const parts = [
    element("title", item.title),
    element("link", item.url),
    element("guid", item.id, { isPermaLink: "true" }),
    element("pubDate", toRfc822(item.published)),
    // Readers render RSS descriptions as HTML: plain text is escaped for HTML first, so a
    // summary that reads like markup stays text instead of becoming markup in a reader.
    element("description", escapeXml(item.summary)),
  ];
  if (item.contentHtml !== undefined) parts.push(element("content:encoded", item.contentHtml));
  // RSS's own <author> must be an e-mail address; Dublin Core's creator takes a name.
  for (const a of item.authors) parts.push(element("dc:creator", a.name));
  for (const t of item.tags) parts.push(element("category", t));
  return `<item>\n${parts.join("\n")}\n</item>\n`;
}

export function toAtom(feed: FeedChannel): string {
  const out = [
    `${XML_DECLARATION}<feed xmlns="http://www.w3.org/2005/Atom"${attributes({ "xml:lang": feed.language })}>`,
    element("id", feed.feedUrl),
    element("title", feed.title, { type: "text" }),
  ];
  if (feed.description) out.push(element("subtitle", feed.description, { type: "text" }));
  out.push(
    element("updated", toIso(feed.updated)),
    `<link${attributes({ rel: "self", type: "application/atom+xml", href: feed.feedUrl })}/>`,
    `<link${attributes({ rel: "alternate", type: "text/html", href: feed.homeUrl })}/>`,
    // A feed-level author satisfies Atom for entries that name none.
    `<author>${element("name", feed.publisher)}</author>`,
    element("generator", GENERATOR),
  );
  return `${out.join("\n")}\n${feed.items.map(atomEntry).join("")}</feed>\n`;
}

/**
 * Entries by item: term feeds share their items (feed-items.ts), so an article's entry is
 * made once however many feeds it is in. Items are plain data that nothing mutates once a
 * feed is made of them; weak, so the entries go with the items.
 */
const atomEntries = new WeakMap<FeedItem, string>();

function atomEntry(item: FeedItem): string {
  let entry = atomEntries.get(item);
  if (entry === undefined) atomEntries.set(item, (entry = makeAtomEntry(item)));
  return entry;
}

function makeAtomEntry(item: FeedItem): string {
  const parts = [
    element("id", item.id),
    element("title", item.title, { type: "text" }),
    `<link${attributes({ rel: "alternate", type: "text/html", href: item.url })}/>`,
    element("published", toIso(item.published)),
    element("updated", toIso(item.updated)),
  ];
  for (const a of item.authors) parts.push(`<author>${element("name", a.name)}${element("uri", a.url)}</author>`);
  for (const t of item.tags) parts.push(`<category${attributes({ term: t })}/>`);
  parts.push(element("summary", item.summary, { type: "text" }));
  if (item.contentHtml !== undefined) parts.push(element("content", item.contentHtml, { type: "html" }));
  return `<entry>\n${parts.join("\n")}\n</entry>\n`;
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). JSON.stringify escapes what JSON needs. */
export function toJsonFeed(feed: FeedChannel): string {
  return `${JSON.stringify(
    {
      version: "https://jsonfeed.org/version/1.1",
      title: feed.title,
      home_page_url: feed.homeUrl,
      feed_url: feed.feedUrl,
      description: feed.description,
      language: feed.language,
      authors: [{ name: feed.publisher }],
      items: feed.items.map((item) => ({
        id: item.id,
        url: item.url,
        title: item.title,
        ...(item.contentHtml !== undefined ? { content_html: item.contentHtml } : { content_text: item.summary }),
        summary: item.summary,
        ...(item.image ? { image: item.image } : {}),
        date_published: toIso(item.published),
        date_modified: toIso(item.updated),
        ...(item.authors.length ? { authors: item.authors } : {}),
        ...(item.tags.length ? { tags: item.tags } : {}),
      })),
    },
    null,
    2,
  )}\n`;
}
