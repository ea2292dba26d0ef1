import type { EntityLink } from "./entity-links.js";
import { htmlHref } from "./html-href.js";

/**
 * Entity links without the Library. A body is rendered once, in the worker thread that loads
 * its article, before anyone knows which of its entities get pages (that takes every article:
 * an unregistered name is published only when enough articles mention it). So the body links
 * the first mention of every entity it found to a marker, `#dl-entity-<nonce>-<i>` where `i`
 * is the entity's position in `article.mentions`, and page rendering turns each marker into
 * the entity page's URL or back into plain text. The nonce comes from the article's digest,
 * so a link an editor writes cannot pass for a marker without knowing the digest of the very
 * file it is written in.
 */
export interface MarkerSource {
  digest: string;
  mentions: readonly { mentions: readonly string[] }[];
}

function nonce(articleDigest: string): string {
  return articleDigest.slice(0, 16);
}

/** The links to give the Markdown pipeline: one marker per entity the article mentions. */
export function entityMarkers(article: MarkerSource): EntityLink[] {
  const prefix = `#dl-entity-${nonce(article.digest)}-`;
  return article.mentions.map((m, i) => ({ mentions: m.mentions, href: `${prefix}${i}` }));
}

/**
 * Replaces the markers in `html` (as remark-html writes them: `<a href="#…">text</a>`) with
 * links to `hrefOf(i)`, or with their text when the entity has no page. `hrefOf` returns
 * URLs that are already prefixed and percent-encoded.
 */
export function resolveEntityMarkers(html: string, articleDigest: string, hrefOf: (mention: number) => string | undefined): string {
  const marker = `<a href="#dl-entity-${nonce(articleDigest)}-`;
  let at = html.indexOf(marker);
  if (at < 0) return html;
  // A scan rather than a regular expression: this runs on every body of a 100,000-page build.
  let out = "";
  let last = 0;
  for (; at >= 0; at = html.indexOf(marker, last)) {
    const digitsEnd = html.indexOf('">', at + marker.length);
    const close = digitsEnd < 0 ? -1 : html.indexOf("</a>", digitsEnd);
    const digits = digitsEnd < 0 ? "" : html.slice(at + marker.length, digitsEnd);
    const text = close < 0 ? "" : html.slice(digitsEnd + 2, close);
    if (close < 0 || !/^\d+$/.test(digits) || text.includes("<")) {
      // Not a marker as remark-html writes one: leave it as it is.
      out += html.slice(last, at + marker.length);
      last = at + marker.length;
      continue;
    }
    const href = hrefOf(Number(digits));
    out += html.slice(last, at) + (href === undefined ? text : `<a href="${htmlHref(href)}">${text}</a>`);
    last = close + 4;
  }
  return out + html.slice(last);
}
