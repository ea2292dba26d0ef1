import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import type { Root } from "mdast";
import { remark } from "remark";
import { describe, expect, it } from "vitest";
import { remarkGfmParts } from "../src/content/gfm.js";
import { parseWithPlainBlocks } from "../src/content/plain-blocks.js";
import { ROOT } from "./helpers.js";

/**
 * Plain blocks are parsed without micromark; the tree must be the one micromark makes, node
 * for node (source positions aside: plain blocks have none and nothing downstream reads them).
 * The pieces are the characters and shapes at the edge of what the shortcut accepts.
 */
const micromark = remark().use(remarkGfmParts, { tables: true }).freeze();
const parse = (text: string) => micromark.parse(text) as Root;

function withoutPositions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutPositions);
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(Object.entries(node).filter(([key]) => key !== "position").map(([key, value]) => [key, withoutPositions(value)]));
}

function expectSameTree(text: string): void {
  expect(withoutPositions(parseWithPlainBlocks(text, parse)), JSON.stringify(text)).toEqual(withoutPositions(parse(text)));
}

/** Inline text the shortcut takes: words, punctuation, plain links and emphasis. */
const plainInline = [
  "word", "Iraq’s", "said", " ", "  ", "\t", "\u00a0", "Zoë", "日本", "😀", ".", ",", ";", ":", "!", "?", "(", ")", '"', "'", "“", "”", "’",
  "-", "#", "*a*", "**a b**", " **a b.**", " *“a b”*", "(*a*)", "“*a*”", "*a*’s", "[a](https://x.org/p?q=1)", "[a b](../rel.html)", "[a (b)](c)", "& ", "AT&T",
  "https://x.org/a.", "www.x.org", "a@b.org", "1.", "2)",
];
/** Inline text at the edge of what it takes: flanking, link shapes, references, other syntax. */
const edgyInline = [
  "*", "**", "***", "*a", "a*", "* a*", "*a *", "***a***", "*a**", "**a*", "*a*b", "*a.*", "_a_", "a_b", "~a~", "~~a~~", "`c`", "\\",
  "\\*", '[a](b "t")', "[a]( b)", "[a](<b>)", "[](b)", "[a]()", "[^a](b)", "![a](b.jpg)", "[a][b]", "[a]", "[", "]", "[a](b(c))",
  "[a](b&c)", "[*a*](b)", "*[a](b)*", "&amp;", "&", "&#39;", "&x;", "[^1]", "| a |", "a | b", " #", " ##", "b)", "(c)", "[a]xy)", "*a*x*", "[a](b)c)", "[a](b)*c*", "**a.**", "*“a”*", "**a.**,", "*a.*b", "(*“a*", "*a.* ", "*. *", "*😀*", "*a😀*",
];
/** How a line may start: with nothing special, or with what opens (or looks as if it opens) a block. */
const lineStarts = ["*a", "**a", "-5", "+44", "=x", "-", "*", "--x", "-*", "*-", "+", "## a  ", "## a #  ", "# ", "## ", "###### ", "####### ", "#x", "1. ", "1) ", "2024. ", "- ", "+ ", "* ", "> ", "    ", " ", "\t", "===", "---", "***", "| "];
/** What reaches across blocks, and so turns the shortcut off for the whole body. */
const farReaching = ["<b>", "<!--", "[r]: /u", "[^1]: n", "```", "~~~", "\uE000", "\r\n"];

const piece = fc.oneof({ weight: 40, arbitrary: fc.constantFrom(...plainInline) }, { weight: 1, arbitrary: fc.constantFrom(...edgyInline) });
const lineStart = fc.oneof({ weight: 6, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.constantFrom(...lineStarts) });
const line = fc.tuple(lineStart, fc.array(piece, { minLength: 1, maxLength: 12 })).map(([start, parts]) => start + parts.join(""));
const text = fc.array(piece, { minLength: 1, maxLength: 10 }).map((parts) => parts.join(""));
/** A list or quote, now and then with a line that changes its marker, continues it lazily or nests. */
const container = fc
  .tuple(fc.constantFrom("- ", "* ", "+ ", "> "), fc.array(fc.tuple(fc.constantFrom("", "", "", "", "", "- ", "* ", "> ", "  ", "1. ", ">"), text), { minLength: 1, maxLength: 3 }))
  .map(([marker, items]) => items.map(([odd, words], i) => (i > 0 && odd !== "" ? odd : marker) + words).join("\n"));
const block = fc.oneof(
  { weight: 3, arbitrary: fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join("\n")) },
  { weight: 1, arbitrary: container },
);
const separator = fc.constantFrom("\n\n", "\n\n", "\n\n", "\n", "\n \n", "\n\n\n");
const ending = fc.oneof({ weight: 9, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.constantFrom(...farReaching) });
const bodies = fc
  .tuple(fc.array(fc.tuple(block, separator), { maxLength: 8 }), ending)
  .map(([blocks, end]) => blocks.map(([text, sep]) => text + sep).join("") + end);
/** Short paragraphs and headings, the edge cases as likely as the plain text. */
const edgyBlocks = fc
  .array(fc.tuple(fc.constantFrom("", "", "# ", "## "), fc.array(fc.constantFrom(...plainInline, ...edgyInline, ...edgyInline), { minLength: 1, maxLength: 8 })), { minLength: 1, maxLength: 3 })
  .map((blocks) => blocks.map(([start, parts]) => start + parts.join("")).join("\n\n"));

async function repositoryBodies(): Promise<string[]> {
  const out: string[] = [];
  for (const dir of ["articles", "tests/fixtures"]) {
    for (const entry of await readdir(join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
      const text = await readFile(join(entry.parentPath, entry.name), "utf8");
      out.push(text.replace(/^---\n[\s\S]*?\n---\n/, ""));
    }
  }
  return out;
}

describe("plain blocks", () => {
  it("parse generated bodies into the tree micromark makes", () => {
    fc.assert(fc.property(bodies, (text) => expectSameTree(text)), { numRuns: 1500 });
  });

  it("parse generated inline edge cases into the tree micromark makes", () => {
    fc.assert(fc.property(edgyBlocks, (text) => expectSameTree(text)), { numRuns: 4000 });
  });

  it("parse every article and fixture in the repository into the tree micromark makes", async () => {
    const texts = await repositoryBodies();
    expect(texts.length).toBeGreaterThan(40);
    for (const text of texts) expectSameTree(text);
  });

  it("leave micromark nothing to do for prose, links, emphasis, subheadings, quotes and bullet lists", () => {
    const prose = [
      "Iraq’s border guards said on Monday (local time) that 1,200 “unauthorised” crossings were stopped: see [the report](https://example.org/r?id=7) and *Rumel Vihoho*.",
      "## Reaction in Baghdad",
      "The **Ministry of Interior** said 40% of it was done. AT&T & co.\nA second line, with an *italic word*’s edge.",
      "> “We will not allow it,” said *the minister*.\n> A second line of the quote.",
      "- First point, with [a link](https://example.org/a).\n- Second **point**.",
    ].join("\n\n");
    const parsed: string[] = [];
    const tree = parseWithPlainBlocks(prose, (text) => (parsed.push(text), parse(text)));
    expect(parsed).toEqual([]);
    expect(withoutPositions(tree)).toEqual(withoutPositions(parse(prose)));
  });

  it("give micromark only the blocks that need it, with the plain ones held in place", () => {
    const text = "- one\n\n- two, loose\n\nA plain paragraph between.\n\n- three\n- four\n\n> quoted\n>\n> twice\n\n> once\n\nLast *word*.";
    const parsed: string[] = [];
    const tree = parseWithPlainBlocks(text, (markdown) => (parsed.push(markdown), parse(markdown)));
    expect(parsed).toEqual(["- one\n\n- two, loose\n\n\uE000\n\n\uE000\n\n> quoted\n>\n> twice\n\n\uE000\n\n\uE000"]);
    expect(withoutPositions(tree)).toEqual(withoutPositions(parse(text)));
    expect(tree.children.map((node) => node.type)).toEqual(["list", "paragraph", "list", "blockquote", "blockquote", "paragraph"]);
  });

  it("hand the whole body to micromark when something in it reaches across blocks", () => {
    for (const text of ["Text\n\n```\n\nfenced\n\n```", "Text\n\n<!--\n\nhidden\n\n-->", "A\r\nB"]) {
      const parsed: string[] = [];
      parseWithPlainBlocks(text, (markdown) => (parsed.push(markdown), parse(markdown)));
      expect(parsed).toEqual([text]);
    }
  });
});
