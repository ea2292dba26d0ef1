import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderMarkdown, renderMarkdownReference } from "../src/content/markdown.js";
import { ROOT } from "./helpers.js";

/**
 * renderMarkdown skips the table tokenizer for bodies without `|` and the sanitizer for trees
 * it cannot change. Neither shortcut may change a byte: every body, generated or real, renders
 * exactly as the plain pipeline (tables on, sanitizer always run) renders it.
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

async function realBodies(): Promise<string[]> {
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

describe("Markdown shortcuts", () => {
  it("render generated bodies exactly as the plain pipeline does", async () => {
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const links = [{ mentions: ["Iraq", "word"], href: "/places/iraq/" }];
        expect(await renderMarkdown(text, { entityLinks: links })).toEqual(await renderMarkdownReference(text, { entityLinks: links }));
      }),
      { numRuns: 600 },
    );
  });

  it("render every article and fixture in the repository exactly as the plain pipeline does", async () => {
    const bodies = await realBodies();
    expect(bodies.length).toBeGreaterThan(40);
    for (const text of bodies) expect(await renderMarkdown(text)).toEqual(await renderMarkdownReference(text));
  });

  it("still sanitize what needs it", async () => {
    const { html } = await renderMarkdown("[x](javascript:alert(1)) [y](JAVASCRIPT:1) <script>alert(1)</script> <b onclick=x>b</b>");
    expect(html).not.toMatch(/javascript|JAVASCRIPT|<script|onclick/);
  });
});
