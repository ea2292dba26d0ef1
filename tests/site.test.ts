import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildFixture, buildProject, FIXTURES, ROOT } from "./helpers.js";
import type { MemoryWriter } from "../src/write/memory.js";

/** Every href/src in every page that stays on the site must name a built file. */
function brokenLinks(writer: MemoryWriter, prefix: string): string[] {
  const broken: string[] = [];
  for (const [path, bytes] of writer.files) {
    if (!path.endsWith(".html")) continue;
    const html = new TextDecoder().decode(bytes);
    for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const url = m[1]!.replace(/&amp;/g, "&");
      if (/^(https?:|mailto:|#)/.test(url)) continue;
      if (!url.startsWith(prefix)) {
        broken.push(`${path}: ${url} (outside ${prefix})`);
        continue;
      }
      let target = decodeURI(url.slice(prefix.length).split("#")[0]!);
      if (target === "" || target.endsWith("/")) target += "index.html";
      if (!writer.files.has(target)) broken.push(`${path}: ${url}`);
    }
  }
  return broken;
}

function text(html: string): string {
  // Inline elements (the body's entity links) sit inside the text; block tags separate it.
  return html.replace(/<\/?(?:a|em|strong|code|span|time)\b[^>]*>/g, "").replace(/<[^>]+>/g, " ").replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/\s+/g, " ");
}

describe("the basic fixture site", async () => {
  const site = await buildFixture("basic");

  it("lists the latest articles on the home page, newest first", () => {
    const home = site.html("/");
    const order = ["Delta &amp; &lt;friends&gt;", "Gamma: a new year", "Beta: second round"].map((t) => home.indexOf(t));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(home).not.toContain("Alpha: Syria talks open"); // homeSize is 3
  });

  it("renders the article page with date, authors, tags and entities linked", () => {
    const page = site.html("/2023/07/beta/");
    expect(page).toContain("<h1>Beta: second round</h1>");
    expect(page).toContain('<a href="/2023/07/"><time datetime="2023-07-01T09:30:00+03:00">');
    expect(page).toContain('<a href="/authors/rui-costa/" rel="author">Rui Costa</a>');
    expect(page).toContain('<a href="/tags/syria/" rel="tag">Syria</a>');
    expect(page).toContain('<a href="/people/ana-lima/">Ana Lima</a>');
    expect(page).toContain('<a href="/organizations/united-nations/">United Nations</a>');
    expect(page).toContain('<h2 id="outcome">Outcome</h2>');
    expect(page).toContain('<h2 id="outcome-2">Outcome</h2>');
  });

  it("merges tag spellings and shows the most used one", () => {
    const tag = site.html("/tags/syria/");
    expect(tag).toContain("<h1>Syria</h1>");
    expect(tag).toContain("3 articles");
    expect(site.html("/tags/syria/page/2/")).toContain("Alpha: Syria talks open");
    expect(site.writer.files.has("tags/syria-2/index.html")).toBe(false);
  });

  it("gives accented and non-Latin names readable pages", () => {
    expect(site.html("/places/sao-paulo/")).toContain("<h1>São Paulo</h1>");
    expect(site.html("/places/بغداد/")).toContain("<h1>بغداد</h1>");
    expect(site.html("/2024/01/gamma/")).toContain('href="/places/%D8%A8%D8%BA%D8%AF%D8%A7%D8%AF/"');
  });

  it("paginates listings with working previous and next links", () => {
    const first = site.html("/archive/");
    expect(first).toContain('href="/archive/page/2/" rel="next"');
    const second = site.html("/archive/page/2/");
    expect(second).toContain('href="/archive/" rel="prev"');
    expect(second).toContain('aria-current="page">2</a>');
  });

  it("builds year and month archives", () => {
    const year = site.html("/2023/");
    expect(year).toContain("Articles from 2023");
    expect(year).toContain('<a href="/2023/07/">July 2023</a>');
    expect(year).toContain('<a href="/2024/">2024</a>');
    expect(site.html("/2023/07/")).toContain('<a href="/2023/07/" aria-current="page">July 2023</a>');
    expect(site.html("/2023/07/")).toContain("Beta: second round");
    // 23:30 at UTC-5 on 2 January is 3 January in UTC, the site's zone.
    expect(site.html("/2024/01/")).toContain("Gamma: a new year");
  });

  it("indexes entities by type and tags by name", () => {
    const entities = site.html("/entities/");
    expect(entities.indexOf("People")).toBeLessThan(entities.indexOf("Organizations"));
    expect(entities).toContain('<a href="/people/ana-lima/">Ana Lima</a> <span class="count">2</span>');
    expect(site.html("/tags/")).toContain('<a href="/tags/economie/">Économie</a>');
  });

  it("leaves drafts and future articles out", () => {
    const all = [...site.writer.files.values()].map((b) => new TextDecoder().decode(b)).join("\n");
    expect(all).not.toContain("Draft story");
    expect(all).not.toContain("Future story");
    expect(site.writer.files.has("tags/secret/index.html")).toBe(false);
  });

  it("sanitizes article bodies and escapes titles", () => {
    const page = site.html("/2024/01/gamma/");
    expect(page).not.toMatch(/<script>alert|onerror|javascript:/);
    expect(site.html("/2024/05/delta/")).toContain("<h1>Delta &amp; &lt;friends&gt;</h1>");
  });

  it("uses the first paragraph when there is no summary", () => {
    expect(site.html("/archive/")).toContain("Delta has no author and no summary, so its first paragraph becomes the excerpt.");
  });

  it("has no broken internal links", () => {
    expect(brokenLinks(site.writer, "/")).toEqual([]);
  });

  it("has a 404 page", () => {
    expect(site.html("/404.html")).toContain('<meta name="robots" content="noindex">');
  });
});

describe("a site deployed under a path prefix", async () => {
  const site = await buildFixture("basic", { baseUrl: "https://example.org/archive/" });

  it("prefixes every internal link and keeps them working", () => {
    const home = site.html("/");
    expect(home).toContain('href="/archive/assets/site.css"');
    expect(home).toContain('href="/archive/2024/05/delta/"');
    expect(site.html("/2023/07/beta/")).toContain('<link rel="canonical" href="https://example.org/archive/2023/07/beta/">');
    expect(brokenLinks(site.writer, "/archive/")).toEqual([]);
  });

  it("accepts a bare path and keeps the configured host", async () => {
    const other = await buildFixture("basic", { baseUrl: "/news/" });
    expect(other.html("/2023/07/beta/")).toContain('href="https://news.example.org/news/2023/07/beta/"');
  });
});

describe("the bundled archive", async () => {
  const site = await buildProject(ROOT);
  const seedUrl = "/2024/12/iraqi-interior-ministry-reassures-public-on-border-security/";

  it("builds without errors or warnings", () => {
    expect(site.diagnostics).toEqual([]);
    expect(site.articles).toBeGreaterThanOrEqual(12);
  });

  it("shows the seed article's whole text with its tags and entities linked", async () => {
    // tests/fixtures/seed.txt is the seed exactly as the newsroom supplied it.
    const seed = readFileSync(join(FIXTURES, "seed.txt"), "utf8");
    const page = site.html(seedUrl);
    const lines = seed.split("\n").filter((l) => l.trim());
    expect(lines.length).toBe(9);
    expect(page).toContain(`<h1>${lines[0]}</h1>`);
    for (const line of lines.slice(1)) expect(text(page)).toContain(line.trim());
    const source = readFileSync(join(ROOT, "articles/2024/12/iraqi-interior-ministry-reassures-public-on-border-security.md"), "utf8");
    for (const line of lines.slice(1)) expect(source).toContain(`\n${line}\n`);
    expect(page).toContain('<time datetime="2024-12-02">');
    for (const href of ["/tags/iraq/", "/people/muqdad-miri/", "/organizations/popular-mobilization-forces/", "/places/al-bukamal/"]) {
      expect(page).toContain(`href="${href}"`);
    }
    expect(brokenLinks(site.writer, "/")).toEqual([]);
  });
});
