import type { Blockquote, Emphasis, Heading, Link, List, ListItem, Paragraph, PhrasingContent, Root, Strong } from "mdast";

/**
 * Most of a news article is prose: paragraphs of text with now and then a link or a word in
 * italics, a few subheadings, a quote, a short bullet list. micromark reads such a paragraph
 * one character at a time through a state machine and spent about 4 ms per 600-word article
 * doing it, over half of what loading an article cost. This module recognises the blocks whose
 * Markdown is that plain, builds their syntax tree directly, and leaves the rest to micromark.
 *
 * It only takes a block when the result is certain to be what micromark makes of it:
 * - The body holds nothing that can reach across a blank line: no raw HTML, code fences,
 *   carriage returns or NULs. Link definitions may be anywhere, as they only give meaning to
 *   `[text][label]` and `[label]`, which a plain block never holds.
 * - A block is a run of lines between blank lines, none with edge whitespace: a paragraph
 *   whose lines cannot open a block, a one-line `#` heading, a quote with `> ` on every line,
 *   or a tight bullet list of one-line items whose neighbours cannot continue it. After a
 *   blank line such a run stands at the root, whatever came before it.
 * - Inside it, only text, inline links `[text](url)` whose text and URL are plain, and
 *   `*emphasis*` / `**strong**` whose delimiter runs can only open or only close.
 *   Any other Markdown character (`\`, `` ` ``, `_`, `~`, `|`, `<`, a stray `*`, `[` or `]`,
 *   `![`, a character reference) sends the block to micromark.
 *
 * The other blocks are parsed by micromark as they stand, with each plain block replaced by a
 * one-line placeholder paragraph so lists, quotes and tables around them end where they did.
 * The trees carry no source positions for plain blocks; nothing downstream reads them.
 * tests/plain-blocks.test.ts holds the trees to micromark's on generated and real bodies.
 */
export function parseWithPlainBlocks(markdown: string, parse: (markdown: string) => Root): Root {
  const split = splitPlainBlocks(markdown);
  if (!split) return parse(markdown);
  if (!split.needsParser) return { type: "root", children: split.plain };
  const tree = parse(split.skeleton);
  let next = 0;
  for (let i = 0; i < tree.children.length; i++) {
    if (!isPlaceholder(tree.children[i]!)) continue;
    const block = split.plain[next++];
    if (!block) return parse(markdown);
    tree.children[i] = block;
  }
  // A placeholder that did not come out as a paragraph of its own at the root was read in a
  // way this module did not foresee: trust micromark with the whole body instead.
  return next === split.plain.length ? tree : parse(markdown);
}

/** A private-use character: the body is checked not to hold one. */
const PLACEHOLDER = "\uE000";

function isPlaceholder(node: Root["children"][number]): boolean {
  if (node.type !== "paragraph" || node.children.length !== 1) return false;
  const only = node.children[0]!;
  return only.type === "text" && only.value === PLACEHOLDER;
}

interface Split {
  /** The body with each plain block replaced by a placeholder line. */
  skeleton: string;
  /** The plain blocks' trees, in order. */
  plain: (Paragraph | Heading | Blockquote | List)[];
  /** Whether any block was left for micromark. */
  needsParser: boolean;
}

/** What can span blank lines; its presence anywhere turns the shortcut off. */
const REACHES_ACROSS_BLOCKS = /[<\r\0\uE000]|```|~~~/;
const BLANK_LINE = /^[ \t]*$/;
/**
 * A character that can open a block at column 0 (`#` is tried as a heading first). A `[` can
 * start a definition, but a plain block only takes it as the start of `[text](url)`.
 */
const BLOCK_OPENERS = new Set(["#", ">", "-", "+", "*", "=", "_", "`", "~", "|", "<", ":"]);
const ORDERED_LIST_ITEM = /^\d{1,9}[.)]/;
/** Trailing spaces are no part of a heading's text. */
const ATX_HEADING = /^(#{1,6}) (\S(?:.*\S)?)[ \t]*$/;
const EDGE_SPACE = /\s/;

function splitPlainBlocks(markdown: string): Split | undefined {
  if (REACHES_ACROSS_BLOCKS.test(markdown)) return undefined;
  const lines = markdown.split("\n");
  // Runs of non-blank lines, and the blank lines between them, which the skeleton keeps as they are.
  const runs: { lines: string[]; blank: boolean }[] = [];
  for (let start = 0; start < lines.length; ) {
    const blank = BLANK_LINE.test(lines[start]!);
    let end = start + 1;
    while (end < lines.length && BLANK_LINE.test(lines[end]!) === blank) end++;
    runs.push({ lines: lines.slice(start, end), blank });
    start = end;
  }
  const skeleton: string[] = [];
  const plain: Split["plain"] = [];
  let needsParser = false;
  runs.forEach((run, i) => {
    const node = run.blank ? undefined : plainBlock(run.lines, runs[i - 2]?.lines, runs[i + 2]?.lines);
    if (node) {
      plain.push(node);
      skeleton.push(PLACEHOLDER);
    } else {
      needsParser ||= !run.blank;
      // One by one: spread into arguments, 200,000 blank lines overflow the stack.
      for (const line of run.lines) skeleton.push(line);
    }
  });
  return { skeleton: skeleton.join("\n"), plain, needsParser };
}

type PlainBlock = Split["plain"][number];

/** The block's tree when it is plain; `before` and `after` are the blocks around it, if any. */
function plainBlock(lines: string[], before: string[] | undefined, after: string[] | undefined): PlainBlock | undefined {
  const first = lines[0]!;
  if (first.startsWith("#")) {
    if (lines.length > 1) return undefined;
    const heading = ATX_HEADING.exec(first);
    // A closing `#` sequence, or a `#` that might be one, is micromark's to read.
    if (!heading || heading[2]!.endsWith("#")) return undefined;
    const children = plainInline(heading[2]!);
    return children && { type: "heading", depth: heading[1]!.length as Heading["depth"], children };
  }
  if (first.startsWith("> ")) return plainQuote(lines);
  if (BULLET.test(first)) return plainList(lines, before, after);
  return plainParagraph(lines);
}

function plainParagraph(lines: string[]): Paragraph | undefined {
  for (const line of lines) {
    if (line.length === 0 || ORDERED_LIST_ITEM.test(line)) return undefined;
    if (BLOCK_OPENERS.has(line[0]!) && !markerInText(line)) return undefined;
    if (EDGE_SPACE.test(line[0]!) || EDGE_SPACE.test(line[line.length - 1]!)) return undefined;
  }
  const children = plainInline(lines.join("\n"));
  return children && { type: "paragraph", children };
}

/** `> text` on every line: a quote of one plain paragraph (no lazy lines, nothing nested). */
function plainQuote(lines: string[]): Blockquote | undefined {
  if (!lines.every((line) => line.startsWith("> "))) return undefined;
  const paragraph = plainParagraph(lines.map((line) => line.slice(2)));
  return paragraph && { type: "blockquote", children: [paragraph] };
}

/**
 * `*Italic*`, `**Bold**`, `-5 degrees`, `+44`: a bullet, rule or underline character followed
 * by something other than a space cannot open a list item, and a line with a character that is
 * not one of them (nor `_`, or `:`, which aligns table columns) cannot be a thematic break, a
 * setext underline or a table's delimiter row.
 */
function markerInText(line: string): boolean {
  return "-+*=".includes(line[0]!) && line.length > 1 && !EDGE_SPACE.test(line[1]!) && /[^-+*=_:\s]/.test(line);
}

const BULLET = /^[-*+] /;
/** A line that may start or continue a list item, in a block beside a list. */
const LIST_LIKE = /^\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)|^\s/m;

/**
 * `- text` on every line, one marker throughout: a tight list of one-line plain items. A list
 * goes on across a blank line into a next item or an indented line, and the blocks around it
 * could be more of it, so neither may look like a list item or continue one.
 */
function plainList(lines: string[], before: string[] | undefined, after: string[] | undefined): List | undefined {
  const marker = lines[0]!.slice(0, 2);
  if (!lines.every((line) => line.startsWith(marker))) return undefined;
  if ((before && LIST_LIKE.test(before.join("\n"))) || (after && LIST_LIKE.test(after[0]!))) return undefined;
  const items: ListItem[] = [];
  for (const line of lines) {
    const paragraph = plainParagraph([line.slice(2)]);
    if (!paragraph) return undefined;
    items.push({ type: "listItem", spread: false, checked: null, children: [paragraph] });
  }
  return { type: "list", ordered: false, start: null, spread: false, children: items };
}

/** Characters that always need micromark inside a plain block. */
const NEVER_PLAIN = new Set(["\\", "`", "_", "~", "|", "<", "]"]);
/** A character reference's shape (`&amp;`, `&#39;`): micromark decodes the valid ones. */
const REFERENCE = /^&[#A-Za-z0-9]+;/;
const WORD = /[\p{L}\p{N}]/u;
/** Before an opening delimiter: the start, a space or an opening bracket or quote. */
const OPENS_AFTER = new Set([" ", "\n", "(", '"', "“"]);
/** After a closing delimiter: the end, a space or closing punctuation. */
const CLOSES_BEFORE = new Set([" ", "\n", ".", ",", ";", ":", "!", "?", ")", '"', "'", "”", "’"]);

/**
 * Every character plainInline must look at: the rest are text. Found with one regex rather
 * than a test per character, which was a tenth of loading an article.
 */
const INLINE_SPECIAL = /[\\`_~|<\]&!*[]/g;

/** The inline content of a plain block, or undefined when it is not plain. */
function plainInline(text: string): PhrasingContent[] | undefined {
  const out: PhrasingContent[] = [];
  let textStart = 0;
  const flush = (end: number) => {
    if (end > textStart) out.push({ type: "text", value: text.slice(textStart, end) });
  };
  // Module-level and reset here: nothing this loop calls uses it, and a new RegExp per block costs.
  const special = INLINE_SPECIAL;
  special.lastIndex = 0;
  for (let found = special.exec(text); found; found = special.exec(text)) {
    const i = found.index;
    const ch = text[i]!;
    if (NEVER_PLAIN.has(ch)) return undefined;
    if (ch === "&") {
      if (REFERENCE.test(text.slice(i, i + 40))) return undefined;
    } else if (ch === "!") {
      if (text[i + 1] === "[") return undefined;
    } else {
      const span: Span<PhrasingContent> | undefined = ch === "*" ? emphasisAt(text, i) : linkAt(text, i);
      if (!span) return undefined;
      flush(i);
      out.push(span.node);
      textStart = special.lastIndex = span.end;
    }
  }
  flush(text.length);
  return out;
}

interface Span<T> {
  node: T;
  /** Index just after the span. */
  end: number;
}

/**
 * `*words*` or `**words**`, with no other `*` between the two runs, and each run able only
 * to open or only to close, so CommonMark's delimiter algorithm pairs exactly these two:
 * - The opening run precedes a letter or digit and follows the start, a space or an opening
 *   bracket or quote; or it precedes punctuation (`*“Quoted”*`) and follows the start or a space.
 * - The closing run follows a letter or digit and precedes the end, a space or closing
 *   punctuation; or it follows punctuation (`**Said so.**`) and precedes the end or a space.
 */
function emphasisAt(text: string, at: number): Span<Emphasis | Strong> | undefined {
  let size = 1;
  while (text[at + size] === "*") size++;
  if (size > 2) return undefined;
  const contentStart = at + size;
  const first = text[contentStart];
  if (first === undefined || EDGE_SPACE.test(first) || first === "*") return undefined;
  const before = at > 0 ? text[at - 1]! : " ";
  if (WORD.test(first) ? !OPENS_AFTER.has(before) : before !== " " && before !== "\n") return undefined;
  const close = text.indexOf("*", contentStart);
  if (close < 0 || !plainSpanText(text, contentStart, close)) return undefined;
  const end = close + size;
  for (let i = close; i < end; i++) if (text[i] !== "*") return undefined;
  const last = text[close - 1]!;
  const after = end < text.length ? text[end]! : " ";
  if (EDGE_SPACE.test(last) || (WORD.test(last) ? !CLOSES_BEFORE.has(after) : after !== " " && after !== "\n")) return undefined;
  const children: PhrasingContent[] = [{ type: "text", value: text.slice(contentStart, close) }];
  return { node: size === 1 ? { type: "emphasis", children } : { type: "strong", children }, end };
}

/** A URL micromark takes as it stands: no spaces, brackets, quotes, escapes or references. */
const PLAIN_DESTINATION = /^[^\s\x00-\x1f\x7f()<>\\"'`*[\]&]+$/;

/** `[words](url)`: an inline link without a title, its text and URL plain. */
function linkAt(text: string, at: number): Span<Link> | undefined {
  const close = text.indexOf("]", at + 1);
  if (close <= at + 1 || text[at + 1] === "^" || !plainSpanText(text, at + 1, close)) return undefined;
  if (text[close + 1] !== "(") return undefined;
  const urlEnd = text.indexOf(")", close + 2);
  if (urlEnd < 0) return undefined;
  const url = text.slice(close + 2, urlEnd);
  if (!PLAIN_DESTINATION.test(url)) return undefined;
  const node: Link = { type: "link", title: null, url, children: [{ type: "text", value: text.slice(at + 1, close) }] };
  return { node, end: urlEnd + 1 };
}

/** Not allowed inside emphasis or link text: NEVER_PLAIN, `*`, `[`, `&` and line ends. `![` needs no check of its own. */
const SPAN_BREAK = /[*[&\n\\`_~|<\]]/g;

function plainSpanText(text: string, start: number, end: number): boolean {
  // The span ends at a `*` or `]`, both in the class, so the search never runs past `end`.
  const spanBreak = SPAN_BREAK;
  spanBreak.lastIndex = start;
  const found = spanBreak.exec(text);
  return found === null || found.index >= end;
}
