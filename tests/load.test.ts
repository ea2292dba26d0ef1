import { describe, expect, it } from "vitest";
import { parseBody } from "../src/content/body.js";
import { loadArticle } from "../src/content/load.js";
import { DiagnosticBag } from "../src/diagnostics.js";

function load(text: string | Uint8Array, name = "articles/2024/story.md") {
  const bag = new DiagnosticBag();
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  const article = loadArticle({ absolutePath: `/x/${name}`, contentPath: name.replace(/^articles\//, ""), displayPath: name }, bytes, { timezone: "UTC", parse: parseBody }, bag);
  return { article, diagnostics: bag.list() };
}

describe("loading an article", () => {
  it("reads a complete frontmatter block into typed fields", () => {
    const { article, diagnostics } = load(`---
title: "  Border   talks "
date: 2024-12-02T09:30:00+03:00
updated: 2024-12-03
slug: border-talks
author: [Ana Lima, Rui Costa]
summary: One line.
tags: [Iraq, iraq, Border Security]
entities:
  people: [Muqdad Miri]
  organizations: [Interior Ministry]
  places: [Iraq]
image: { src: photo.jpg, alt: "Guards at the crossing" }
canonical: https://example.org/original
---

First paragraph with **bold** and a [link](https://example.org).

Second paragraph.
`);
    expect(diagnostics).toEqual([]);
    expect(article).toMatchObject({
      title: "Border talks",
      slug: "border-talks",
      authors: ["Ana Lima", "Rui Costa"],
      tags: ["Iraq", "iraq", "Border Security"],
      entities: { person: ["Muqdad Miri"], organization: ["Interior Ministry"], place: ["Iraq"] },
      image: { src: "photo.jpg", alt: "Guards at the crossing" },
      excerpt: "First paragraph with bold and a link.",
      bodyLine: 16,
      draft: false,
    });
    expect(article?.wordCount).toBe(9);
  });

  it("takes the slug from the file name, without a date prefix", () => {
    expect(load(`---\ntitle: A\ndate: 2024-01-01\n---\nx`, "articles/2024-01-01-Big News!.md").article?.slug).toBe("big-news");
  });

  it("reports every problem of a file with its line, column and a hint", () => {
    const { article, diagnostics } = load(`---
title: 42
date: 2024-02-30
tags: Iraq
author: [ok, 7]
---
body`);
    expect(article).toBeUndefined();
    const summary = diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`);
    expect(summary).toEqual([
      "2:8 frontmatter/title title: must be text, not the number 42",
      // A wrong type elsewhere does not hide a date that is text but no date.
      "3:7 frontmatter/date date: \"2024-02-30\" is not a day of 2024-02",
      "4:7 frontmatter/tags tags: must be a list, not text",
      "5:14 frontmatter/author author[1]: must be text, not the number 7",
    ]);
    expect(diagnostics.every((d) => d.hint && d.file === "articles/2024/story.md")).toBe(true);
  });

  it("reports a date that is no day of its month", () => {
    const { diagnostics } = load(`---\ntitle: A\ndate: 2024-02-30\n---\nx`);
    expect(diagnostics).toMatchObject([{ line: 3, column: 7, rule: "frontmatter/date" }]);
    expect(diagnostics[0]!.message).toContain("is not a day of 2024-02");
  });

  it("shows the date form, not quotes, for a date YAML read as a number", () => {
    const { diagnostics } = load(`---\ntitle: A\ndate: 20241202\nupdated: 20241203\ncorrections: [{ date: 20241204, text: x }]\n---\nbody`);
    expect(diagnostics.map((d) => d.line)).toEqual([3, 4, 5]);
    for (const d of diagnostics) expect(d.hint).toContain("2024-12-02");
    expect(load(`---\ntitle: 1984\ndate: 2024-12-02\n---\nbody`).diagnostics[0]!.hint).toContain('"1984"');
  });

  it("requires title and date", () => {
    const { diagnostics } = load(`---\nsummary: x\n---\nbody`);
    expect(diagnostics.map((d) => d.message)).toEqual(["date: is required", "title: is required"]);
  });

  it("warns about unknown fields and suggests the right one", () => {
    const { article, diagnostics } = load(`---\ntitle: A\ndate: 2024-01-01\ntgas: [x]\n---\nx`);
    expect(article).toBeDefined();
    expect(diagnostics).toMatchObject([{ severity: "warning", line: 4, column: 1, rule: "frontmatter/unknown-field", hint: 'did you mean "tags"?' }]);
  });

  it("points YAML syntax errors at their line", () => {
    const { diagnostics } = load(`---\ntitle: "unclosed\ndate: 2024-01-01\n---\nx`);
    expect(diagnostics[0]).toMatchObject({ rule: "frontmatter/yaml", line: 2, column: 8, message: "title: invalid YAML: this quoted value is never closed" });
    const tabs = load(`---\ntitle: A\ndate: 2024-01-01\ntags:\n\t- x\n---\nx`).diagnostics;
    expect(tabs[0]).toMatchObject({ rule: "frontmatter/yaml" });
    expect(tabs[0]!.line).toBeGreaterThanOrEqual(4);
  });

  it("explains a missing or unclosed block and an empty file", () => {
    expect(load("Just text").diagnostics[0]).toMatchObject({ rule: "frontmatter/missing", line: 1 });
    expect(load("---\ntitle: A\n").diagnostics[0]).toMatchObject({ rule: "frontmatter/unclosed" });
    expect(load("").diagnostics[0]).toMatchObject({ rule: "file/empty" });
    expect(load("---\n---\nbody").diagnostics.map((d) => d.message)).toEqual(["date: is required", "title: is required"]);
  });

  it("accepts a byte-order mark and Windows line endings", () => {
    const { article, diagnostics } = load("\uFEFF---\r\ntitle: A\r\ndate: 2024-01-01\r\n---\r\n\r\nBody\r\n");
    expect(diagnostics).toEqual([]);
    expect(article?.title).toBe("A");
  });

  it("refuses binary files and broken UTF-8 with a position", () => {
    expect(load(new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01])).diagnostics[0]).toMatchObject({ rule: "file/binary", line: 2, column: 1 });
    const latin1 = new Uint8Array([...new TextEncoder().encode("---\ntitle: Caf"), 0xe9, ...new TextEncoder().encode("\n")]);
    expect(load(latin1).diagnostics[0]).toMatchObject({ rule: "file/encoding", line: 2, column: 11 });
  });

  it("refuses slugs that are not URL-safe, with the safe one suggested", () => {
    const { diagnostics } = load(`---\ntitle: A\ndate: 2024-01-01\nslug: ../../etc/passwd\n---\nx`);
    expect(diagnostics[0]).toMatchObject({ rule: "frontmatter/slug", line: 4, hint: "write slug: etc-passwd" });
  });

  it("refuses image sources that are not a path or an http(s) URL", () => {
    for (const src of ["javascript:alert(1)", "data:image/png;base64,AAAA", "//evil.example/x.png", "../../secret.png", "JaVaScRiPt:x"]) {
      const { diagnostics } = load(`---\ntitle: A\ndate: 2024-01-01\nimage: { src: "${src}", alt: "x" }\n---\nx`);
      expect(diagnostics.map((d) => d.rule), src).toEqual(["frontmatter/image-src"]);
    }
    for (const src of ["photo.jpg", "images/photo.jpg", "/media/a.png", "https://cdn.example.org/a.jpg"]) {
      // An image on another host is accepted (feeds, link previews) with a warning that the page will not load it.
      const errors = load(`---\ntitle: A\ndate: 2024-01-01\nimage: { src: "${src}", alt: "x" }\n---\nx`).diagnostics.filter((d) => d.severity === "error");
      expect(errors, src).toEqual([]);
    }
  });

  it("refuses names with no letters, and an image without alt text", () => {
    const { diagnostics } = load(`---\ntitle: A\ndate: 2024-01-01\ntags: [ok, "!!!"]\nimage: { src: a.jpg, alt: "" }\n---\nx`);
    expect(diagnostics.map((d) => d.rule)).toEqual(["frontmatter/tag-name", "frontmatter/image-alt"]);
    expect(diagnostics[0]).toMatchObject({ line: 4, column: 12 });
  });
});
