import fc from "fast-check";
import type { Root } from "mdast";
import { remark } from "remark";
import { describe, expect, it } from "vitest";
import { remarkGfmParts } from "../src/content/gfm.js";
import { parseWithPlainBlocks } from "../src/content/plain-blocks.js";
import { bodies, edgyBlocks, repositoryBodies } from "./support/markdown-bodies.js";

/**
 * Plain blocks are parsed without micromark; the tree must be the one micromark makes, node
 * for node (source positions aside: plain blocks have none and nothing downstream reads them).
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
