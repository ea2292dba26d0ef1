import type { Link, Root, Text } from "mdast";
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import type { Processor } from "unified";
import { walkTree } from "./tree-walk.js";

/**
 * GitHub-flavoured Markdown (tables, footnotes, strikethrough, task lists) assembled from its
 * parts instead of remark-gfm, because one part dominates the cost of a cold build: the
 * autolink-literal tokenizer examines every character of every paragraph and made Markdown
 * about 3.5× slower on 600-word news articles (measured: ~6.7 ms against ~1.9 ms per article
 * on this machine). Bare URLs still become links, through `bareUrlLinks` below, which runs
 * one regular expression over text nodes after parsing.
 */
export function remarkGfmParts(this: Processor, options: { tables?: boolean } = {}): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  const tables = options.tables ?? true;
  (data.micromarkExtensions ??= []).push(...(tables ? [gfmTable()] : []), gfmStrikethrough(), gfmFootnote(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(
    ...(tables ? [gfmTableFromMarkdown()] : []),
    gfmStrikethroughFromMarkdown(),
    gfmFootnoteFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  );
}

/**
 * The table tokenizer is tried at the start of every line and reads the whole line before it
 * gives up, which is measurable on a 10,000-article build, so bodies that cannot hold a table
 * skip it. A table needs a `|`, except a one-column table whose delimiter row aligns it
 * (`Header` over `-:`), which needs a line of only `-` and `:` with a colon in it, after
 * the quote markers and indentation of the containers it is in.
 */
const PIPELESS_DELIMITER_ROW = /^[ \t>]*(?:-+:|:-)[-: \t]*$/m;

export function mayHoldTable(markdown: string): boolean {
  return markdown.includes("|") || (markdown.includes(":") && PIPELESS_DELIMITER_ROW.test(markdown));
}

/** `https://…` or `http://…` up to whitespace; the sentence's punctuation is trimmed after. */
const BARE_URL = /\bhttps?:\/\/[^\s<>"]+/gi;
const TRAILING_PUNCTUATION = /[.,:;!?'"’”\]}*_~]$/;

/** Turns bare http(s) URLs in text into links; never inside links, code or headings' ids. */
export function bareUrlLinks() {
  return (tree: Root) => {
    walkTree(tree, (node, index, parent) => {
      if (node.type !== "text" || parent.type === "link" || parent.type === "linkReference") return;
      if (!node.value.includes("http")) return;
      const parts: (Text | Link)[] = [];
      let last = 0;
      for (const match of node.value.matchAll(BARE_URL)) {
        const url = trimUrl(match[0]);
        if (!/^https?:\/\/[^/]/i.test(url)) continue;
        const start = match.index;
        if (start > last) parts.push({ type: "text", value: node.value.slice(last, start) });
        parts.push({ type: "link", url, children: [{ type: "text", value: url }] });
        last = start + url.length;
      }
      if (parts.length === 0) return;
      if (last < node.value.length) parts.push({ type: "text", value: node.value.slice(last) });
      parent.children.splice(index, 1, ...parts);
      return index + parts.length;
    });
  };
}

/**
 * Drops the sentence's punctuation from the end: `https://x.org.` → `https://x.org`; a `)`
 * stays only when it closes a `(` in the URL (`…/Foo_(bar)` but not `(see https://x.org)`).
 */
function trimUrl(url: string): string {
  for (;;) {
    if (TRAILING_PUNCTUATION.test(url)) url = url.slice(0, -1);
    else if (url.endsWith(")") && count(url, "(") < count(url, ")")) url = url.slice(0, -1);
    else return url;
  }
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}
