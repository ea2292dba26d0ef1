import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { parseBody } from "../../src/content/body.js";
import { loadArticle } from "../../src/content/load.js";
import { renderMarkdown } from "../../src/content/markdown.js";
import { KNOWN_FIELDS } from "../../src/content/schema.js";
import { cleanName, nameKey, slugify } from "../../src/content/slug.js";
import { DiagnosticBag } from "../../src/diagnostics.js";
import { outputPath, routes } from "../../src/model/routes.js";
import { assertSafeOutputPath, resolveInside } from "../../src/write/writer.js";
import { buildProject, tempProject } from "../helpers.js";
import { scanHtml, scanSite } from "../support/scan.js";

/**
 * Random input where hand-written fixtures stop: the loader, the slugger, the Markdown
 * pipeline and the output-path guard must never crash, never emit markup that runs, and never
 * name a file outside the output folder, whatever they are given.
 */
/** FC_RUNS=5000 npm test digs deeper locally; the default keeps the suite fast. */
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 300) };

/** Pieces that break naive code: markup, template syntax, path tricks, odd Unicode. */
const HOSTILE = [
  "<script>alert(1)</script>", "</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>', "javascript:alert(1)",
  "JaVaScRiPt:", "data:text/html,", "&#106;avascript:", "<iframe src=x>", "<style>", 'style="x"', "{{ x }}", "{% raw %}", "../",
  "..", "/", "\\", "%2e%2e%2f", "%00", "\u0000", "\u202e", "\u200b", "\ufeff", "\u2028", "ß", "İ", "ǅ", "ﬁ", "Ａ", "①", "ⅷ", "é",
  "e\u0301", "ḉ", "ǰ", "\ud83d\ude00", "\ud800", "---", "- ", ": ", "#", "[", "]", "(", ")", "!", "*", "`", "\n", "\r\n", "\t", " ",
];
const hostileText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 5 })), { maxLength: 12 }).map((parts) => parts.join("")),
);

describe("slugify (property)", () => {
  it("never yields a path separator, a dot segment, control or space characters, or edge hyphens", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const slug = slugify(text);
        expect(slug).not.toMatch(/[/\\\s\u0000-\u001f\u007f]|\.\.|^-|-$|--/);
        expect(slug).not.toMatch(/^\.+$/);
        expect([...slug].length).toBeLessThanOrEqual(80);
        if (slug) expect(slug).toMatch(/^[\p{L}\p{N}\p{M}-]+$/u);
      }),
      RUNS,
    );
  });

  it("is idempotent and stable under Unicode normalisation", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const slug = slugify(text);
        expect(slugify(slug)).toBe(slug);
        expect(slugify(text.normalize("NFD"))).toBe(slug);
        expect(slugify(text.normalize("NFC"))).toBe(slug);
        expect(slugify(text)).toBe(slug);
      }),
      RUNS,
    );
  });

  it("names with one identity share one slug", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        fc.pre(nameKey(text) === nameKey(text.toUpperCase()));
        expect(slugify(text.toUpperCase())).toBe(slugify(text));
      }),
      RUNS,
    );
  });

  it("every page made from a slug lands inside the output folder", () => {
    fc.assert(
      fc.property(hostileText, fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), (text, year, month) => {
        const slug = slugify(text);
        fc.pre(slug !== "");
        for (const route of [routes.article(year, month, slug), routes.tag(slug), routes.author(slug), routes.entity("place", slug), routes.page(routes.tag(slug), 3)]) {
          const path = outputPath(route);
          expect(assertSafeOutputPath(path)).toBe(path);
          expect(resolveInside("/srv/out", path).startsWith("/srv/out/")).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe("the output-path guard (property)", () => {
  it("either refuses a path or resolves it inside the root", () => {
    const segment = fc.oneof(fc.constantFrom("..", ".", "", "a", "b.html", "%2e%2e", "\\..", "c:", "/"), fc.string({ unit: "binary", maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), fc.boolean(), (segments, leadingSlash) => {
        const path = (leadingSlash ? "/" : "") + segments.join("/");
        let resolved: string | undefined;
        try {
          resolved = resolveInside("/srv/out", path);
        } catch {
          return;
        }
        expect(resolved.startsWith("/srv/out/")).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("the Markdown pipeline (property)", () => {
  const markdown = fc.array(
    fc.oneof(
      fc.constantFrom(...HOSTILE),
      fc.constantFrom("[a](", "![b](", ")", "<a href=", "<img src=", " onerror=", "\n\n", "    ", "> ", "```\n", "<div>", "</div>", "[x]: ", "<!--", "-->", "<![CDATA[", "<svg>", "<math>"),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 30 },
  ).map((parts) => parts.join(""));

  it("never outputs script, event handlers, style, frames or script-capable URLs, and loads nothing from elsewhere", async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (md) => {
        const { html } = await renderMarkdown(md);
        expect(scanHtml(html, { origin: "http://localhost:8080", csp: true }, true)).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe("the loader (property)", () => {
  const file = { absolutePath: "/content/x.md", contentPath: "2024/x.md", displayPath: "articles/2024/x.md" };

  function check(bytes: Uint8Array): void {
    const bag = new DiagnosticBag();
    const article = loadArticle(file, bytes, { timezone: "Europe/Paris", parse: parseBody }, bag);
    for (const d of bag.list()) {
      expect(d.file).toBe("articles/2024/x.md");
      expect(d.rule).toMatch(/^[a-z-]+\/[a-z-]+$/);
      expect(d.message.length).toBeGreaterThan(0);
      expect(d.line).toBeGreaterThanOrEqual(0);
      if (d.severity === "error") expect(d.hint ?? "").not.toBe("");
    }
    if (!article) {
      expect(bag.hasErrors).toBe(true);
      return;
    }
    expect(bag.hasErrors).toBe(false);
    expect(typeof article.title).toBe("string");
    expect(article.title.trim()).not.toBe("");
    assertSafeOutputPath(outputPath(routes.article(2024, 1, article.slug)));
    for (const name of [...article.tags, ...article.authors, ...Object.values(article.entities).flat()]) {
      expect(slugify(name)).not.toBe("");
    }
    if (article.image) expect(article.image.src).not.toMatch(/^[a-z][a-z0-9+.-]*:|^\/\//i);
    for (const path of article.redirectFrom) assertSafeOutputPath(outputPath(path));
  }

  it("never crashes on random bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => check(bytes)), RUNS);
  });

  it("never crashes on random text around a frontmatter block", () => {
    fc.assert(
      fc.property(hostileText, hostileText, (front, body) => check(new TextEncoder().encode(`---\n${front}\n---\n${body}`))),
      RUNS,
    );
  });

  it("never crashes on random frontmatter objects, and every article it accepts is safe to publish", () => {
    const value = fc.oneof(
      hostileText,
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom("2024-01-15", "2024-02-30", "2024-01-15T10:00:00+03:00", "2024-01-15 10:00", "/old/path/", "../../x", "photo.jpg", "javascript:x", "https://example.org/"),
      fc.array(hostileText, { maxLength: 3 }),
    );
    const key = fc.oneof(fc.constantFrom(...KNOWN_FIELDS), fc.string({ maxLength: 8 }));
    const frontmatter = fc.record({
      title: fc.oneof(hostileText, value),
      date: fc.oneof(fc.constant("2024-01-15"), value),
      extra: fc.dictionary(key, value, { maxKeys: 5 }),
    }).map(({ title, date, extra }) => ({ title, date, ...extra }));
    fc.assert(
      fc.property(frontmatter, hostileText, (data, body) => {
        let yaml: string;
        try {
          yaml = stringify(data);
        } catch {
          fc.pre(false);
          return;
        }
        check(new TextEncoder().encode(`---\n${yaml}---\n${body}`));
      }),
      RUNS,
    );
  });
});

describe("counterexamples the properties found, kept as fixed cases", () => {
  it("a Latin letter with an accent that is also spelled out (ǣ) slugs like its plain form", () => {
    expect(slugify("Ǣ")).toBe("ae");
    expect(slugify("Ǣ".normalize("NFD"))).toBe("ae");
    expect(slugify("Ǿ")).toBe("o");
  });

  it("a rule id is kebab-case even for snake_case fields (redirect_from)", () => {
    const bag = new DiagnosticBag();
    loadArticle({ absolutePath: "/x.md", contentPath: "x.md", displayPath: "x.md" }, new TextEncoder().encode('---\ntitle: "0"\ndate: 2024-01-15\nredirect_from: "/a/"\n---\n'), { timezone: "UTC", parse: parseBody }, bag);
    expect(bag.list().map((d) => d.rule)).toEqual(["frontmatter/redirect-from"]);
  });
});

describe("a whole site built from random strings (property)", () => {
  const printable = fc
    .array(fc.oneof(fc.constantFrom(...HOSTILE.filter((h) => !/[\u0000-\u001f\ud800]/.test(h))), fc.string({ unit: "grapheme", maxLength: 6 })), { minLength: 1, maxLength: 8 })
    .map((parts) => `${parts.join("")} x`); // " x": always something a slug can be made of

  it("escapes every field in every output file", async () => {
    let built = 0;
    await fc.assert(
      fc.asyncProperty(printable, printable, printable, printable, async (title, summary, tag, author) => {
        const q = (s: string) => JSON.stringify(s);
        const site = await buildProject(await tempProject({
          "articles/one.md": `---\ntitle: ${q(title)}\ndate: 2024-01-15\nsummary: ${q(summary)}\ntags: [${q(tag)}]\nauthor: ${q(author)}\n---\n${summary}\n`,
          "articles/two.md": `---\ntitle: Other\ndate: 2024-01-14\ntags: [${q(tag)}]\n---\n${title}\n`,
        }));
        for (const d of site.diagnostics) expect(d.rule).toMatch(/^[a-z-]+\/[a-z-]+$/);
        if (!site.ok) return;
        built++;
        expect(scanSite(site.writer.files, "http://localhost:8080")).toEqual([]);
        const article = [...site.writer.files.keys()].find((p) => /^2024\/01\/(?!two\/)[^/]+\/index\.html$/.test(p))!;
        const h1 = /<h1>([\s\S]*?)<\/h1>/.exec(site.writer.text(article))![1]!;
        expect(decodeHtml(h1)).toBe(cleanName(title));
      }),
      { numRuns: Number(process.env.FC_SITE_RUNS ?? 12) },
    );
    expect(built).toBeGreaterThan(0);
  });
});

function decodeHtml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot);/gi, (_, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({ amp: "&", lt: "<", gt: ">", quot: '"' } as Record<string, string>)[e.toLowerCase()]!,
  );
}

describe("the nesting limit", () => {
  it("accepts nesting up to the limit and renders it quickly enough to build", async () => {
    const quote = `${">".repeat(100)} deep`;
    const list = Array.from({ length: 100 }, (_, i) => `${" ".repeat(i * 2)}- item`).join("\n");
    const bag = new DiagnosticBag();
    const file = { absolutePath: "/x.md", contentPath: "x.md", displayPath: "x.md" };
    expect(loadArticle(file, new TextEncoder().encode(`---\ntitle: A\ndate: 2024-01-15\n---\n${quote}\n\n${list}\n`), { timezone: "UTC", parse: parseBody }, bag)).toBeDefined();
    expect(bag.list()).toEqual([]);
    expect((await renderMarkdown(`${quote}\n\n${list}`)).html).toContain("deep");
  });
});
