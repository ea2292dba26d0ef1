import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderMarkdown, renderMarkdownReference } from "../src/content/markdown.js";
import { bodies, edgyBlocks, repositoryBodies } from "./support/markdown-bodies.js";

/**
 * renderMarkdown parses plain prose without micromark, skips the table tokenizer for bodies
 * without `|` and the sanitizer for trees it cannot change, and writes the HTML of plain trees
 * itself. No shortcut may change a byte: every body, generated or real, renders exactly as the
 * plain pipeline (micromark, tables on, sanitizer always run, remark-html) renders it.
 */
const pieces = [
  "word", "Iraq's", "said", "\n", "\n\n", "# ", "## ", "> ", "- ", "1. ", "* ", "  ", "**", "*", "_", "~~", "~", "`", "```js\ncode\n```\n",
  "[a link](https://example.org/a?b=1&c=2)", "[rel](../x/y.html)", "[frag](#part)", "[mail](mailto:a@b.org)", "[js](javascript:alert(1))",
  "[JS](JAVASCRIPT:alert(1))", "[Up](HTTPS://EXAMPLE.ORG)", "[data](data:text/html,x)", "[odd](a:b/c)", "[q](x?y:z)", "<https://auto.org>",
  "![img](photo.jpg)", "![ext](https://cdn.example.org/p.png)", "![m](mailto:a@b)", "[ref][r]", "![iref][r]", "\n\n[r]: https://r.org \"T\"\n",
  "\n\n[r]: javascript:x\n", "| a | b |\n| :- | -: |\n| 1 | 2 |\n", "a | b\n--|--\n1|2\n", "[^1]", "\n\n[^1]: note\n", "- [ ] task\n- [x] done\n",
  "<b>bold</b>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<!-- c -->", "&amp;", "&", "<", ">", "\"", "'", "\\*",
  "https://bare.example.org/path.", "www.example.org", "---\n", "***", "Setext\n===\n", "    indented code\n", "Zoë", "😀",
];
const body = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(" "));
const links = [{ mentions: ["Iraq", "word", "said"], href: "/places/iraq/" }];

describe("Markdown shortcuts", () => {
  it("render generated bodies exactly as the plain pipeline does", async () => {
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        expect(await renderMarkdown(text, { entityLinks: links })).toEqual(await renderMarkdownReference(text, { entityLinks: links }));
      }),
      { numRuns: 600 },
    );
  });

  it("render generated prose, and the edge cases of plain blocks, exactly as the plain pipeline does", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(bodies, edgyBlocks), async (text) => {
        expect(await renderMarkdown(text, { entityLinks: links })).toEqual(await renderMarkdownReference(text, { entityLinks: links }));
      }),
      { numRuns: 2000 },
    );
  });

  it("render every article and fixture in the repository exactly as the plain pipeline does", async () => {
    const texts = await repositoryBodies();
    expect(texts.length).toBeGreaterThan(40);
    for (const text of texts) expect(await renderMarkdown(text)).toEqual(await renderMarkdownReference(text));
  });

  it("write text with the spaces and tabs at its line breaks dropped, as mdast-util-to-hast does", async () => {
    const { plainHtml } = await import("../src/content/plain-html.js");
    const tree = { type: "root", children: [{ type: "paragraph", children: [{ type: "text", value: " a \t\n  b\r\n c\t" }] }] };
    // trim-lines: not the start or the end of the value itself, only around each break.
    expect(plainHtml(tree as Parameters<typeof plainHtml>[0])).toBe("<p> a\nb\r\nc\t</p>\n");
  });

  it("render text around soft line breaks exactly as the plain pipeline does", async () => {
    const pieces = ["word", " ", "\t", "  ", "\n", " *em* ", "[link](https://example.org)", "**strong**", ".", "\t\t"];
    let seed = 5;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let run = 0; run < 400; run++) {
      let text = "Start";
      for (let k = 0, n = 3 + (next() % 12); k < n; k++) text += pieces[next() % pieces.length];
      text += "end.";
      expect(await renderMarkdown(text), JSON.stringify(text)).toEqual(await renderMarkdownReference(text));
    }
  });

  it("render a paragraph with a long run of spaces in linear time", async () => {
    // The regex that trimmed spaces at line breaks took 0.7 s for 30,000 spaces, growing with their square.
    const { html } = await renderMarkdown(`A${" ".repeat(400_000)}b *c*\nd`);
    expect(html).toBe(`<p>A${" ".repeat(400_000)}b <em>c</em>\nd</p>\n`);
  });

  it("still sanitize what needs it", async () => {
    const { html } = await renderMarkdown("[x](javascript:alert(1)) [y](JAVASCRIPT:1) <script>alert(1)</script> <b onclick=x>b</b>");
    expect(html).not.toMatch(/javascript|JAVASCRIPT|<script|onclick/);
  });
});
