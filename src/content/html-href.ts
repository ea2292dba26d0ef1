import { normalizeUri } from "micromark-util-sanitize-uri";

/**
 * A URL as remark-html writes it into a double-quoted `href`: percent-encoded the way
 * mdast-util-to-hast normalises link URLs, then escaped the way hast-util-to-html escapes
 * attribute values. Links added to rendered bodies afterwards (entity markers) must read
 * byte for byte as if remark had written them. Kept apart from markdown.ts so that building
 * pages does not load remark.
 */
export function htmlHref(url: string): string {
  // hast-util-to-html's default subset for double-quoted values: " & ' and the backtick.
  return normalizeUri(url).replace(/["&'`]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`);
}
