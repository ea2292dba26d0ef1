import { parse } from "parse5";
import type { DefaultTreeAdapterMap } from "parse5";
import { beforeAll, describe, expect, it } from "vitest";
import { buildProject, tempProject, type BuiltSite } from "../helpers.js";
import { scanHtml, scanSite } from "../support/scan.js";

/**
 * Hostile strings in every field an article controls, built into a whole site: each must come
 * out as the same text for the reader and as nothing a browser would run. The scan at the end
 * covers every output file, so feeds, sitemaps and the search index are checked as they land.
 */
const ORIGIN = "http://localhost:8080";

const TITLE = `</script><script>alert("title")</script> & "quotes" 'single' <b>bold</b> {{ 7*7 }}`;
const SUMMARY = `"><img src=x onerror=alert("summary")> \u2028 ]]> <!--`;
const AUTHOR = `<svg onload=alert("author")> Jane`;
const TAGS = [`<script>alert("tag")</script> Iraq`, `javascript:alert("tag2")`];
const PERSON = `Ana "><iframe src=javascript:alert(1)> Lima`;
const ALT = `" onerror="alert('alt')`;
const CAPTION = `<script>alert('cap')</script>`;
const CORRECTION = `<img src=x onerror=alert('corr')>`;
const BODY = [
  "Intro {{ page.title }} {% if true %}liquid{% endif %} ${process.pid}",
  "<script>alert('body')</script>",
  "<iframe src=\"https://evil.example/\"></iframe>",
  "<img src=x onerror=alert('img')>",
  "<a href=\"javascript:alert('a')\">raw link</a>",
  "[md link](javascript:alert('md'))",
  "[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![tracker](https://evil.example/pixel.png)",
  "![inline](data:image/svg+xml,<svg onload=alert(1)>)",
  "<div style=\"position:fixed\" onclick=\"alert('div')\">styled</div>",
  "<form action=\"https://evil.example/\"><input name=q></form>",
  "<svg><script>alert('svg')</script></svg>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')>",
  "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
  "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
  "## Heading <img src=x onerror=alert('h')>",
].join("\n\n");

const q = (s: string) => JSON.stringify(s);
const HOSTILE_ARTICLE = `---
title: ${q(TITLE)}
date: 2024-01-15
summary: ${q(SUMMARY)}
author: ${q(AUTHOR)}
tags: [${TAGS.map(q).join(", ")}]
entities:
  people: [${q(PERSON)}]
image:
  src: "photo.jpg?x='onerror=alert(1)//é"
  alt: ${q(ALT)}
  caption: ${q(CAPTION)}
corrections:
  - date: 2024-01-16
    text: ${q(CORRECTION)}
---

${BODY}
`;

type Element = DefaultTreeAdapterMap["element"];
type Node = DefaultTreeAdapterMap["node"];

function all(node: Node, test: (el: Element) => boolean, out: Element[] = []): Element[] {
  if ("tagName" in node && test(node)) out.push(node);
  if ("childNodes" in node) for (const c of node.childNodes) all(c, test, out);
  return out;
}
function text(node: Node): string {
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterMap["textNode"]).value;
  return "childNodes" in node ? node.childNodes.map(text).join("") : "";
}
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

describe("hostile strings in every field", () => {
  let site: BuiltSite;
  let page: DefaultTreeAdapterMap["document"];
  let html: string;
  beforeAll(async () => {
    site = await buildProject(await tempProject({
      "articles/hostile.md": HOSTILE_ARTICLE,
      "articles/other.md": `---\ntitle: Other\ndate: 2024-01-10\ntags: [${q(TAGS[0]!)}]\n---\nA neighbour, so the hostile title appears in its links too.\n`,
    }));
    expect(site.diagnostics).toEqual([]);
    html = site.html("/2024/01/hostile/");
    page = parse(html);
  });

  it("come out as the same text the editor wrote", () => {
    const h1 = all(page, (e) => e.tagName === "h1");
    expect(h1.map(text)).toEqual([TITLE]);
    expect(all(page, (e) => e.tagName === "title").map(text)).toEqual([`${TITLE} · Dateline`]);
    expect(all(page, (e) => e.attrs.some((a) => a.value === "standfirst")).map(text)).toEqual([SUMMARY.replace(/\s+/g, " ")]);
    expect(attr(all(page, (e) => e.tagName === "meta" && attr(e, "name") === "description")[0]!, "content")).toBe(SUMMARY.replace(/\s+/g, " "));
    expect(all(page, (e) => e.tagName === "a" && attr(e, "rel") === "author").map(text)).toEqual([AUTHOR]);
    expect(all(page, (e) => e.tagName === "a" && attr(e, "rel") === "tag").map(text).sort()).toEqual([...TAGS].sort());
    expect(text(all(page, (e) => e.tagName === "figcaption")[0]!)).toBe(CAPTION);
    expect(text(all(page, (e) => e.attrs.some((a) => a.value === "corrections"))[0]!)).toContain(CORRECTION);
    const img = all(page, (e) => e.tagName === "img" && attr(e, "alt") === ALT);
    expect(img).toHaveLength(1);
    expect(attr(img[0]!, "src")).toBe("photo.jpg?x='onerror=alert(1)//é");
    const person = all(page, (e) => e.tagName === "a" && text(e) === PERSON);
    expect(person).toHaveLength(1);
  });

  it("are never executed as template code", () => {
    expect(html).toContain("<p>Intro {{ page.title }} {% if true %}liquid{% endif %} ${process.pid}</p>");
    expect(all(page, (e) => e.tagName === "h1").map(text)).toEqual([TITLE]); // "{{ 7*7 }}" in the title stays as written
  });

  it("links to tag, author and entity pages are percent-encoded paths on this site", () => {
    const hrefs = all(page, (e) => e.tagName === "a" && ["tag", "author"].includes(attr(e, "rel") ?? "")).map((e) => attr(e, "href")!);
    for (const href of hrefs) expect(href).toMatch(/^\/(tags|authors)\/[a-z0-9-]+\/$/);
    expect(hrefs).toContain("/tags/javascript-alert-tag2/");
  });

  it("Markdown keeps no script, handler, style, frame, form or script-capable URL, and images from elsewhere become links", () => {
    const body = all(page, (e) => e.attrs.some((a) => a.name === "class" && a.value === "body"))[0]!;
    const tags = new Set(all(body, () => true).map((e) => e.tagName));
    for (const banned of ["script", "iframe", "form", "input", "object", "embed", "meta", "style", "svg", "math"]) expect(tags).not.toContain(banned);
    for (const el of all(body, () => true)) {
      for (const a of el.attrs) {
        expect(a.name).not.toMatch(/^on|^style$/);
        expect(a.value.replace(/\s/g, "")).not.toMatch(/^(javascript|data|vbscript):/i);
      }
    }
    const tracker = all(body, (e) => e.tagName === "a" && text(e) === "tracker");
    expect(tracker.map((e) => attr(e, "href"))).toEqual(["https://evil.example/pixel.png"]);
    expect(all(body, (e) => e.tagName === "img")).toEqual([]);
  });

  it("every built file passes the scan (pages, and feeds, sitemaps and search index as they land)", () => {
    expect(site.writer.files.size).toBeGreaterThan(10);
    expect(scanSite(site.writer.files, ORIGIN)).toEqual([]);
  });

  it("JSON-LD, when a page has it, is valid JSON that no string can end early", () => {
    for (const [path, bytes] of site.writer.files) {
      if (!path.endsWith(".html")) continue;
      const doc = parse(new TextDecoder().decode(bytes));
      for (const script of all(doc, (e) => e.tagName === "script" && attr(e, "type") === "application/ld+json")) {
        const data = JSON.parse(text(script)) as Record<string, unknown>;
        if (path === "2024/01/hostile/index.html") expect(JSON.stringify(data)).toContain(JSON.stringify(TITLE).slice(1, -1));
      }
    }
    expect(scanHtml(html, { origin: ORIGIN, csp: true })).toEqual([]);
  });
});
