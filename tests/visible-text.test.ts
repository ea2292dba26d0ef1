import fc from "fast-check";
import { parseFragment } from "parse5";
import { describe, expect, it } from "vitest";
import { parseMarkdown, renderMarkdownReference } from "../src/content/markdown.js";
import { plainText } from "../src/content/plaintext.js";
import { collapseSpaces, visibleText } from "../src/content/visible-text.js";
import { bodies, edgyBlocks, repositoryBodies } from "./support/markdown-bodies.js";

/**
 * The text made of a body for its word count, default summary, entity mentions and search
 * must be the text its page shows: raw HTML the sanitizer drops gives none, references are
 * decoded, footnote markers are not words. Held to the rendered page (the sanitizing
 * reference pipeline) on generated and hostile bodies, not to a list of known tags.
 */
const text = (markdown: string) => visibleText(parseMarkdown(markdown));
const summary = (markdown: string) => plainText(text(markdown).prose).firstParagraph;

describe("the text of a body", () => {
  it("has none of a raw HTML block, whatever the element, closed or not", () => {
    const blocks = [
      '<script>var secret = "api-key-123";</script>',
      '<div class="editor-note" hidden>Internal: unverified claim secret</div>',
      "<p>Raw paragraph secret</p>",
      "<style>p::after { content: 'secret' }</style>",
      "<div><section><p>deep <b>secret</b></p></section></div>",
      // An HTML block of this kind runs to the next blank line, closed or not.
      "<div>\nsecret line\n<span>more secret",
      "<table><tr><td>secret cell</td></tr></table>",
      "<!-- secret comment -->",
      "<?php echo 'secret'; ?>",
      // Any element, known or not, whose tag is alone on its line opens a block.
      "<secret-element>\nsecret\n</secret-element>",
    ];
    for (const block of blocks) {
      const body = `${block}\n\nThe ministry said the border is secure.`;
      const { prose, search } = text(body);
      expect(search, block).toBe("The ministry said the border is secure.");
      expect(prose.trim(), block).toBe("The ministry said the border is secure.");
      expect(summary(body), block).toBe("The ministry said the border is secure.");
    }
    // A script block runs to its end tag across blank lines, and to the end of the body without one.
    expect(text('<script>\nvar secret = 1;\n\nstill("secret");\n</script>\n\nShown.').search).toBe("Shown.");
    expect(text("Shown.\n\n<script>\nvar secret = 1;\n\nall the rest").search).toBe("Shown.");
  });

  it("keeps the text between inline tags, which the page shows without them", () => {
    expect(text('A <b>bold</b> and <span class="x">spanned</span> <i><b>nested</b></i> word.').search).toBe("A bold and spanned nested word.");
    // Inside a paragraph, a tag is inline, even a block element's: its text is on the page.
    expect(text("Text <div>shown</div> and <secret-element>shown</secret-element>.").search).toBe("Text shown and shown.");
    expect(summary("<b>Bold</b> lead.\n\nMore.")).toBe("Bold lead.");
  });

  it("keeps a < or > that is not a tag, and a tag left unclosed, as the text they are", () => {
    expect(text("If a < b and c > d then x<y, 3 <4 and a<-b.").search).toBe("If a < b and c > d then x<y, 3 <4 and a<-b.");
    expect(text('An <span class="x" and the rest').search).toBe('An <span class="x" and the rest');
    expect(text("<\n\n< b\n\n>").search).toBe("< < b");
  });

  it("keeps HTML and references in code spans as the literal text the page shows", () => {
    expect(text("Type `<script>` or `&amp;` to start.").search).toBe("Type <script> or &amp; to start.");
    expect(summary("`<div hidden>secret?</div>` is shown.")).toBe("<div hidden>secret?</div> is shown.");
  });

  it("decodes character references, named and numeric", () => {
    const body = "AT&T &amp; Johnson &lt;b&gt; said &copy; 2024 &#169; &#xA9; &eacute;t&eacute; &bogus; &#0; 5&nbsp;km.";
    expect(summary(body)).toBe("AT&T & Johnson <b> said © 2024 © © été &bogus; \uFFFD 5 km.");
  });

  it("drops footnote markers; a cited note is searchable but no part of the summary", () => {
    const body = "Claim here.[^1] With [a link](https://x.example).\n\n[^1]: Source of *the* claim.\n\n[^unused]: Never cited.";
    const { prose, search } = text(body);
    expect(summary(body)).toBe("Claim here. With a link.");
    expect(plainText(prose).wordCount).toBe(5);
    expect(search).toBe("Claim here. With a link. Source of the claim.");
    // A note defined first is still the page's last thing, after the text that cites it.
    expect(text("[^n]: The note.\n\nFirst.[^n]").search).toBe("First. The note.");
    // `[^x]` with no note is no footnote: the page shows it as written.
    expect(text("Text[^x] here.").search).toBe("Text[^x] here.");
  });

  it("keeps the text of links and images, and drops escapes and emphasis marks", () => {
    const body = "See [the report](https://x.org) and ![a chart](chart.png), [ref][r], ~~old~~ *new* \\*not\\* `code`.\n\n[r]: https://r.org";
    expect(text(body).search).toBe("See the report and a chart, ref, old new *not* code.");
  });

  it("puts headings in the search text only, and leaves out code blocks", () => {
    const body = "# Border talks\n\nFirst paragraph.\n\n```\nconst code = 1;\n```\n\n    indented code\n\n## Later\n\nSecond.";
    const { prose, search } = text(body);
    expect(search).toBe("Border talks First paragraph. Later Second.");
    expect(prose).not.toMatch(/Border|Later|code/);
    expect(summary(body)).toBe("First paragraph.");
  });

  it("collapses whitespace as replacing every run of it by a space does", () => {
    const spaces = fc.array(fc.constantFrom("a", " ", " ", "  ", "\n", "\t", "\u00a0", "\u2028", "\r\n", "é"), { maxLength: 30 }).map((p) => p.join(""));
    fc.assert(fc.property(spaces, (s) => {
      expect(collapseSpaces(s)).toBe(s.replace(/\s+/g, " "));
    }), { numRuns: 5000 });
  });

  it("has no text for a body with none", () => {
    for (const body of ["", "\n\n", "<div>only html</div>", "---", "[r]: https://r.org"]) {
      expect(text(body).search, body).toBe("");
      expect(plainText(text(body).prose), body).toEqual({ wordCount: 0, firstParagraph: "" });
    }
  });
});

describe("the text of a body, against its rendered page", () => {
  /** The words a reader sees on the page, code blocks and footnote apparatus left out. */
  function pageWords(html: string): string[] {
    const out: string[] = [];
    const walk = (node: Parse5Node) => {
      if (node.nodeName === "#text") out.push(node.value ?? "");
      if (node.nodeName === "pre" || isFootnoteApparatus(node)) return;
      if (node.nodeName === "img") out.push(attr(node, "alt") ?? "");
      for (const child of node.childNodes ?? []) walk(child);
    };
    walk(parseFragment(html) as unknown as Parse5Node);
    return words(out.join(""));
  }

  const words = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).sort();

  /** Raw HTML in every shape micromark reads: blocks, inline tags, comments, and tags left open. */
  const hostile = fc.constantFrom(
    "\n\n<script>var secret = 1;</script>\n\n", "\n\n<div hidden>secret div</div>\n\n", "\n\n<p>secret para</p>\n\n", "<b>bold</b>",
    "<span>open", "</div>", "\n\n<div>\nsecret\n", "<!-- secret -->", "<style>secret</style>", "a < b", "x<y", "`<i>code</i>`",
    "&amp;", "&copy;", "&#169;", "&lt;b&gt;", "[^1]", "\n\n[^1]: note text\n\n", "[^2]", "\n\n[^2]: second note\n", "<", ">", "&",
    "![alt text](p.jpg)", "[link text](https://x.org)", "\n\n```\nsecret code\n```\n\n", "word", " ", "\n", "\n\n", "# ", "> ", "- ",
  );
  const hostileBodies = fc.array(hostile, { maxLength: 30 }).map((parts) => parts.join(""));

  async function expectSameWords(body: string): Promise<void> {
    const { html } = await renderMarkdownReference(body);
    expect(words(text(body).search), JSON.stringify(body)).toEqual(pageWords(html));
  }

  it("has exactly the page's words, for bodies full of raw HTML, references and footnotes", async () => {
    await fc.assert(fc.asyncProperty(hostileBodies, expectSameWords), { numRuns: 600 });
  });

  it("has exactly the page's words, for generated prose and the repository's articles", async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(bodies, edgyBlocks), expectSameWords), { numRuns: 150 });
    for (const body of await repositoryBodies()) await expectSameWords(body);
  });
});

interface Parse5Node {
  nodeName: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Parse5Node[];
}

const attr = (node: Parse5Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;

/** The markers that link to notes, the links back and the section's label: not the body's text. */
function isFootnoteApparatus(node: Parse5Node): boolean {
  return attr(node, "data-footnote-ref") !== undefined || attr(node, "data-footnote-backref") !== undefined || attr(node, "id") === "footnote-label";
}
