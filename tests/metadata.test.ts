import { beforeAll, describe, expect, it } from "vitest";
import { jsonForScript } from "../src/render/jsonld.js";
import { buildFixture, type BuiltSite } from "./helpers.js";
import { elements, jsonLd, metaTags } from "./html.js";

/**
 * Page metadata read back the way crawlers read it: pages are parsed with an HTML parser,
 * JSON-LD with JSON.parse, and every field is compared with what the article says.
 */
const BASE = "https://news.example.org";
const HOSTILE = "</script><script>alert(1)</script> ]]> & \"quoted\" 'single' \u0001bell line <!-- end";
const HOSTILE_URL = `${BASE}/2025/12/hostile/`;
const CORRECTION = "An earlier version said </script> & ]]> wrongly.\u2028It is fixed\u2029now.";

let site: BuiltSite;
beforeAll(async () => {
  site = await buildFixture("feeds");
  expect(site.diagnostics).toEqual([]);
});

describe("NewsArticle JSON-LD", () => {
  it("has every field, with dates at their offsets and URLs of the author and entity pages", () => {
    const docs = jsonLd(site.html("/2025/12/hostile/"));
    expect(docs).toHaveLength(1);
    expect(docs[0]).toEqual({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: HOSTILE,
      description: "Ana Lima speaks; </script> & ]]> in a summary.",
      url: HOSTILE_URL,
      mainEntityOfPage: { "@type": "WebPage", "@id": HOSTILE_URL },
      datePublished: "2025-12-31T10:00:00+03:00",
      dateModified: "2025-12-31T18:00:00+03:00",
      inLanguage: "en-GB",
      wordCount: expect.any(Number),
      author: [
        { "@type": "Person", name: "O'Brien & <Co>", url: `${BASE}/authors/o-brien-co/` },
        { "@type": "Person", name: "Mia Chen", url: `${BASE}/authors/mia-chen/` },
      ],
      image: [`${HOSTILE_URL}lead.jpg`],
      publisher: {
        "@type": "Organization",
        name: "Example News",
        url: `${BASE}/about/`,
        logo: { "@type": "ImageObject", url: `${BASE}/assets/logo.png` },
      },
      keywords: ["A&B <tag>", "Politics"],
      // Ana Lima is named in the summary: the article is about her; the others are mentioned.
      about: [{ "@type": "Person", name: "Ana Lima", url: `${BASE}/people/ana-lima/` }],
      mentions: [
        { "@type": "Organization", name: "United Nations", url: `${BASE}/organizations/united-nations/` },
        { "@type": "Place", name: "Baghdad", url: `${BASE}/places/baghdad/` },
      ],
      correction: [{ "@type": "CorrectionComment", text: CORRECTION, datePublished: "2025-12-31T18:00:00+03:00" }],
    });
  });

  it("leaves out what an article does not have, and uses the publication date as dateModified", () => {
    const [doc] = jsonLd(site.html("/2025/12/just-outside/")) as Record<string, unknown>[];
    expect(doc!.datePublished).toBe("2025-12-29T23:59:00+00:00");
    expect(doc!.dateModified).toBe("2025-12-29T23:59:00+00:00");
    for (const key of ["author", "image", "about", "mentions", "correction"]) expect(doc).not.toHaveProperty(key);
    expect(doc!.keywords).toEqual(["Economy"]);
  });

  it("points mainEntityOfPage at the external canonical URL of a syndicated article", () => {
    const [doc] = jsonLd(site.html("/2024/04/syndicated/")) as Record<string, unknown>[];
    expect(doc!.mainEntityOfPage).toEqual({ "@type": "WebPage", "@id": "https://elsewhere.example/original" });
    expect(doc!.url).toBe(`${BASE}/2024/04/syndicated/`);
  });

  it("cannot be ended early by a hostile title: no markup characters survive in the script text", () => {
    const html = site.html("/2025/12/hostile/");
    const scripts = elements(html, "script");
    expect(scripts.map((s) => s.attrs.type)).toEqual(["application/ld+json"]);
    const raw = scripts[0]!.text;
    expect(raw).not.toMatch(/[<>&\u2028\u2029]/);
    expect(raw).toContain("\\u003c/script\\u003e");
    expect(raw).toContain("\\u2028");
    // Nothing from the title became an element anywhere on the page.
    expect(elements(html, "script").some((s) => s.text.includes("alert(1)") && s.attrs.type !== "application/ld+json")).toBe(false);
    expect(elements(html, "title")[0]!.text).toBe(`${HOSTILE} · Feeds & <Fixture>`);
  });

  it("escapes exactly <, >, &, U+2028 and U+2029, keeping the JSON equal", () => {
    const value = { s: "</script><!-- & \u2028\u2029 \"q\" \u0001 é" };
    const safe = jsonForScript(value);
    expect(safe).toBe('{"s":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029 \\"q\\" \\u0001 é"}');
    expect(JSON.parse(safe)).toEqual(value);
  });

  it("is on article pages only", () => {
    for (const page of ["/", "/tags/economy/", "/people/ana-lima/", "/2025/", "/archive/"]) {
      expect(jsonLd(site.html(page)), page).toEqual([]);
    }
  });
});

describe("Open Graph and Twitter cards", () => {
  it("describe an article with its image, dates, authors and tags", () => {
    const meta = metaTags(site.html("/2025/12/hostile/"));
    expect(Object.fromEntries(meta)).toEqual({
      viewport: ["width=device-width, initial-scale=1"],
      description: ["Ana Lima speaks; </script> & ]]> in a summary."],
      generator: ["Dateline"],
      "og:type": ["article"],
      "og:title": [HOSTILE],
      "og:description": ["Ana Lima speaks; </script> & ]]> in a summary."],
      "og:url": [HOSTILE_URL],
      "og:site_name": ["Feeds & <Fixture>"],
      "og:image": [`${HOSTILE_URL}lead.jpg`],
      "og:image:alt": ['A "lead" <photo> & more'],
      "article:published_time": ["2025-12-31T10:00:00+03:00"],
      "article:modified_time": ["2025-12-31T18:00:00+03:00"],
      "article:author": [`${BASE}/authors/o-brien-co/`, `${BASE}/authors/mia-chen/`],
      "article:tag": ["A&B <tag>", "Politics"],
      "twitter:card": ["summary_large_image"],
      "twitter:title": [HOSTILE],
      "twitter:description": ["Ana Lima speaks; </script> & ]]> in a summary."],
      "twitter:image": [`${HOSTILE_URL}lead.jpg`],
      "twitter:image:alt": ['A "lead" <photo> & more'],
    });
    const canonical = elements(site.html("/2025/12/hostile/"), "link").filter((l) => l.attrs.rel === "canonical");
    expect(canonical.map((l) => l.attrs.href)).toEqual([HOSTILE_URL]);
  });

  it("use a summary card when an article has no image", () => {
    const meta = metaTags(site.html("/2025/12/recent/"));
    expect(meta.get("twitter:card")).toEqual(["summary"]);
    expect(meta.has("og:image")).toBe(false);
    expect(meta.get("article:author")).toEqual([`${BASE}/authors/mia-chen/`]);
  });

  it("give every other page og:type website with its own title and URL", () => {
    const pages = [...site.writer.files.keys()].filter((f) => f.endsWith(".html"));
    for (const file of pages) {
      const html = site.writer.text(file);
      const meta = metaTags(html);
      const canonical = elements(html, "link").find((l) => l.attrs.rel === "canonical")!.attrs.href;
      expect(meta.get("og:url"), file).toEqual([canonical]);
      expect(meta.get("og:site_name"), file).toEqual(["Feeds & <Fixture>"]);
      if (/^\d{4}\/\d{2}\/[^/]+\/index\.html$/.test(file) && !file.includes("/page/")) {
        expect(meta.get("og:type"), file).toEqual(["article"]);
      } else {
        expect(meta.get("og:type"), file).toEqual(["website"]);
        expect(meta.get("twitter:card"), file).toEqual(["summary"]);
      }
    }
    const tag = metaTags(site.html("/tags/a-b-tag/"));
    expect(tag.get("og:title")).toEqual(["A&B <tag>"]);
    expect(tag.get("og:url")).toEqual([`${BASE}/tags/a-b-tag/`]);
    expect(metaTags(site.html("/")).get("og:title")).toEqual(["Feeds & <Fixture>"]);
  });
});
