import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../src/content/markdown.js";

describe("GitHub-flavoured Markdown without the autolink-literal tokenizer", () => {
  it("keeps tables, footnotes, strikethrough and task lists", async () => {
    const { html } = await renderMarkdown("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ and a note[^1]\n\n[^1]: The note.\n\n- [x] done\n- [ ] open\n");
    expect(html).toContain("<table>");
    expect(html).toContain("<td>2</td>");
    expect(html).toContain("<del>gone</del>");
    expect(html).toContain('href="#user-content-fn-1"');
    expect(html).toContain('<input type="checkbox" checked disabled>');
  });

  it("keeps a one-column table with no pipe, at the root, in a list item and in a quote", async () => {
    for (const body of ["Header\n-:", "- item\n  :-", "> Header\n> :-:", "- item\n  > Header\n  > -:"]) {
      const { html } = await renderMarkdown(body);
      expect(html, JSON.stringify(body)).toContain("<table>");
      expect(html, JSON.stringify(body)).toMatch(/<th align="(left|right|center)">/);
    }
  });

  it("still links bare http(s) URLs, without the sentence's punctuation", async () => {
    const { html } = await renderMarkdown("Read it at https://example.org/report. See also (https://en.wikipedia.org/wiki/Foo_(bar)) and http://a.example/x?y=1, then stop.");
    expect(html).toContain('<a href="https://example.org/report">https://example.org/report</a>.');
    expect(html).toContain('<a href="https://en.wikipedia.org/wiki/Foo_(bar)">https://en.wikipedia.org/wiki/Foo_(bar)</a>)');
    expect(html).toContain('<a href="http://a.example/x?y=1">http://a.example/x?y=1</a>, then stop.');
  });

  it("never links inside links or code, and never links other schemes", async () => {
    const { html } = await renderMarkdown("[https://a.example](https://b.example) `https://c.example` javascript:alert(1) ftp://d.example");
    expect(html).toContain('<a href="https://b.example">https://a.example</a>');
    expect(html).toContain("<code>https://c.example</code>");
    expect(html).not.toContain('href="javascript');
    expect(html).not.toContain('href="ftp');
  });
});
