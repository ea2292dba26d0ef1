import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { ROOT } from "../helpers.js";

/**
 * Markdown bodies for the tests that hold Dateline's Markdown shortcuts to remark's own
 * pipeline (tests/plain-blocks.test.ts, tests/markdown-fast-path.test.ts): prose with the
 * edge cases of what the shortcuts take, mixed with the block and inline syntax they leave
 * to micromark and remark-html.
 */
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
  "[a](b&c)", "[*a*](b)", "*[a](b)*", "[a](https://x.org/?q=a&b=c)", "[a](https://x.org/ë)", "[a](https://x.org/%20)", "[a](/x'y`z)",
  "[a](https://x.org/a\"b)", "[a](javascript:x)", "[a](mailto:a@b.org)", "-:", ":-", "&amp;", "&", "&#39;", "&x;", "[^1]", "| a |", "a | b", " #", " ##", "b)", "(c)", "[a]xy)", "*a*x*", "[a](b)c)", "[a](b)*c*", "**a.**", "*“a”*", "**a.**,", "*a.*b", "(*“a*", "*a.* ", "*. *", "*😀*", "*a😀*",
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
export const bodies = fc
  .tuple(fc.array(fc.tuple(block, separator), { maxLength: 8 }), ending)
  .map(([blocks, end]) => blocks.map(([text, sep]) => text + sep).join("") + end);
/** Short paragraphs and headings, the edge cases as likely as the plain text. */
export const edgyBlocks = fc
  .array(fc.tuple(fc.constantFrom("", "", "# ", "## "), fc.array(fc.constantFrom(...plainInline, ...edgyInline, ...edgyInline), { minLength: 1, maxLength: 8 })), { minLength: 1, maxLength: 3 })
  .map((blocks) => blocks.map(([start, parts]) => start + parts.join("")).join("\n\n"));

/** Every article and fixture body in the repository, frontmatter removed. */
export async function repositoryBodies(): Promise<string[]> {
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

