import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../src/content/markdown.js";
import { plainText } from "../src/content/plaintext.js";
import { visibleText } from "../src/content/visible-text.js";

function referenceFirstParagraph(prose: string): string {
  const found = prose.split(/\n\s*\n/).find((p) => /[\p{L}\p{N}]/u.test(p));
  return found === undefined ? "" : found.replace(/\s+/g, " ").trim();
}

// Prose made of words, spaces and the line breaks that do or do not end a paragraph.
const piece = fc.constantFrom("word", "Iraq", "é", "1", " ", " ", "  ", "\n", "\n", "\n\n", "\n \n", "\t", ".", ",", "’", "\u00a0", "<", "&", "#");
const prose = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(""));

describe("the word count and excerpt of a body", () => {
  it("finds the same first paragraph as splitting the prose into all of them", () => {
    fc.assert(
      fc.property(prose, (text) => {
        // The excerpt is the paragraph cut to 240 characters; these are shorter.
        expect(plainText(text).firstParagraph).toBe(referenceFirstParagraph(text));
      }),
      { numRuns: 20000, seed: 20261127 },
    );
  });

  it("counts words and takes the first paragraph with a letter from a news body", () => {
    const body = "## Border\n\n*   \n\nIraq’s **border guards** met [officials](https://example.org) on Monday.\nThey talked.\n\nSecond paragraph.";
    expect(plainText(visibleText(parseMarkdown(body)).prose)).toEqual({ wordCount: 11, firstParagraph: "Iraq’s border guards met officials on Monday. They talked." });
  });

  it("counts each Chinese or Japanese character as a word, as readers of those languages do", () => {
    expect(plainText("中国经济在第三季度增长放缓。").wordCount).toBe(13);
    expect(plainText("東京で大雪が降った").wordCount).toBe(9);
    // Other words beside them count as words; Korean is written with spaces.
    expect(plainText("iPhone发布会 in Beijing, 서울 경제").wordCount).toBe(1 + 3 + 2 + 2);
    // An 8,800-character report is a long read, not three minutes.
    expect(plainText("经济".repeat(4400)).wordCount).toBe(8800);
    // Text without them counts exactly as before.
    fc.assert(
      fc.property(prose, (text) => {
        expect(plainText(text).wordCount).toBe((text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length);
      }),
      { numRuns: 5000, seed: 20261208 },
    );
  });

  it("cuts a long first paragraph at a word, with an ellipsis", () => {
    const { firstParagraph } = plainText(`${"word ".repeat(100)}end`);
    expect(firstParagraph).toBe(`${"word ".repeat(47)}word…`);
  });
});
