import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { beforeAll, describe, expect, it } from "vitest";
import { decodePostings, parseShard, searchPaths } from "../src/search/format.js";
import { assignDocIds } from "../src/search/ids.js";
import { searchTokenizer } from "../src/search/tokenize.js";
import { buildFixture, FIXTURES, PROJECT_FLAGS, runCli, type BuiltSite } from "./helpers.js";
import { elements, jsonLd, metaTags } from "./html.js";
import { readTree } from "./support/site.js";

/**
 * What an article's page does not show must not reach any other output: descriptions, cards,
 * feeds and the search index are made from the text of the body, and that text must be what
 * the page shows (raw HTML dropped whole, references decoded, footnote markers gone). The
 * fixture's bodies hide text in raw HTML blocks of several kinds; every file of the built
 * site is searched for it, built in memory and by the CLI with its cache, as a user builds.
 */
const HIDDEN = ["api-key-123", "var secret", "unverified claim", "Krane", "Raw paragraph", "wire desk", "Raw table cell"];
const REFERENCES = "Claim here. With a link. AT&T & Johnson <b> said © 2024.";
const BASE = "https://news.example.org";

let site: BuiltSite;
beforeAll(async () => {
  site = await buildFixture("hidden-text");
  expect(site.diagnostics).toEqual([]);
});

/** The hidden strings found in `files`, as "path: string". */
function leaks(files: ReadonlyMap<string, string | Uint8Array>): string[] {
  const found: string[] = [];
  for (const [path, contents] of files) {
    const text = typeof contents === "string" ? contents : new TextDecoder().decode(contents);
    for (const hidden of HIDDEN) if (text.includes(hidden)) found.push(`${path}: ${hidden}`);
  }
  return found;
}

const description = (route: string) => metaTags(site.html(route)).get("description");

describe("text a page does not show", () => {
  it("is in no file of the built site", () => {
    expect(site.writer.files.size).toBeGreaterThan(20);
    expect(leaks(site.writer.files)).toEqual([]);
  });

  it("is in no file the CLI writes, with its cache and the article pipeline it uses", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dateline-hidden-"));
    await cp(join(FIXTURES, "hidden-text"), dir, { recursive: true });
    const run = await runCli(["build", "--out", "dist", ...PROJECT_FLAGS], dir);
    expect(run.code, run.stderr).toBe(0);
    const files = await readTree(join(dir, "dist"));
    expect(files.size).toBeGreaterThan(20);
    expect(leaks(files)).toEqual([]);
    expect(metaTags(files.get("2024/12/script/index.html")!).get("description")).toEqual(["The ministry said the border is secure."]);
  });

  it("gives way to the first paragraph the page shows, for the description and the cards", () => {
    expect(description("/2024/12/script/")).toEqual(["The ministry said the border is secure."]);
    expect(description("/2024/12/editor-note/")).toEqual(["Officials confirmed the crossing reopened on Monday."]);
    expect(description("/2024/12/raw-paragraph/")).toEqual(["The budget vote passed on Tuesday."]);
    const cards = elements(site.html("/archive/"), "p").filter((p) => p.attrs.class === "summary").map((p) => p.text);
    expect(cards).toContain("The ministry said the border is secure.");
    expect(cards).toContain("Officials confirmed the crossing reopened on Monday.");
  });
});

describe("the default summary", () => {
  it("is decoded text without footnote markers, escaped once in the page", () => {
    const page = site.html("/2024/12/references/");
    const meta = metaTags(page);
    expect(meta.get("description")).toEqual([REFERENCES]);
    expect(meta.get("og:description")).toEqual([REFERENCES]);
    expect(meta.get("twitter:description")).toEqual([REFERENCES]);
    expect((jsonLd(page)[0] as { description: string }).description).toBe(REFERENCES);
    expect(page).toContain('content="Claim here. With a link. AT&amp;T &amp; Johnson &lt;b&gt; said © 2024."');
    expect(page).not.toContain("&amp;amp;");
    expect(page).not.toContain("[^1]");
    // A card's text read back by an HTML parser: had `<b>` not been escaped, it would be an element.
    const cards = elements(site.html("/archive/"), "p").filter((p) => p.attrs.class === "summary").map((p) => p.text);
    expect(cards).toContain(REFERENCES);
  });

  it("is the same text in every feed", () => {
    const url = `${BASE}/2024/12/references/`;
    const rss = parseRssFeed(site.writer.text("feed.xml")).items!.find((i) => i.link === url)!;
    // RSS readers render a description as HTML: the plain text arrives escaped for HTML once.
    expect(rss.description).toBe("Claim here. With a link. AT&amp;T &amp; Johnson &lt;b&gt; said © 2024.");
    const atom = parseAtomFeed(site.writer.text("atom.xml")).entries?.find((e) => e.links?.[0]?.href === url);
    expect(atom?.summary).toEqual({ type: "text", value: REFERENCES });
    const json = parseJsonFeed(site.writer.text("feed.json")).items?.find((i) => i.url === url);
    expect(json?.summary).toBe(REFERENCES);
  });

  it("is no description at all for an article with no summary and no text", () => {
    const page = site.html("/2024/12/empty/");
    const meta = metaTags(page);
    for (const key of ["description", "og:description", "twitter:description"]) expect(meta.has(key), key).toBe(false);
    expect(jsonLd(page)[0]).not.toHaveProperty("description");
    expect(page).not.toMatch(/content=""/);
  });

  it("keeps HTML in a code span as the text the page shows", () => {
    expect(description("/2024/12/code/")).toEqual(["Type <script> in the console."]);
    expect(elements(site.html("/2024/12/code/"), "code").map((c) => c.text)).toEqual(["<script>"]);
  });
});

describe("the search index", () => {
  const ids = () => assignDocIds(["/2024/12/script/", "/2024/12/editor-note/", "/2024/12/raw-paragraph/", "/2024/12/references/", "/2024/12/code/", "/2024/12/empty/"]);
  const doc = (url: string) => JSON.parse(site.writer.text(searchPaths.doc(ids().get(url)!))) as { text: string };

  function allTerms(): Map<string, string> {
    const meta = JSON.parse(site.writer.text(searchPaths.meta())) as { shards: string[] };
    const terms = new Map<string, string>();
    for (const shard of meta.shards) for (const [term, postings] of parseShard(site.writer.text(searchPaths.shard(shard)))) terms.set(term, postings);
    return terms;
  }

  it("has the text the page shows, with the cited note's and without the markers", () => {
    expect(doc("/2024/12/script/").text).toBe("The ministry said the border is secure.");
    expect(doc("/2024/12/references/").text).toBe(`${REFERENCES} Analysts expect a ruling next year. Source: the harbour ledger.`);
  });

  it("has no terms from raw HTML, character references or footnote markers, and the note's words", () => {
    const terms = allTerms();
    for (const junk of ["amp", "lt", "gt", "copy", "1", "secret", "api", "123", "unverified", "krane", "raw", "desk"]) {
      expect(terms.has(junk), junk).toBe(false);
    }
    const references = ids().get("/2024/12/references/")!;
    for (const term of searchTokenizer().terms("ledger harbour")) {
      expect(decodePostings(terms.get(term) ?? "").map(([id]) => id), term).toContain(references);
    }
  });
});
