/**
 * Escaping for XML output (feeds, sitemaps). Article text is untrusted: it may hold `<`, `&`,
 * `]]>` or control characters that XML 1.0 cannot carry at all, even as character references.
 * We never use CDATA sections: escaping works for every string, CDATA breaks on `]]>`.
 */

// Tab, LF and CR are the only C0 controls XML 1.0 allows; U+FFFE/U+FFFF and lone surrogates are
// not characters at all. DEL and C1 controls are allowed but "discouraged": keep them.
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Drops characters XML cannot represent. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, "");
}

/** Escapes text for element content and attribute values alike. */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** `<name attr="v">text</name>`, escaped; attributes with undefined values are left out. */
export function element(name: string, text: string, attrs: Record<string, string | undefined> = {}): string {
  return `<${name}${attributes(attrs)}>${escapeXml(text)}</${name}>`;
}

export function attributes(attrs: Record<string, string | undefined>): string {
  let out = "";
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) out += ` ${k}="${escapeXml(v)}"`;
  return out;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
