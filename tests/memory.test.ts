import { spawnSync } from "node:child_process";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ArticleCache } from "../src/cache/article-cache.js";
import { statSignature } from "../src/cache/article-index.js";
import { articleRecord, type Article } from "../src/content/article.js";
import type { SourceFile } from "../src/content/discover.js";
import { DiagnosticBag } from "../src/diagnostics.js";
import { buildLibrary } from "../src/model/library.js";
import { runArticleTask } from "../src/work/article-task.js";
import { article, buildProject, NOW, ROOT, tempProject } from "./helpers.js";

/**
 * What the memory work (README, "Memory") changed must not change what a build knows: the
 * articles rebuilt as literals carry every field, in the same order, and a settled article
 * cache still serves every body and is saved whole.
 */
const REGISTRY = { digest: "test", entries: [{ name: "Ana Lima", type: "person" as const, aliases: ["A. Lima"] }] };

const FULL = article(
  {
    title: '"Everything set"',
    date: "2024-03-02T09:30:00+03:00",
    updated: "2024-03-04",
    author: "[Jo Park, Ana Lima]",
    summary: '"A summary."',
    tags: "[Water, Iraq]",
    entities: "{ people: [Ana Lima], places: [Basra], exclude: [Nobody] }",
    image: '{ src: "https://example.org/a.jpg", alt: "A photo" }',
    canonical: "https://example.org/original",
    corrections: '[{ date: 2024-03-05, text: "A fix." }]',
    redirect_from: "[/old/path/]",
  },
  "Ana Lima spoke in Basra on Monday. A. Lima said the Tigris Water Board agreed.\n\n## A heading\n\nMore text.",
);
const BARE = article({}, "Just a body.");

async function loaded(files: Record<string, string>): Promise<{ dir: string; sources: SourceFile[]; articles: Article[] }> {
  const dir = await tempProject(Object.fromEntries(Object.entries(files).map(([name, text]) => [`articles/${name}`, text])));
  const sources = Object.keys(files).sort().map((n) => ({ absolutePath: join(dir, "articles", n), contentPath: n, displayPath: `articles/${n}` }));
  const articles: Article[] = [];
  for (const file of sources) {
    const result = await runArticleTask({ file, timezone: "UTC", registry: REGISTRY });
    expect(result.article, JSON.stringify(result.diagnostics)).toBeDefined();
    articles.push(result.article!);
  }
  return { dir, sources, articles };
}

describe("articles as literals", () => {
  it("articleRecord keeps every field, in order, with optional fields set or not", async () => {
    const { articles } = await loaded({ "full.md": FULL, "bare.md": BARE });
    const full = articles.find((a) => a.id === "full.md")!;
    expect(full.updated && full.summary && full.image && full.canonical).toBeTruthy();
    expect(full.mentions.length).toBeGreaterThan(1);
    for (const a of articles) {
      const record = articleRecord(a);
      expect(record).not.toBe(a);
      expect(record).toEqual(a);
      expect(Object.keys(record)).toEqual(Object.keys(a));
      record.mentions.forEach((m, i) => expect(Object.keys(m)).toEqual(Object.keys(a.mentions[i]!)));
    }
  });

  it("the Library's articles are the loaded ones plus year, month, day and url, nothing else", async () => {
    const { articles } = await loaded({ "full.md": FULL, "bare.md": BARE });
    const library = buildLibrary(articles.map(articleRecord), { timezone: "UTC", drafts: false, future: false, now: NOW }, new DiagnosticBag());
    for (const published of library.articles) {
      const source = articles.find((a) => a.id === published.id)!;
      expect(Object.keys(published)).toEqual([...Object.keys(source), "year", "month", "day", "url"]);
      // `entities` is the only field the Library rewrites (canonical names).
      const { entities: _a, ...rest } = published;
      const { entities: _b, ...sourceRest } = source;
      expect(rest).toMatchObject(sourceRest);
    }
  });

  it("articles from worker threads share one hidden class in the cache and in the Library", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`a-${String(i).padStart(2, "0")}.md`] = i % 2 ? FULL.replace("Everything set", `Set ${i}`) : BARE.replace("Just", `Body ${i}`);
    const dir = await tempProject(Object.fromEntries(Object.entries(files).map(([name, text]) => [`articles/${name}`, text])));
    // The compiled modules with real worker threads: a structured clone is what gives each
    // article a class of its own. %HaveSameMap needs --allow-natives-syntax.
    const script = `
      const lib = ${JSON.stringify(join(ROOT, "lib"))};
      const { loadContentCached } = await import(lib + "/cache/cached-load.js");
      const { ArticleCache } = await import(lib + "/cache/article-cache.js");
      const { ArticlePool } = await import(lib + "/work/pool.js");
      const { DiagnosticBag } = await import(lib + "/diagnostics.js");
      const { buildLibrary } = await import(lib + "/model/library.js");
      const cache = ArticleCache.open(${JSON.stringify(join(dir, "cache"))}, "k", true);
      const loaded = await loadContentCached(${JSON.stringify(join(dir, "articles"))}, "UTC", { digest: "d", entries: [] }, new DiagnosticBag(), cache, ArticlePool.create(2));
      const library = buildLibrary(loaded.articles, { timezone: "UTC", drafts: false, future: false, now: ${NOW} }, new DiagnosticBag());
      const classes = (list) => list.filter((o, i) => !list.slice(0, i).some((p) => %HaveSameMap(p, o))).length;
      const mentions = loaded.articles.flatMap((a) => a.mentions);
      console.log(JSON.stringify({ pool: loaded.stats.pool, articles: loaded.articles.length, loaded: classes(loaded.articles), library: classes(library.articles), mentions: mentions.length, mentionClasses: classes(mentions) }));`;
    const run = spawnSync(process.execPath, ["--allow-natives-syntax", "--input-type=module", "-e", script], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    const result = JSON.parse(run.stdout.trim()) as Record<string, unknown>;
    expect(result).toMatchObject({ pool: "workers", articles: 40, loaded: 1, library: 1, mentionClasses: 1 });
    expect(result.mentions).toBeGreaterThan(20);
  });
});

describe("a settled article cache", () => {
  async function filled() {
    const { sources, articles } = await loaded({ "a.md": FULL, "b.md": BARE, "c.md": BARE.replace("Just", "Another") });
    const dir = await mkdtemp(join(tmpdir(), "dateline-settle-"));
    const cache = ArticleCache.open(dir, "key", true);
    const bodies = new Map<string, { html: string; headings: { depth: number; id: string; text: string }[] }>();
    sources.forEach((file, i) => {
      const a = articles[i]!;
      // c.md is stored without its body, as a build that failed to render it would.
      const body = file.contentPath === "c.md" ? undefined : { html: `<p>${a.title}</p>`, headings: [{ depth: 2, id: "h", text: a.title }] };
      if (body) bodies.set(a.id, body);
      cache.store(file, statSignature(file.absolutePath)!, a, [], body);
    });
    return { dir, cache, sources, articles, bodies };
  }

  it("still gives every body, and nothing for a changed article or one without a body", async () => {
    const { cache, articles, bodies } = await filled();
    cache.settle();
    for (const a of articles) expect(cache.markdown(a)).toEqual(bodies.get(a.id));
    expect(cache.markdown({ ...articles[0]!, digest: "0".repeat(64) })).toBeUndefined();
    // Nothing is stored any more: the body of c.md stays missing for this build.
    const c = articles.find((a) => a.id === "c.md")!;
    cache.storeMarkdown(c, { html: "<p>late</p>", headings: [] });
    expect(cache.markdown(c)).toBeUndefined();
    cache.close();
    expect(cache.markdown(articles[0]!)).toBeUndefined();
  });

  it("has saved the whole cache, which the next build reads back", async () => {
    const { dir, cache, sources, articles, bodies } = await filled();
    cache.settle();
    cache.save();
    cache.close();
    const next = ArticleCache.open(dir, "key");
    expect(next.state).toBe("loaded");
    sources.forEach((file, i) => {
      const hit = next.lookup(file, statSignature(file.absolutePath)!);
      expect(hit?.article).toEqual(articles[i]);
      expect(next.markdown(articles[i]!)).toEqual(bodies.get(articles[i]!.id));
    });
    expect((await readdir(dir)).filter((n) => n.endsWith(".pack"))).toHaveLength(1);
  });

  it("is not continued by a later build in the same process", async () => {
    const { dir, cache } = await filled();
    cache.save();
    expect(cache.continues(dir, "key")).toBe(true);
    cache.settle();
    expect(cache.continues(dir, "key")).toBe(false);
  });

  it("a cold build (which settles the cache) and a warm build write the same site", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) {
      files[`articles/s-${i}.md`] = i % 2 ? FULL.replace("Everything set", `Story ${i}`).replace("/old/path/", `/old/${i}/`) : BARE.replace("Just", `Story ${i}`);
    }
    const dir = await tempProject(files);
    const cold = await buildProject(dir, { cache: "refresh" });
    expect(cold.ok, JSON.stringify(cold.diagnostics.filter((d) => d.severity === "error"))).toBe(true);
    const warm = await buildProject(dir, { cache: "use" });
    expect(warm.incremental?.articlesFromCache).toBe(12);
    expect(warm.incremental?.pagesRendered).toBe(0);
  });
});
