import type { Parent, PhrasingContent, Root, RootContent } from "mdast";
import { normalizeUri } from "micromark-util-sanitize-uri";

/**
 * HTML for the trees plain prose makes (content/plain-blocks.ts): paragraphs, headings, quotes,
 * tight bullet lists, text, emphasis and links, after our transforms. remark-html goes through
 * a second tree (hast) and a general serializer, about a sixth of what loading an article
 * costs; for these few node kinds the bytes it writes are simple and are written here instead.
 * Any other node kind, or data this does not know, gives undefined and remark-html is used.
 * The caller only asks for trees that need no sanitizing (content/markdown.ts). The bytes are
 * remark-html's: tests/markdown-fast-path.test.ts compares the two on generated and real bodies.
 */
export function plainHtml(tree: Root): string | undefined {
  const out: string[] = [];
  if (!blocks(tree.children, out)) return undefined;
  const html = out.join("");
  // remark-html ends a non-empty document with a line break.
  return html === "" || html.endsWith("\n") ? html : `${html}\n`;
}

/** Block nodes, one per line, as mdast-util-to-hast's `wrap` lays them out. */
function blocks(nodes: readonly RootContent[], out: string[]): boolean {
  for (let i = 0; i < nodes.length; i++) {
    if (i > 0) out.push("\n");
    if (!block(nodes[i]!, out)) return false;
  }
  return true;
}

function block(node: RootContent, out: string[]): boolean {
  switch (node.type) {
    case "paragraph":
      if (node.data) return false;
      out.push("<p>");
      if (!inline(node, out)) return false;
      out.push("</p>");
      return true;
    case "heading": {
      const id = headingId(node.data);
      if (id === false) return false;
      out.push(`<h${node.depth}${id === undefined ? "" : ` id="${attribute(id)}"`}>`);
      if (!inline(node, out)) return false;
      out.push(`</h${node.depth}>`);
      return true;
    }
    case "blockquote":
      if (node.data) return false;
      out.push("<blockquote>\n");
      if (!blocks(node.children, out)) return false;
      // An empty quote (`>` alone) has one line break inside, not two.
      out.push(node.children.length > 0 ? "\n</blockquote>" : "</blockquote>");
      return true;
    case "list":
      return list(node, out);
    default:
      return false;
  }
}

/** A tight bullet list whose items are one paragraph each: `<li>` holds the paragraph's content. */
function list(node: Extract<RootContent, { type: "list" }>, out: string[]): boolean {
  if (node.ordered || node.spread || node.data || node.children.length === 0) return false;
  out.push("<ul>\n");
  for (let i = 0; i < node.children.length; i++) {
    const item = node.children[i]!;
    const only = item.children[0];
    if (item.spread || item.data || (item.checked !== null && item.checked !== undefined)) return false;
    if (item.children.length !== 1 || only?.type !== "paragraph" || only.data) return false;
    if (i > 0) out.push("\n");
    out.push("<li>");
    if (!inline(only, out)) return false;
    out.push("</li>");
  }
  out.push("\n</ul>");
  return true;
}

function inline(parent: Parent, out: string[]): boolean {
  for (const node of parent.children as PhrasingContent[]) {
    switch (node.type) {
      case "text":
        out.push(text(node.value));
        break;
      case "emphasis":
      case "strong": {
        if (node.data) return false;
        const tag = node.type === "emphasis" ? "em" : "strong";
        out.push(`<${tag}>`);
        if (!inline(node, out)) return false;
        out.push(`</${tag}>`);
        break;
      }
      case "link": {
        if (node.data) return false;
        const title = node.title === null || node.title === undefined ? "" : ` title="${attribute(node.title)}"`;
        out.push(`<a href="${attribute(normalizeUri(node.url))}"${title}>`);
        if (!inline(node, out)) return false;
        out.push("</a>");
        break;
      }
      default:
        return false;
    }
  }
  return true;
}

/** The id headingIds gave, undefined for none, false for data this module does not write. */
function headingId(data: unknown): string | undefined | false {
  if (data === undefined) return undefined;
  const properties = (data as { hProperties?: Record<string, unknown> }).hProperties;
  if (Object.keys(data as object).length !== 1 || !properties) return false;
  const keys = Object.keys(properties);
  if (keys.length !== 1 || keys[0] !== "id" || typeof properties.id !== "string") return false;
  return properties.id;
}

const LINE_BREAK = /\r?\n|\r/g;
const TEXT_ESCAPES = /[&<]/g;
/** What hast-util-to-html escapes in a double-quoted attribute by default. */
const ATTRIBUTE_ESCAPES = /[\0"&'`]/g;
const hexReference = (ch: string) => `&#x${ch.charCodeAt(0).toString(16).toUpperCase()};`;

function text(value: string): string {
  return trimAtBreaks(value).replace(TEXT_ESCAPES, hexReference);
}

/**
 * Spaces and tabs around line breaks dropped, as mdast-util-to-hast's text handler does (with
 * trim-lines), and like it in linear time: the regex `[ \t]*(\r?\n|\r)[ \t]*` this replaced
 * went over a run of spaces once from each of its spaces (30,000 spaces: 0.7 s).
 */
function trimAtBreaks(value: string): string {
  let out = "";
  let last = 0;
  LINE_BREAK.lastIndex = 0;
  for (let found = LINE_BREAK.exec(value); found; found = LINE_BREAK.exec(value)) {
    out += trimBlanks(value.slice(last, found.index), last > 0, true) + found[0];
    last = found.index + found[0].length;
  }
  return last === 0 ? value : out + trimBlanks(value.slice(last), true, false);
}

function trimBlanks(line: string, start: boolean, end: boolean): string {
  const blank = (i: number) => line[i] === " " || line[i] === "\t";
  let from = 0;
  let to = line.length;
  if (start) while (from < to && blank(from)) from++;
  if (end) while (to > from && blank(to - 1)) to--;
  return line.slice(from, to);
}

function attribute(value: string): string {
  return value.replace(ATTRIBUTE_ESCAPES, hexReference);
}
