import { lstat, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { build, checkSite } from "../src/build.js";
import { DatelineError } from "../src/errors.js";
import { decodePostings, parseShard, searchPaths } from "../src/search/format.js";
import { assignDocIds, idFor } from "../src/search/ids.js";
import { writeSearchIndex } from "../src/search/search-index.js";
import { searchTokenizer, tokenizerModule } from "../src/search/tokenize.js";
import { HtmlPack } from "../src/cache/html-pack.js";
import { parseMarkdown } from "../src/content/markdown.js";
import { readBody } from "../src/content/source.js";
import { visibleText } from "../src/content/visible-text.js";
import { docContent, docInput, packDocContent, type IndexedDoc } from "../src/search/docs.js";
import { digest } from "../src/util/digest.js";
import { MemoryWriter } from "../src/write/memory.js";
import { article, buildProject, NOW, ROOT, tempProject } from "./helpers.js";
import { HOSTILE_TEXT } from "./support/search-sample.js";

/**
 * Dateline's static search index: the tokenizer shared with the browser, document ids, the
 * files a build writes, and what the index says about a small archive. The browser tests
 * (e2e/reader.test.ts) search it for real; incremental.test.ts checks patched indexes.
 */
const files = {
  "articles/2023/water.md": article(
    {
      title: '"Drought plan for the river"',
      date: "2023-04-02",
      tags: "[Climate, Water]",
      entities: "\n  people: [Ana Lima]\n  places: [Port Marren]",
    },
    "## Desalination\n\nThe **desalination** plant will open next [spring](https://example.org).",
  ),
  "articles/2024/vote.md": article(
    { title: '"Parliament votes on budget"', date: "2024-06-10", tags: "[Politics]" },
    "Members approved the spending plan. Plans, plans and plans.",
  ),
};

describe("the search tokenizer", () => {
  const tokenizer = searchTokenizer();

  it("folds case, accents and compatibility forms, stems plurals and drops stopwords", () => {
    expect(tokenizer.terms("Café CAFÉ cafe\u0301 ﬁnancial Ｆｕｌｌ")).toEqual(["cafe", "cafe", "cafe", "financial", "full"]);
    expect(tokenizer.terms("The harbours and the policies of buses, glasses")).toEqual(["harbour", "policy", "buse", "glass"]);
    expect(tokenizer.terms("a an THE of")).toEqual([]);
    expect(tokenizer.terms("e-mail O'Brien's 2024-06-10")).toEqual(["e", "mail", "o", "brien", "2024", "06", "10"]);
    expect(tokenizer.terms("東京都 Москва́")).toEqual(["東京", "京都", "москва"]);
    expect(tokenizer.wordForms("Harbours")).toEqual(["harbours"]);
    expect(tokenizer.wordTerms("Harbours")).toEqual(["harbour"]);
  });

  it("gives a text the terms of its words: excerpts highlight exactly what was indexed", () => {
    for (const sample of [HOSTILE_TEXT, "ΟΔΟΣ ΟΔΟΣ. Ὀδυσσεύς’ ῥήτωρ", "l’été—déjà vu…½ ℃ ㈠ x́̂y"]) {
      expect(tokenizer.terms(sample)).toEqual(tokenizer.words(sample).flatMap((w) => tokenizer.wordTerms(w.word)));
    }
  });

  it("gives any text the terms of folding it whole (the ASCII scan is only a shortcut)", async () => {
    const fc = await import("fast-check");
    // wordTerms folds whatever it is given as one piece: given the whole text, it gives the
    // terms of folding the whole text, as `terms` did before it scanned ASCII runs itself.
    const reference = (text: string) => tokenizer.wordTerms(text);
    const pieces = fc.constantFrom(
      "The", "harbours", "CAFÉ", "cafe\u0301", "ﬁnancial", "Ｆｕｌｌ", "ΟΔΟΣ", "Σ", "ς", "İstanbul", "ß", "東京都", "\u00a0", "\u2028",
      " ", "  ", "\n", "\t", "\u0000", "\u007f", ".", "'", "’", ":", "-", ",", "e-mail", "O'Brien's", "2024-06-10", "x\u0301\u0302y",
      "\u0301", "½", "℃", "㈠", "a", "policies", "buses", "is", "\ud83d\ude00", "\ud800", "Москва́", "中国经济", "雪", "ガス", "ｶﾞｽ", "ー",
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }).map((p) => p.join("")), (text) => {
        expect(tokenizer.terms(text)).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
    for (const sample of [HOSTILE_TEXT, "ΟΔΟΣ.ΟΔΟΣ ΟΔΟΣ'Σ ΣΑΣ", "plain ascii, then naïve café; and ascii again"]) {
      expect(tokenizer.terms(sample)).toEqual(reference(sample));
    }
  });

  it("finds words inside Chinese and Japanese sentences, which have no spaces", () => {
    // Overlapping pairs: 经济 is found inside the sentence, and a query's own pairs must all match.
    const sentence = tokenizer.terms("中国经济在第三季度增长放缓，国家统计局表示。");
    expect(sentence).toEqual(expect.arrayContaining(["中国", "经济", "增长", "放缓", "统计"]));
    expect(tokenizer.wordTerms("经济增长")).toEqual(["经济", "济增", "增长"]);
    expect(tokenizer.wordTerms("经济增长").every((t) => sentence.includes(t))).toBe(false); // 济增 is not in it
    expect(tokenizer.terms("東京で大雪が降った")).toEqual(expect.arrayContaining(["東京", "大雪"]));
    // A character alone is a term; Latin letters inside a run stay words; Korean has spaces.
    expect(tokenizer.terms("雪 iPhone发布 서울 경제")).toEqual(["雪", "iphone", "发布", ...tokenizer.wordTerms("서울"), ...tokenizer.wordTerms("경제")]);
    expect(tokenizer.wordTerms("서울 경제")).toHaveLength(2);
    // Each pair is kept in the shard of its first character, so a character finds its pairs.
    expect(tokenizer.shardOf("经济")).toBe("经");
    expect(tokenizer.prefixShard("经")).toBe("经");
    expect(tokenizer.prefixShard("ha")).toBeUndefined();
    expect(tokenizer.prefixShard("harb")).toBe("har");
  });

  it("names shards by prefix, with file names safe for any script", () => {
    expect(tokenizer.shardOf("harbour")).toBe("har");
    expect(tokenizer.shardOf("uk")).toBe("uk");
    expect(tokenizer.shardFile("har")).toBe("har.json");
    expect(tokenizer.shardFile("東京都")).toBe("_e69db1e4baace983bd.json");
    expect(tokenizer.shardFile("_x")).not.toBe(tokenizer.shardFile("x"));
  });

  it("is the very same code in the module the browser loads", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dateline-tokenizer-"));
    try {
      await writeFile(join(dir, "tokenize.mjs"), tokenizerModule());
      const module = (await import(pathToFileURL(join(dir, "tokenize.mjs")).href)) as { tokenizer: ReturnType<typeof searchTokenizer> };
      const browser = module.tokenizer;
      expect(browser.terms(HOSTILE_TEXT)).toEqual(tokenizer.terms(HOSTILE_TEXT));
      expect(browser.words(HOSTILE_TEXT)).toEqual(tokenizer.words(HOSTILE_TEXT));
      for (const { word } of tokenizer.words(HOSTILE_TEXT)) {
        expect(browser.wordTerms(word)).toEqual(tokenizer.wordTerms(word));
        for (const term of tokenizer.wordTerms(word)) expect(browser.shardFile(browser.shardOf(term))).toBe(tokenizer.shardFile(tokenizer.shardOf(term)));
      }
      // The CLI runs tsc's compilation (lib/, made by `pretest`): its module agrees too.
      const lib = (await import(pathToFileURL(join(ROOT, "lib", "search", "tokenize.js")).href)) as { tokenizerModule: () => string };
      await writeFile(join(dir, "lib-tokenize.mjs"), lib.tokenizerModule());
      const compiled = (await import(pathToFileURL(join(dir, "lib-tokenize.mjs")).href)) as { tokenizer: ReturnType<typeof searchTokenizer> };
      expect(compiled.tokenizer.terms(HOSTILE_TEXT)).toEqual(tokenizer.terms(HOSTILE_TEXT));
      // The hostile sample really is tokenized: no markup characters, no empty terms.
      expect(tokenizer.terms(HOSTILE_TEXT)).toContain("script");
      expect(tokenizer.terms(HOSTILE_TEXT).every((t) => t.length > 0 && !/[<>'"\s]/.test(t))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("search document ids", () => {
  it("are derived from the URL alone, 8 base-36 characters", () => {
    const a = assignDocIds(["/2024/01/a/", "/2024/01/b/"]);
    const b = assignDocIds(["/2023/05/z/", "/2024/01/b/", "/2024/01/a/"]);
    expect(a.get("/2024/01/a/")).toBe(b.get("/2024/01/a/"));
    expect(a.get("/2024/01/a/")).toMatch(/^[0-9a-z]{8}$/);
  });

  it("settle clashes the same way whatever the order the URLs come in", () => {
    // Every URL of length 4 hashes to the same id first: they clash.
    const hash = (url: string, attempt: number) => (url.length === 4 && attempt === 0 ? "clash000" : idFor(url, attempt));
    const urls = ["/bb/", "/aa/", "/cc/", "/long-url/"];
    const one = assignDocIds(urls, hash);
    const two = assignDocIds([...urls].reverse(), hash);
    expect([...one].sort()).toEqual([...two].sort());
    expect(new Set(one.values()).size).toBe(4);
    expect(one.get("/aa/")).toBe("clash000"); // the first in code-unit order keeps the id
    expect(one.get("/long-url/")).toBe(idFor("/long-url/", 0)); // bystanders never move
  });
});

describe("search index files", () => {
  it("holds each article's document, its terms, filters newest first and a meta file", async () => {
    const site = await buildProject(await tempProject(files));
    expect(site.ok).toBe(true);
    expect(site.searchPages).toBe(2);
    const ids = assignDocIds(["/2023/04/water/", "/2024/06/vote/"]);
    const water = ids.get("/2023/04/water/")!;
    const vote = ids.get("/2024/06/vote/")!;
    const json = (path: string) => JSON.parse(site.writer.text(path)) as Record<string, unknown>;

    expect(json(searchPaths.doc(water))).toEqual({
      url: "/2023/04/water/",
      title: "Drought plan for the river",
      date: expect.stringContaining("2023"),
      year: 2023,
      text: "Desalination The desalination plant will open next spring.",
    });
    const meta = json(searchPaths.meta()) as { docs: number; shards: string[]; filters: Record<string, Record<string, string>> };
    expect(meta.docs).toBe(2);
    expect(meta.shards).toContain("des");
    expect(meta.filters).toEqual({
      tag: { Climate: "filters/tag/climate.json", Politics: "filters/tag/politics.json", Water: "filters/tag/water.json" },
      type: { People: "filters/type/people.json", Places: "filters/type/places.json" },
      year: { "2023": "filters/year/2023.json", "2024": "filters/year/2024.json" },
    });
    expect(json(`search-index/${meta.filters.tag!.Water}`)).toEqual({ ids: water });
    expect(json(`search-index/${meta.filters.type!.People}`)).toEqual({ ids: water });

    // Title words weigh 3, body words 1; plurals meet their singular.
    const plan = parseShard(site.writer.text(searchPaths.shard("pla")));
    expect(decodePostings(plan.get("plan")!)).toEqual([[water, 3], [vote, 4]].sort(([a], [b]) => (a! < b! ? -1 : 1)));
    expect(decodePostings(plan.get("plant")!)).toEqual([[water, 1]]);
    expect(site.writer.text(searchPaths.tokenizer())).toBe(tokenizerModule());
    // The search page points the script at the index.
    expect(site.html("/search/")).toContain('data-bundle="/search-index/"');
  });

  it("writes no index for an empty archive, and the search page says there is nothing to search", async () => {
    const dir = await tempProject({ "articles/.keep": "" });
    const result = await build({ projectDir: dir, outDir: join(dir, "dist"), templatesDir: join(ROOT, "templates"), publicDir: join(ROOT, "public"), now: NOW });
    expect(result.ok).toBe(true);
    expect(result.searchPages).toBeUndefined();
    expect(await stat(join(dir, "dist", "search-index")).catch(() => undefined)).toBeUndefined();
    const page = await readFile(join(dir, "dist", "search", "index.html"), "utf8");
    expect(page).toContain("nothing to search");
    expect(page).not.toContain("search.js");
  });

  it("stops with an error naming an article that cannot be read, having written nothing of the index", async () => {
    const dir = await tempProject(files);
    const checked = await checkSite({ projectDir: dir, now: NOW });
    expect(checked.ok).toBe(true);
    await rm(join(dir, "articles/2024/vote.md"));
    const writer = new MemoryWriter();
    const error = await writeSearchIndex(checked.library!, checked.config, writer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatelineError);
    expect((error as Error).message).toContain(join("articles", "2024", "vote.md"));
    expect((error as DatelineError).hint).toMatch(/readable/);
  });

  it("refuses public/ files that would land in the search index's folder", async () => {
    const dir = await tempProject({ ...files, "public/search-index/meta.json": "{}" });
    const error = await buildProject(dir, { publicDir: join(dir, "public") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatelineError);
    expect((error as DatelineError).hint).toContain("search-index/");
  });
});

describe("a full index that keeps nothing in memory", () => {
  it("writes the same files by reading the articles again", async () => {
    const { planFullIndex } = await import("../src/search/full.js");
    const checked = await checkSite({ projectDir: await tempProject(files), now: NOW });
    const kept = new MemoryWriter();
    const remade = new MemoryWriter();
    const a = await planFullIndex(checked.library!, checked.config);
    await a.write(kept);
    const b = await planFullIndex(checked.library!, checked.config, undefined, 0);
    await b.write(remade);
    expect([...b.keys].sort()).toEqual([...a.keys].sort());
    expect([...remade.files.keys()].sort()).toEqual([...kept.files.keys()].sort());
    for (const path of kept.files.keys()) expect(remade.text(path), path).toBe(kept.text(path));
  });
});

describe("patching one term's postings", () => {
  it("drops and merges exactly like decoding, filtering and sorting", async () => {
    const fc = await import("fast-check");
    const { decodePostings, encodePostings, patchPostings } = await import("../src/search/format.js");
    // Ids from all of the id space, and from a few neighbours so that ids meet and share prefixes.
    const id = fc.oneof(
      fc.integer({ min: 0, max: 36 ** 8 - 1 }).map((n) => n.toString(36).padStart(8, "0")),
      fc.integer({ min: 0, max: 60 }).map((n) => (1_000_000 + n).toString(36).padStart(8, "0")),
    );
    const posting = fc.tuple(id, fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 1023 })));
    const live = fc.uniqueArray(posting, { selector: (p) => p[0], maxLength: 200 });
    // Few changes take the binary-search path, many the splitting one: both must agree with the model.
    const changes = fc.record({ drop: fc.array(fc.boolean(), { maxLength: 200 }), absent: fc.array(id, { maxLength: 40 }), added: fc.uniqueArray(posting, { selector: (p) => p[0], maxLength: 40 }) });
    fc.assert(
      fc.property(live, changes, (live, { drop, absent, added }) => {
        const sorted = [...live].sort(([a], [b]) => (a < b ? -1 : 1));
        const dropped = new Set(sorted.filter((_, i) => drop[i]).map(([d]) => d));
        for (const a of absent) dropped.add(a); // documents gone that never had this term
        for (const [a] of added) dropped.add(a); // an edited document's old postings go too
        const expected = [...sorted.filter(([d]) => !dropped.has(d)), ...added].sort(([a], [b]) => (a < b ? -1 : 1));
        const got = patchPostings(encodePostings(sorted), dropped, added);
        expect(got).toBe(encodePostings(expected));
        expect(decodePostings(got)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("reading documents in worker threads", () => {
  it("gives the same documents as the main thread, and names an unreadable article", async () => {
    // Worker threads run the compiled code (lib/, made by `pretest`).
    const lib = (await import(pathToFileURL(join(ROOT, "lib", "search", "doc-pool.js")).href)) as typeof import("../src/search/doc-pool.js");
    const many: Record<string, string> = {};
    for (let i = 0; i < 150; i++) many[`articles/2024/story-${i}.md`] = article({ title: `"Story ${i}"`, date: "2024-03-01" }, `Words of story ${i}: café harbours.`);
    const checked = await checkSite({ projectDir: await tempProject(many), now: NOW });
    const { docInput } = await import("../src/search/docs.js");
    const inputs = checked.library!.articles.map((a) => docInput(a, checked.config));
    const collect = async (workers: number) => {
      const docs: unknown[] = new Array(inputs.length);
      await lib.readDocs(inputs.length, (i) => inputs[i]!, searchTokenizer(), (doc, i) => void (docs[i] = doc), { workers });
      return docs;
    };
    const threaded = await collect(2);
    expect(threaded).toEqual(await collect(0));
    expect(threaded.every((d) => d !== undefined)).toBe(true);

    await rm(checked.library!.articles[70]!.sourcePath);
    const error = await collect(2).catch((e: unknown) => e);
    expect((error as Error).name).toBe("DatelineError");
    expect((error as Error).message).toContain(checked.library!.articles[70]!.file);
  });
});

describe("documents written by the threads that read them (a cold build's fresh folder)", () => {
  it("are the files the main thread makes, read from where loading stored them, or from the article when that is lost", async () => {
    const lib = (await import(pathToFileURL(join(ROOT, "lib", "search", "doc-pool.js")).href)) as typeof import("../src/search/doc-pool.js");
    const many: Record<string, string> = {};
    for (let i = 0; i < 130; i++) many[`articles/2024/story-${i}.md`] = article({ title: `"Story ${i}"`, date: "2024-03-01" }, `Words of story ${i}: café *harbours*.`);
    const checked = await checkSite({ projectDir: await tempProject(many), now: NOW });
    const articles = checked.library!.articles;
    const inputs = articles.map((a) => docInput(a, checked.config));
    const tokenizer = searchTokenizer();
    const expected: IndexedDoc[] = [];
    await lib.readDocs(inputs.length, (i) => inputs[i]!, tokenizer, (doc, i) => void (expected[i] = doc as IndexedDoc), { workers: 0 });

    // What loading stores: each article's content in a pack. One entry says something else, to
    // show it is read from there; one is damaged and one points at a pack that is gone.
    const cache = await mkdtemp(join(tmpdir(), "dateline-pack-"));
    const pack = HtmlPack.open(join(cache, "bodies.pack"), true);
    const refs = await Promise.all(articles.map(async (a, i) => {
      const content = i === 3 ? { textJson: JSON.stringify("stored text"), terms: ["stored"], tfs: [1] } : docContent(a.title, visibleText(parseMarkdown(await readBody(a))).search, tokenizer);
      return { pack: pack.path, ref: pack.append(packDocContent(content)) };
    }));
    pack.close();
    refs[5] = { ...refs[5]!, ref: { ...refs[5]!.ref, sha: "0".repeat(64) } };
    refs[7] = { ...refs[7]!, pack: join(cache, "gone.pack") };

    const out = await mkdtemp(join(tmpdir(), "dateline-docs-"));
    const written: unknown[] = [];
    await lib.readDocs(inputs.length, (i) => ({ ...inputs[i]!, packed: refs[i]!, writeTo: `docs/${i}.json` }), tokenizer,
      (doc, i) => void (written[i] = doc), { workers: 2, directory: out });
    for (let i = 0; i < articles.length; i++) {
      const file = await readFile(join(out, `docs/${i}.json`), "utf8");
      // With the file's stat as written, which the output manifest records without an lstat.
      const stat = await lstat(join(out, `docs/${i}.json`));
      expect(written[i]).toEqual({ key: digest(file), terms: i === 3 ? ["stored"] : expected[i]!.terms, tfs: i === 3 ? [1] : expected[i]!.tfs,
        stat: [stat.ino, stat.size, stat.mtimeMs] });
      if (i === 3) expect(file).toContain('"stored text"');
      else expect(file, `document ${i}`).toBe(expected[i]!.file);
    }
  });

  it("are how a cold build on disk writes its index, with the same files as every other build", async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 100; i++) many[`articles/2024/story-${i}.md`] = article({ title: `"Story ${i}"`, date: "2024-03-01", tags: `[T${i % 5}]` }, `Words of story ${i}: café harbours.`);
    const dir = await tempProject(many);
    const compiled = (await import(pathToFileURL(join(ROOT, "lib", "index.js")).href)) as typeof import("../src/index.js");
    const options = { projectDir: dir, templatesDir: join(ROOT, "templates"), publicDir: join(ROOT, "public"), now: NOW };
    const cold = await compiled.build({ ...options, cache: "refresh" });
    expect(cold.incremental).toMatchObject({ outputMode: "fresh", search: "full", searchThreads: 2 });
    const memory = await buildProject(dir);
    const docs = [...memory.writer.files.keys()].filter((p) => p.startsWith("search-index/docs/"));
    expect(docs.length).toBe(100);
    for (const path of docs) expect(await readFile(join(dir, "dist", path), "utf8"), path).toBe(memory.writer.text(path));
    // Their keys are the files' own: the next build finds every document in place.
    const warm = await compiled.build(options);
    expect(warm.incremental).toMatchObject({ outputMode: "unchanged", pagesRendered: 0 });
  });
});

describe("a full index made from what loading kept", () => {
  /** Bodies with every kind of markup the search text strips, keeps or joins. */
  const kept = {
    ...files,
    "articles/2024/mixed.md": article(
      { title: '"Ports, tariffs and the *new* rules"', date: "2024-02-03", tags: "[Trade]" },
      "# Heading one\n\nText with `code`, ~~struck~~ and _under_ words.\n\n> A quote, [linked](https://example.org \"t\").\n\n- one\n- two\n\n```\nfenced code\n```\n\nCafé “quoted” déjà-vu — 1,200 tonnes.",
    ),
  };

  it("is the index reading the articles gives, and reads no article file", async () => {
    const { planFullIndex } = await import("../src/search/full.js");
    const { runArticleTask } = await import("../src/work/article-task.js");
    const dir = await tempProject(kept);
    const checked = await checkSite({ projectDir: dir, now: NOW });
    const library = checked.library!;
    const read = new MemoryWriter();
    await (await planFullIndex(library, checked.config)).write(read);

    // What loading made of each article, as a worker thread hands it to the cache.
    const made = new Map<string, import("../src/search/docs.js").DocContent>();
    for (const a of library.articles) {
      const file = { absolutePath: a.sourcePath, contentPath: a.id, displayPath: a.file };
      const result = await runArticleTask({ file, timezone: checked.config.timezone, registry: { digest: "none", entries: [] } });
      made.set(a.id, result.search!);
    }
    // Gone from disk: any document the index still read from its file would stop the build.
    await rm(join(dir, "articles"), { recursive: true });
    const fromLoad = new MemoryWriter();
    const index = await planFullIndex(library, checked.config, undefined, undefined, (a) => made.get(a.id));
    await index.write(fromLoad);
    expect([...fromLoad.files.keys()].sort()).toEqual([...read.files.keys()].sort());
    for (const path of read.files.keys()) expect(fromLoad.text(path), path).toBe(read.text(path));
  });

  it("is kept in the article cache, and given back only for the text it was made from", async () => {
    const { ArticleCache } = await import("../src/cache/article-cache.js");
    const { runArticleTask } = await import("../src/work/article-task.js");
    const dir = await tempProject(kept);
    const checked = await checkSite({ projectDir: dir, now: NOW });
    const [first, second] = checked.library!.articles;
    const cache = ArticleCache.open(join(dir, "cache"), "key", true);
    const stored = new Map<string, import("../src/search/docs.js").DocContent>();
    for (const a of [first!, second!]) {
      const file = { absolutePath: a.sourcePath, contentPath: a.id, displayPath: a.file };
      const result = await runArticleTask({ file, timezone: checked.config.timezone, registry: { digest: "none", entries: [] } });
      cache.store(file, "sig", a, [], result.body, result.search);
      stored.set(a.id, result.search!);
    }
    expect(cache.searchContent(first!)).toEqual(stored.get(first!.id));
    cache.settle();
    expect(cache.searchContent(second!)).toEqual(stored.get(second!.id));
    const reader = cache.closeForSearch();
    expect(reader.content(first!)).toEqual(stored.get(first!.id));
    // An article whose text changed since: its old content is never used.
    expect(reader.content({ ...second!, digest: "another text" })).toBeUndefined();
    reader.done();
    expect(reader.content(first!)).toBeUndefined();
  });

  it("survives the pack being rewritten to drop what edits left behind, with the HTML", async () => {
    const { ArticleCache } = await import("../src/cache/article-cache.js");
    const { runArticleTask } = await import("../src/work/article-task.js");
    const { readdir, stat: statFile } = await import("node:fs/promises");
    const dir = await tempProject(kept);
    const checked = await checkSite({ projectDir: dir, now: NOW });
    const cacheDir = join(dir, "cache");
    const cache = ArticleCache.open(cacheDir, "key", true);
    const articles = checked.library!.articles;
    const results = new Map<string, Awaited<ReturnType<typeof runArticleTask>>>();
    // Stored again and again, as edits do: each copy before the last is dead weight in the pack.
    const bulky = { html: `<p>${"x".repeat(400_000)}</p>`, headings: [] };
    for (let round = 0; round < 4; round++) {
      for (const a of articles) {
        const file = { absolutePath: a.sourcePath, contentPath: a.id, displayPath: a.file };
        const result = await runArticleTask({ file, timezone: checked.config.timezone, registry: { digest: "none", entries: [] } });
        results.set(a.id, result);
        cache.store(file, "sig", a, [], bulky, result.search);
      }
    }
    const packSize = async () => (await statFile(join(cacheDir, (await readdir(cacheDir)).find((n) => n.endsWith(".pack"))!))).size;
    const before = await packSize();
    cache.save();
    expect(await packSize()).toBeLessThan(before / 2);
    const again = ArticleCache.open(cacheDir, "key");
    for (const a of articles) {
      expect(again.searchContent(a)).toEqual(results.get(a.id)!.search);
      expect(again.markdown(a)?.html).toBe(bulky.html);
    }
  });
});

describe("search content as the article cache keeps it", () => {
  it("writes a document's bytes from the text's JSON exactly as from the text", async () => {
    const { serializeDoc, serializeDocWithText } = await import("../src/search/format.js");
    const texts = ['Plain "quoted" text', "Line\nbreaks\tand \\ slashes", "Déjà vu — “curly” ’s \u2028\u2029 \u0000 \ud83d\ude00 \ud800 lone", ""];
    for (const text of texts) {
      const record = { url: "/2024/01/a-story/", title: 'A "title" with ’ and <tags>', date: "1 January 2024", year: 2024, text };
      expect(serializeDocWithText(record, JSON.stringify(text))).toBe(serializeDoc(record));
      expect(serializeDoc(record)).toBe(`${JSON.stringify(record)}\n`);
    }
  });

  it("packs and unpacks content, and refuses what it did not pack", async () => {
    const { packDocContent, unpackDocContent } = await import("../src/search/docs.js");
    const contents = [
      { textJson: JSON.stringify("Text with\nlines and \"quotes\""), terms: ["text", "line", "quote"], tfs: [3, 1, 2] },
      { textJson: JSON.stringify(""), terms: [], tfs: [] },
    ];
    for (const content of contents) expect(unpackDocContent(packDocContent(content))).toEqual(content);
    for (const bad of ["", "not json\na\n1", '"x"\na b\n1', '"x"\na\n0', '"x"\na\nseven', '"x"']) expect(unpackDocContent(bad), bad).toBeUndefined();
  });
});

describe("the search text of a body", () => {
  const searchText = (markdown: string) => visibleText(parseMarkdown(markdown)).search;

  it("keeps a heading's text without its closing #s", () => {
    expect(searchText("# Border talks ##\n\n## C#\n\n### x # \n\n#### #\n\nText")).toBe("Border talks C# x Text");
  });

  it("reads a heading with a long run of spaces, and a long line of <, in linear time", () => {
    // Regexes once took 6 s for 40,000 spaces in a heading, and 7 s for 50,000 < on a line.
    expect(searchText(`# a${" ".repeat(400_000)}b ##\n\nText`)).toBe("a b Text");
    expect(searchText(`a ${"<".repeat(100_000)} b <i>c</i>`)).toBe(`a ${"<".repeat(100_000)} b c`);
  });
});
