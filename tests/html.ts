import { parse } from "parse5";

/**
 * Reads built pages the way a browser does (parse5 implements the HTML parsing algorithm),
 * so a test sees what a reader's browser or a crawler would see, escapes decoded.
 */
interface Node {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
  value?: string;
}

export interface Element {
  name: string;
  attrs: Record<string, string>;
  text: string;
}

export function elements(html: string, name: string): Element[] {
  const out: Element[] = [];
  const walk = (node: Node) => {
    if (node.nodeName === name) {
      out.push({
        name,
        attrs: Object.fromEntries((node.attrs ?? []).map((a) => [a.name, a.value])),
        text: textOf(node),
      });
    }
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(parse(html) as unknown as Node);
  return out;
}

function textOf(node: Node): string {
  if (node.nodeName === "#text") return node.value ?? "";
  return (node.childNodes ?? []).map(textOf).join("");
}

/** `property`/`name` → every content value, in document order. */
export function metaTags(html: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of elements(html, "meta")) {
    const key = m.attrs.property ?? m.attrs.name;
    if (key === undefined || m.attrs.content === undefined) continue;
    out.set(key, [...(out.get(key) ?? []), m.attrs.content]);
  }
  return out;
}

export function jsonLd(html: string): unknown[] {
  return elements(html, "script")
    .filter((s) => s.attrs.type === "application/ld+json")
    .map((s) => JSON.parse(s.text) as unknown);
}
