import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plainText, stripMarkdown } from "../src/content/plaintext.js";

/**
 * The plain-text view as it was written first: every pass over every body, and the body split
 * into all its paragraphs. The guarded passes and the lazy first paragraph must give exactly
 * this (word counts, excerpts, entity sentences and search text are all made from it).
 */
function referenceStrip(markdown: string): string {
  const withoutHtml = markdown.replace(/```[\s\S]*?```|~~~[\s\S]*?~~~/g, "").replace(/<!--[\s\S]*?-->/g, "").replace(/<[^>\n]+>/g, "");
  return withoutHtml
    .replace(/^\s{0,3}#{1,6}\s+.*$/gm, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, "$1")
    .replace(/^\s{0,3}\[[^\]]+\]:.*$/gm, "")
    .replace(/^\s{0,3}>\s?/gm, "")
    .replace(/^\s{0,3}(?:[-*+]|\d+[.)])\s+/gm, "")
    .replace(/(\*\*|__|\*|_|~~|`)(?=\S)([^\n]*?\S)\1/g, "$2");
}

function referenceFirstParagraph(stripped: string): string {
  const found = stripped.split(/\n\s*\n/).find((p) => /[\p{L}\p{N}]/u.test(p));
  return found === undefined ? "" : found.replace(/\s+/g, " ").trim();
}

// Markdown made of the pieces each pass looks for, in any order and nesting.
const piece = fc.constantFrom(
  "word", "Iraq", "é", "1", " ", " ", "  ", "\n", "\n", "\n\n", "\n \n", "\t", "#", "## ", "> ", ">", "- ", "* ", "+ ", "1. ", "2) ",
  "[", "]", "(", ")", "](", "][", "]:", "![", "*", "**", "_", "__", "~", "~~", "`", "```", "~~~", "<", ">", "<b>", "<!--", "-->",
  ".", ",", "’", "\u00a0",
);
const markdown = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(""));

describe("the plain-text view of a body", () => {
  it("strips exactly what every pass over the whole body strips", () => {
    fc.assert(
      fc.property(markdown, (text) => {
        expect(stripMarkdown(text)).toBe(referenceStrip(text));
      }),
      { numRuns: 20000, seed: 20261127 },
    );
  });

  it("finds the same first paragraph as splitting the body into all of them", () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const stripped = stripMarkdown(text);
        const expected = referenceFirstParagraph(stripped);
        const excerpt = plainText(text).firstParagraph;
        // The excerpt is the paragraph cut to 240 characters; these are shorter.
        expect(excerpt).toBe(expected);
      }),
      { numRuns: 20000, seed: 20261127 },
    );
  });

  it("counts words and takes the first paragraph with a letter from a news body", () => {
    const body = "## Border\n\n*   \n\nIraq’s **border guards** met [officials](https://example.org) on Monday.\nThey talked.\n\nSecond paragraph.";
    expect(plainText(body)).toEqual({ wordCount: 11, firstParagraph: "Iraq’s border guards met officials on Monday. They talked." });
  });
});
