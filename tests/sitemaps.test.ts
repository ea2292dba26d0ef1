import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { buildFixture, ROOT, type BuiltSite } from "./helpers.js";

/**
 * Sitemaps are validated with xmllint against the sitemaps.org schemas (tests/schemas/, see
 * the README there) and read back with an XML parser to check what they list.
 */
const SCHEMAS = join(ROOT, "tests", "schemas");
const BASE = "https://news.example.org";
const HAS_XMLLINT = spawnSync("xmllint", ["--version"]).status === 0;
if (!HAS_XMLLINT) console.warn("xmllint not found: schema validation of sitemaps is SKIPPED (apt-get install libxml2-utils)");

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["url", "sitemap"].includes(name), parseTagValue: false });

function validate(text: string, schema: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "dateline-xsd-"));
  const file = join(dir, "doc.xml");
  writeFileSync(file, text);
  const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", join(SCHEMAS, schema), file], { encoding: "utf8" });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

interface Url {
  loc: string;
  lastmod?: string;
}
const urlsOf = (text: string): Url[] => (xml.parse(text) as { urlset: { url: Url[] } }).urlset.url;

let site: BuiltSite;
beforeAll(async () => {
  site = await buildFixture("feeds");
  expect(site.diagnostics).toEqual([]);
});

describe("sitemap.xml", () => {
  it("lists every HTML page except the 404 page and articles whose canonical URL is elsewhere", () => {
    const locs = urlsOf(site.writer.text("sitemap.xml")).map((u) => u.loc);
    const html = [...site.writer.files.keys()].filter((f) => f.endsWith(".html") && f !== "404.html");
    const expected = html
      .filter((f) => f !== "2024/04/syndicated/index.html")
      .map((f) => `${BASE}/${f.replace(/index\.html$/, "")}`);
    expect([...locs].sort()).toEqual(expected.sort());
    expect(new Set(locs).size).toBe(locs.length);
  });

  it("gives articles their last modification with its offset", () => {
    const urls = urlsOf(site.writer.text("sitemap.xml"));
    const byLoc = new Map(urls.map((u) => [u.loc, u.lastmod]));
    // Updated 12:30, corrected 18:00: the correction is the last change.
    expect(byLoc.get(`${BASE}/2025/12/hostile/`)).toBe("2025-12-31T18:00:00+03:00");
    expect(byLoc.get(`${BASE}/2025/12/recent/`)).toBe("2025-12-30T06:00:00+00:00");
    expect(byLoc.get(`${BASE}/2024/05/older/`)).toBe("2024-05-01T00:00:00+00:00");
    expect(byLoc.get(`${BASE}/tags/economy/`)).toBeUndefined();
  });

  it.skipIf(!HAS_XMLLINT)("validates against the sitemaps.org 0.9 schema", () => {
    const result = validate(site.writer.text("sitemap.xml"), "sitemap.xsd");
    expect(result.output).toContain("validates");
    expect(result.ok).toBe(true);
  });

  it.skipIf(!HAS_XMLLINT)("the schema check can fail: a sitemap with a bad lastmod is rejected", () => {
    const broken = site.writer.text("sitemap.xml").replace("2025-12-31T18:00:00+03:00", "31 Dec 2025");
    expect(validate(broken, "sitemap.xsd").ok).toBe(false);
  });
});

describe("the sitemap index", () => {
  it("replaces sitemap.xml once there are more URLs than the limit, with children that split the same list", async () => {
    const whole = urlsOf(site.writer.text("sitemap.xml"));
    const split = await buildFixture("feeds", { sitemapLimit: 5 });
    const index = xml.parse(split.writer.text("sitemap.xml")) as { sitemapindex: { sitemap: Url[] } };
    const children = index.sitemapindex.sitemap;
    expect(children.map((c) => c.loc)).toEqual(
      Array.from({ length: Math.ceil(whole.length / 5) }, (_, i) => `${BASE}/sitemap-${i + 1}.xml`),
    );
    const parts = children.map((_, i) => urlsOf(split.writer.text(`sitemap-${i + 1}.xml`)));
    expect(parts.every((p) => p.length <= 5)).toBe(true);
    expect(parts.flat()).toEqual(whole);
    // Each child's lastmod is its newest article's; a child of listings only has none.
    children.forEach((child, i) => {
      const dates = parts[i]!.map((u) => u.lastmod).filter((d): d is string => d !== undefined);
      const newest = dates.sort((a, b) => Date.parse(b) - Date.parse(a))[0];
      expect(child.lastmod).toBe(newest);
    });
    expect(split.writer.text("robots.txt")).toContain(`Sitemap: ${BASE}/sitemap.xml\n`);
    if (HAS_XMLLINT) {
      const result = validate(split.writer.text("sitemap.xml"), "siteindex.xsd");
      expect(result.ok, result.output).toBe(true);
      for (let i = 1; i <= children.length; i++) {
        const child = validate(split.writer.text(`sitemap-${i}.xml`), "sitemap.xsd");
        expect(child.ok, child.output).toBe(true);
      }
    }
  });

  it("is not made at the limit itself", async () => {
    const count = urlsOf(site.writer.text("sitemap.xml")).length;
    const exact = await buildFixture("feeds", { sitemapLimit: count });
    expect(exact.writer.text("sitemap.xml")).toContain("<urlset");
    expect(exact.writer.files.has("sitemap-1.xml")).toBe(false);
  });
});

describe("news-sitemap.xml", () => {
  interface NewsUrl {
    loc: string;
    "news:news": {
      "news:publication": { "news:name": string; "news:language": string };
      "news:publication_date": string;
      "news:title": string;
    };
  }

  it("holds only articles from the two days before the build time, with publication details", () => {
    const urls = urlsOf(site.writer.text("news-sitemap.xml")) as unknown as NewsUrl[];
    // NOW is 2026-01-01T00:00Z: 2025-12-29T23:59Z is one minute too old; 2030 is in the future.
    expect(urls.map((u) => u.loc)).toEqual([`${BASE}/2025/12/hostile/`, `${BASE}/2025/12/recent/`]);
    const [hostile, recent] = urls.map((u) => u["news:news"]);
    expect(hostile!["news:publication"]).toEqual({ "news:name": "Example News", "news:language": "en" });
    expect(hostile!["news:publication_date"]).toBe("2025-12-31T10:00:00+03:00");
    expect(hostile!["news:title"]).toBe("</script><script>alert(1)</script> ]]> & \"quoted\" 'single' bell line <!-- end");
    expect(recent!["news:publication_date"]).toBe("2025-12-30T06:00:00+00:00");
    expect(recent!["news:title"]).toBe("Recent: budget passes");
  });

  it("follows the build time given with --now", async () => {
    const later = await buildFixture("feeds", { now: Date.parse("2025-12-31T12:00:00Z") });
    const urls = urlsOf(later.writer.text("news-sitemap.xml")).map((u) => u.loc);
    expect(urls).toEqual([`${BASE}/2025/12/hostile/`, `${BASE}/2025/12/recent/`, `${BASE}/2025/12/just-outside/`]);
  });

  it("is left out, and not named in robots.txt, when nothing is recent", async () => {
    const quiet = await buildFixture("feeds", { now: Date.parse("2026-03-01T00:00:00Z") });
    expect(quiet.writer.files.has("news-sitemap.xml")).toBe(false);
    expect(quiet.writer.text("robots.txt")).not.toContain("news-sitemap");
  });

  it.skipIf(!HAS_XMLLINT)("validates against the sitemaps.org schema with the News extension", () => {
    const result = validate(site.writer.text("news-sitemap.xml"), "news-sitemap.xsd");
    expect(result.ok, result.output).toBe(true);
  });
});

describe("robots.txt", () => {
  it("allows crawling and names both sitemaps with absolute URLs", () => {
    expect(site.writer.text("robots.txt")).toBe(
      `User-agent: *\nAllow: /\n\nSitemap: ${BASE}/sitemap.xml\nSitemap: ${BASE}/news-sitemap.xml\n`,
    );
  });
});

describe("the bundled archive", () => {
  it.skipIf(!HAS_XMLLINT)("builds a sitemap and news sitemap that validate", async () => {
    const { buildProject } = await import("./helpers.js");
    const bundled = await buildProject(ROOT, { now: Date.parse("2024-12-03T12:00:00Z") });
    expect(bundled.ok).toBe(true);
    expect(validate(bundled.writer.text("sitemap.xml"), "sitemap.xsd").ok).toBe(true);
    const news = validate(bundled.writer.text("news-sitemap.xml"), "news-sitemap.xsd");
    expect(news.ok, news.output).toBe(true);
  });
});

