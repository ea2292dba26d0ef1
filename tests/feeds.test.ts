import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { beforeAll, describe, expect, it } from "vitest";
import { buildFixture, type BuiltSite } from "./helpers.js";
import { elements } from "./html.js";

/**
 * Feeds are read back with feedsmith, a parser feed readers use, and checked field by field
 * against what the fixture's articles say. The hostile article's strings must come back
 * exactly (XML cannot carry U+0001, so only that is dropped from XML formats).
 */
const HOSTILE = "</script><script>alert(1)</script> ]]> & \"quoted\" 'single' \u0001bell line <!-- end";
const HOSTILE_IN_XML = HOSTILE.replace("\u0001", "");
const BASE = "https://news.example.org";
const HOSTILE_URL = `${BASE}/2025/12/hostile/`;

let site: BuiltSite;
beforeAll(async () => {
  site = await buildFixture("feeds");
  expect(site.diagnostics).toEqual([]);
});

const at = (iso: string) => new Date(iso).getTime();

describe("the site's RSS 2.0 feed", () => {
  it("has the channel and only the newest feedSize published articles, newest first", () => {
    const feed = parseRssFeed(site.writer.text("feed.xml"));
    expect(feed.title).toBe("Feeds & <Fixture>");
    expect(feed.link).toBe(`${BASE}/`);
    expect(feed.description).toBe("A site for testing feeds, sitemaps and metadata.");
    expect(feed.language).toBe("en-GB");
    expect(feed.atom?.links?.[0]).toMatchObject({ href: `${BASE}/feed.xml`, rel: "self" });
    // feedSize is 3: the future article, the draft-free older ones past the third are left out.
    expect(feed.items?.map((i) => i.link)).toEqual([HOSTILE_URL, `${BASE}/2025/12/recent/`, `${BASE}/2025/12/just-outside/`]);
  });

  it("carries titles, guids, dates, authors, categories and full escaped content", () => {
    const item = parseRssFeed(site.writer.text("feed.xml")).items![0]!;
    expect(item.title).toBe(HOSTILE_IN_XML);
    expect(item.guid).toEqual({ value: HOSTILE_URL, isPermaLink: true });
    expect(item.pubDate).toBe("Wed, 31 Dec 2025 10:00:00 +0300");
    expect(at(item.pubDate!)).toBe(at("2025-12-31T10:00:00+03:00"));
    // RSS readers render <description> as HTML, so the plain-text summary arrives HTML-escaped.
    expect(item.description).toBe("Ana Lima speaks; &lt;/script&gt; &amp; ]]&gt; in a summary.");
    expect(item.dc?.creators).toEqual(["O'Brien & <Co>", "Mia Chen"]);
    expect(item.categories?.map((c) => c.name)).toEqual(["A&B <tag>", "Politics"]);
    const html = item.content!.encoded!;
    expect(html).toContain("<p>The body has ]]> and");
    // Relative links and images are made absolute: a feed reader has no page to resolve them against.
    expect(html).toContain(`<img src="${HOSTILE_URL}photo.jpg" alt="A picture">`);
    expect(html).toContain(`<a href="${BASE}/2024/">the 2024 archive</a>`);
    expect(html).toContain(`<a href="${HOSTILE_URL}#below">`);
    expect(html).toContain('<a href="https://elsewhere.example/x?a=1&amp;b=2">');
    expect(html).not.toContain("<script");
  });
});

describe("the site's Atom feed", () => {
  it("has ids, links, dates with offsets, authors with URIs and HTML content", () => {
    const feed = parseAtomFeed(site.writer.text("atom.xml"));
    expect(feed.id).toBe(`${BASE}/atom.xml`);
    expect(feed.title).toEqual({ type: "text", value: "Feeds & <Fixture>" });
    expect(feed.subtitle).toEqual({ type: "text", value: "A site for testing feeds, sitemaps and metadata." });
    expect(feed.authors).toEqual([{ name: "Example News" }]);
    // The newest change in the feed: the hostile article's correction, at its own offset.
    expect(feed.updated).toBe("2025-12-31T18:00:00+03:00");
    expect(feed.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rel: "self", href: `${BASE}/atom.xml` }),
        expect.objectContaining({ rel: "alternate", href: `${BASE}/` }),
      ]),
    );
    expect(feed.entries).toHaveLength(3);
    const entry = feed.entries![0]!;
    expect(entry.id).toBe(HOSTILE_URL);
    expect(entry.title).toEqual({ type: "text", value: HOSTILE_IN_XML });
    expect(entry.links?.[0]).toMatchObject({ rel: "alternate", href: HOSTILE_URL });
    expect(entry.published).toBe("2025-12-31T10:00:00+03:00");
    expect(entry.updated).toBe("2025-12-31T18:00:00+03:00");
    expect(entry.authors).toEqual([
      { name: "O'Brien & <Co>", uri: `${BASE}/authors/o-brien-co/` },
      { name: "Mia Chen", uri: `${BASE}/authors/mia-chen/` },
    ]);
    expect(entry.categories?.map((c) => c.term)).toEqual(["A&B <tag>", "Politics"]);
    expect(entry.summary).toEqual({ type: "text", value: "Ana Lima speaks; </script> & ]]> in a summary." });
    expect(entry.content?.type).toBe("html");
    expect(entry.content?.value).toContain(`<img src="${HOSTILE_URL}photo.jpg"`);
    expect(entry.content?.value).toContain("<p>The body has ]]> and");
    const plain = feed.entries![2]!;
    expect(plain.title?.value).toBe("Just outside the news window");
    expect(plain.authors ?? []).toEqual([]);
  });
});

describe("the site's JSON Feed", () => {
  it("is JSON Feed 1.1 with items field by field, control characters kept as JSON escapes", () => {
    const text = site.writer.text("feed.json");
    const feed = parseJsonFeed(JSON.parse(text));
    expect(JSON.parse(text).version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.title).toBe("Feeds & <Fixture>");
    expect(feed.home_page_url).toBe(`${BASE}/`);
    expect(feed.feed_url).toBe(`${BASE}/feed.json`);
    expect(feed.language).toBe("en-GB");
    expect(feed.items).toHaveLength(3);
    const item = feed.items![0]!;
    expect(item.id).toBe(HOSTILE_URL);
    expect(item.url).toBe(HOSTILE_URL);
    expect(item.title).toBe(HOSTILE);
    expect(item.summary).toBe("Ana Lima speaks; </script> & ]]> in a summary.");
    expect(item.image).toBe(`${HOSTILE_URL}lead.jpg`);
    expect(item.date_published).toBe("2025-12-31T10:00:00+03:00");
    expect(item.date_modified).toBe("2025-12-31T18:00:00+03:00");
    expect(item.authors).toEqual([
      { name: "O'Brien & <Co>", url: `${BASE}/authors/o-brien-co/` },
      { name: "Mia Chen", url: `${BASE}/authors/mia-chen/` },
    ]);
    expect(item.tags).toEqual(["A&B <tag>", "Politics"]);
    expect(item.content_html).toContain(`<img src="${HOSTILE_URL}photo.jpg"`);
  });
});

describe("per-term Atom feeds", () => {
  it("exist for every tag, entity and author listing, with summaries of that listing's articles", () => {
    const files = [...site.writer.files.keys()];
    for (const listing of ["tags/a-b-tag", "tags/economy", "tags/politics", "people/ana-lima", "organizations/united-nations",
      "places/baghdad", "authors/mia-chen", "authors/o-brien-co", "authors/rui-costa"]) {
      expect(files).toContain(`${listing}/atom.xml`);
    }
    const feed = parseAtomFeed(site.writer.text("tags/economy/atom.xml"));
    expect(feed.title?.value).toBe("Feeds & <Fixture>: Economy");
    expect(feed.subtitle?.value).toBe("Articles tagged Economy");
    expect(feed.id).toBe(`${BASE}/tags/economy/atom.xml`);
    expect(feed.links).toEqual(expect.arrayContaining([expect.objectContaining({ rel: "alternate", href: `${BASE}/tags/economy/` })]));
    // Economy has four articles (one syndicated); feedSize 3 keeps the newest three.
    expect(feed.entries?.map((e) => e.title?.value)).toEqual(["Recent: budget passes", "Just outside the news window", "Older: harvest report"]);
    expect(feed.entries?.map((e) => e.summary?.value)).toEqual([
      "The budget passed after a long night.",
      "Published one minute too early for the news sitemap.",
      "The harvest was good.",
    ]);
    expect(feed.entries?.every((e) => e.content === undefined)).toBe(true);

    const person = parseAtomFeed(site.writer.text("people/ana-lima/atom.xml"));
    expect(person.entries?.map((e) => e.id)).toEqual([HOSTILE_URL]);
    const author = parseAtomFeed(site.writer.text("authors/o-brien-co/atom.xml"));
    expect(author.title?.value).toBe("Feeds & <Fixture>: O'Brien & <Co>");
    expect(author.entries?.[0]?.title?.value).toBe(HOSTILE_IN_XML);
  });

  it("give an article the same entry, byte for byte, in every term feed it is in", () => {
    // Entries are made once per article and shared between feeds (render/feeds.ts).
    const entryOf = (path: string, url: string) => {
      const xml = site.writer.text(path);
      const at = xml.indexOf(`<id>${url}</id>`);
      expect(at).toBeGreaterThan(-1);
      return xml.slice(xml.lastIndexOf("<entry>", at), xml.indexOf("</entry>", at));
    };
    const inFeeds = ["people/ana-lima/atom.xml", "authors/o-brien-co/atom.xml"].map((path) => entryOf(path, HOSTILE_URL));
    expect(inFeeds[0]).toContain("<title type=\"text\">");
    expect(inFeeds[1]).toBe(inFeeds[0]);
  });
});

describe("feed discovery", () => {
  const alternates = (html: string) => elements(html, "link").filter((l) => l.attrs.rel === "alternate").map((l) => l.attrs);

  it("links the three site feeds from every HTML page, and each link resolves to a built file", () => {
    const pages = [...site.writer.files.keys()].filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) {
      const links = alternates(site.writer.text(page));
      expect(links.slice(0, 3), page).toEqual([
        { rel: "alternate", type: "application/rss+xml", title: "Feeds & <Fixture> (RSS)", href: "/feed.xml" },
        { rel: "alternate", type: "application/atom+xml", title: "Feeds & <Fixture> (Atom)", href: "/atom.xml" },
        { rel: "alternate", type: "application/feed+json", title: "Feeds & <Fixture> (JSON Feed)", href: "/feed.json" },
      ]);
      for (const l of links) expect(site.writer.files.has(decodeURI(l.href!).slice(1)), `${page} → ${l.href}`).toBe(true);
    }
  });

  it("links a listing's own feed from every page of that listing, and nowhere else", () => {
    for (const page of ["/tags/economy/", "/tags/economy/page/2/"]) {
      expect(alternates(site.html(page))[3]).toEqual({
        rel: "alternate", type: "application/atom+xml", title: "Economy (Atom)", href: "/tags/economy/atom.xml",
      });
    }
    expect(alternates(site.html("/people/ana-lima/"))[3]?.href).toBe("/people/ana-lima/atom.xml");
    expect(alternates(site.html("/authors/o-brien-co/"))[3]).toMatchObject({ title: "O'Brien & <Co> (Atom)", href: "/authors/o-brien-co/atom.xml" });
    expect(alternates(site.html("/2025/12/hostile/"))).toHaveLength(3);
    expect(alternates(site.html("/"))).toHaveLength(3);
  });

  it("respects the path prefix of baseUrl in links and absolute URLs", async () => {
    const prefixed = await buildFixture("feeds", { baseUrl: "https://news.example.org/archive/" });
    expect(alternates(prefixed.html("/tags/economy/")).map((l) => l.href)).toEqual([
      "/archive/feed.xml", "/archive/atom.xml", "/archive/feed.json", "/archive/tags/economy/atom.xml",
    ]);
    const feed = parseRssFeed(prefixed.writer.text("feed.xml"));
    expect(feed.items?.[0]?.link).toBe("https://news.example.org/archive/2025/12/hostile/");
    expect(feed.items?.[0]?.content?.encoded).toContain('<img src="https://news.example.org/archive/2025/12/hostile/photo.jpg"');
    // A root-relative link in an article means the host's root, on the page and in the feed alike.
    expect(feed.items?.[0]?.content?.encoded).toContain('<a href="https://news.example.org/2024/">');
  });
});

describe("reproducible feeds", () => {
  it("do not change with the build time when the articles do not", async () => {
    const later = await buildFixture("feeds", { now: Date.parse("2026-02-01T00:00:00Z") });
    for (const file of ["feed.xml", "atom.xml", "feed.json", "tags/economy/atom.xml", "sitemap.xml"]) {
      expect(later.writer.text(file), file).toBe(site.writer.text(file));
    }
  });
});
