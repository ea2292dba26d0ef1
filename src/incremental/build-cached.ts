import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { planSearchIndex, writeSearchIndex, type PlannedIndex } from "../search/search-index.js";
import { checkSite, makeRenderEnv, publishSiteMedia, RENDER_CONCURRENCY, shownBody, unfinishedResult, type BuildOptions, type BuildResult } from "../build.js";
import { ArticleCache } from "../cache/article-cache.js";
import { DatelineError } from "../errors.js";
import { displayPath } from "../config.js";
import { loadContentCached, type CachedLoadStats } from "../cache/cached-load.js";
import { cacheKeys, templatesDigest, type CacheKeys } from "../cache/keys.js";
import type { SiteConfig } from "../config.js";
import type { PublishedArticle } from "../model/library.js";
import { relatedArticles } from "../pages/related.js";
import { incrementalState, reusableKeys, type IncrementalState } from "./key-reuse.js";
import { keyingEnv, pageKeys } from "../render/page-keys.js";
import { pageWorkers, renderEveryPage } from "../render/page-pool.js";
import { renderPage, type RenderEnv } from "../render/page.js";
import { RecordingWriter, fileSignature } from "../write/recording.js";
import { ViewContext } from "../pages/context.js";
import { forEachLimit } from "../util/concurrency.js";
import { digest } from "../util/digest.js";
import { ArticlePool } from "../work/pool.js";
import type { EarlyCheck } from "../write/early-check.js";
import { GenerationWriter } from "../write/generations.js";
import type { WrittenStat } from "../write/writer.js";
import { assertPublicFilesFit } from "../write/public-files.js";

/**
 * The build as `dateline build` runs it: the same load → check → plan → render → write as
 * build.ts, with three shortcuts that never change the output:
 * 1. articles whose files did not change come from the cache; the others are loaded and
 *    rendered to HTML by the worker pool;
 * 2. every page gets a key (render/page-keys.ts) and only pages whose key changed are
 *    rendered;
 * 3. the GenerationWriter writes only those files into the spare generation and swaps it in.
 * `cache: "refresh"` (`--no-cache`) skips all three lookups and rebuilds the cache.
 */
export async function buildCached(options: BuildOptions, mode: "use" | "refresh"): Promise<BuildResult> {
  let cache: ArticleCache | undefined;
  let keys: CacheKeys | undefined;
  let templatesKey = "missing";
  let loadStats: CachedLoadStats = { hits: 0, misses: 0, pool: "in-process" };
  const pool = ArticlePool.create(options.workers);
  let eleventy: Promise<typeof import("../render/eleventy.js")> | undefined;
  let early: EarlyCheck | undefined;
  try {
    const checked = await checkSite(options, async (config, bag, registry) => {
      // The output folders are checked on another thread while the archive loads. A serve
      // session rebuilds because something changed, so it will most likely reuse the spare.
      if (mode === "use") early = GenerationWriter.checkAhead(config.outDir, manifestsOf(config), options.session ? "changed" : "unchanged");
      templatesKey = await templatesDigest(config.templatesDir).catch(() => "missing");
      keys = cacheKeys({
        config,
        templatesDigest: templatesKey,
        // Registry edits change which entities articles mention and what their bodies link.
        registryDigest: registry.digest,
      });
      const cacheDir = join(config.cacheDir, "articles");
      const refresh = mode === "refresh";
      cache = options.session ? options.session.articleCache(cacheDir, keys.article, refresh) : ArticleCache.open(cacheDir, keys.article, refresh);
      const registryData = { digest: registry.digest, entries: registry.entries };
      const loaded = await loadContentCached(config.contentDir, config.timezone, registryData, bag, cache, pool, (misses) => {
        options.onArticlesToProcess?.(misses);
        // Something changed, so pages will be rendered: load Eleventy on this thread while
        // the changed articles are processed, instead of after them. Not for a large cold
        // build: its pages are rendered by worker threads that load Eleventy themselves.
        if (misses > 0 && misses <= PRELOAD_TEMPLATES_UP_TO) {
          eleventy = import("../render/eleventy.js");
          eleventy.catch(() => undefined); // a failure surfaces where it is awaited
        }
      });
      loadStats = loaded.stats;
      return loaded;
    });
    const { config, timings } = checked;
    const result = unfinishedResult(checked);
    if (!checked.ok || !checked.library || !checked.pages || !checked.publicFiles || !cache || !keys) return result;
    const { library, pages, publicFiles } = checked;
    const articleCache = cache;

    const start = performance.now();
    // A preview server's next build is an edit someone waits on: it keeps a spare ready. A
    // command-line build leaves making one to the next build that needs it (generations.ts).
    const writer = await GenerationWriter.open(config.outDir, manifestsOf(config), mode === "use", early, options.session ? "eager" : "lazy");
    try {
      const ctx = new ViewContext(library, config);
      // Media first, as in build.ts: pages need their images' sizes. Files are recorded, not
      // copied, so that only the ones that changed are copied below.
      const media = new RecordingWriter();
      const mediaProblems = await publishSiteMedia(ctx, media, timings);
      if (mediaProblems) {
        await writer.abort();
        return { ...result, diagnostics: [...result.diagnostics, ...mediaProblems] };
      }
      // What a shown body depends on besides its text: the entity pages its markers link to
      // (they come from the registry and the whole library) and the media it shows.
      const bodyIdentity = (a: PublishedArticle) =>
        `${a.digest}:${digest(JSON.stringify(ctx.entityLinks(a)))}:${JSON.stringify([...(ctx.media.get(a.id) ?? [])])}`;
      // Keys are made with a ViewContext of their own: view code may remember things per
      // context (the site feeds remember their items), and stand-in bodies must not leak out.
      const keyCtx = new ViewContext(library, config);
      keyCtx.media = ctx.media;
      const shared = makeRenderEnv(keyCtx, { render: async () => "" }, async () => ({ html: "", headings: [] }), pages);
      const state = incrementalState(library, keys, shared.site, ctx.media);
      const keying = keyingEnv(shared, bodyIdentity);
      // Loaded only when a page must be rendered: Eleventy is a large share of a warm start.
      let renderEnv: Promise<RenderEnv> | undefined;
      // `templates` is given when the templates run elsewhere (page worker threads, which load
      // and check them themselves): then this thread never loads Eleventy.
      const makeEnv = (templates?: RenderEnv["templates"]) => (renderEnv ??= (async () => {
        const create = async () => (await (eleventy ?? import("../render/eleventy.js"))).TemplateRenderer.create(config.templatesDir);
        const renderer = templates ?? (await (options.session ? options.session.templates(config.templatesDir, templatesKey, create) : create()));
        return makeRenderEnv(ctx, renderer, async (article) => {
          // Bodies were rendered where their articles were loaded; rendering one here is the
          // fallback for a pack that lost it.
          let body = articleCache.markdown(article);
          if (!body) {
            // Loaded only here: remark is a tenth of a second to load, and warm builds never need it.
            const { renderArticleBody } = await import("../content/body.js");
            body = await renderArticleBody(article);
            articleCache.storeMarkdown(article, body);
          }
          return shownBody(ctx, article, body);
        }, pages);
      })());
      assertPublicFilesFit(publicFiles, new Set(pages.map((p) => p.output)));
      const fileKeys = async (outputs: Map<string, string>) => {
        for (const path of publicFiles) outputs.set(path, digest("public", path, await readFile(join(config.publicDir, path))));
        for (const [path, source] of media.copies) outputs.set(path, digest("media", path, await fileSignature(source)));
      };

      const previous = writer.previous();
      const pagesKey = keys.pages;
      // The search index's files are outputs like pages (src/search/): a patch of the live
      // index keeps most of their keys, so the writer shares those files instead of writing them.
      const wantSearch = options.search !== false && library.articles.length > 0;
      let search: PlannedIndex | undefined;
      let searchTime = 0;
      const timeSearch = async <T>(fn: () => Promise<T>): Promise<T> => {
        const searchStart = performance.now();
        try {
          return await fn();
        } finally {
          searchTime += performance.now() - searchStart;
        }
      };
      let outputs: Map<string, string>;
      let computed: number;
      let stale: Set<string>;
      let rendered: number;
      let pageThreads = 0;
      if (writer.startsFresh) {
        // Nothing to reuse: every page is rendered, and keyed from the same view as it goes.
        outputs = new Map();
        await writer.prepare(outputs);
        // Every article is loaded: saved now, the cache keeps only where bodies are while the
        // pages are rendered. A session's cache serves the next build's lookups, so it stays whole.
        if (!options.session) articleCache.settle();
        const threads = pageWorkers(pages.length, options.pageThreads);
        const env = await makeEnv(threads > 0 ? templatesInThreads : undefined);
        const every = await renderEveryPage(pages, env, keying, pagesKey, writer, config.templatesDir, threads);
        pageThreads = every.threads;
        pages.forEach((page, i) => outputs.set(page.output, every.keys[i]!));
        // Every page is written: what the cache and the cards hold is not needed again, but
        // for where each article's search content is (made while it was loaded).
        const searchContents = articleCache.closeForSearch();
        ctx.forgetCards();
        await fileKeys(outputs);
        try {
          // The folder is new, so threads may write the documents into it as page threads did.
          const direct = writer.directory === undefined ? undefined
            : { directory: writer.directory, where: searchContents.where, written: (path: string, stat: WrittenStat) => writer.recordWritten(path, stat) };
          if (wantSearch) search = await timeSearch(() => writeSearchIndex(library, config, writer, searchContents.content, direct));
        } finally {
          searchContents.done();
        }
        for (const [path, key] of search?.keys ?? []) outputs.set(path, key);
        state.related = library.articles.map((_, i) => relatedArticles(library, i, config.relatedCount));
        stale = new Set(outputs.keys());
        computed = rendered = pages.length;
        timings.keys = 0;
      } else {
        const vouch = reusableKeys(previous, state, library, config);
        const keyed = await pageKeys(pages, keying, pagesKey, vouch?.known);
        outputs = keyed.keys;
        computed = keyed.computed;
        // Same structure → same related lists; otherwise they were computed to vouch for
        // article pages, or every article page was just keyed (relatedArticles remembers them).
        state.related = vouch?.related ?? library.articles.map((_, i) => relatedArticles(library, i, config.relatedCount));
        await fileKeys(outputs);
        timings.keys = Math.round(performance.now() - start);
        if (wantSearch) {
          const live = previous && { dir: config.outDir, keys: previous.keys, state: (previous.state as IncrementalState | undefined)?.search };
          search = await timeSearch(() => planSearchIndex(library, config, live, (article) => articleCache.searchContent(article)));
        }
        for (const [path, key] of search?.keys ?? []) outputs.set(path, key);
        stale = await writer.prepare(outputs);
        const toRender = pages.filter((p) => stale.has(p.output));
        rendered = toRender.length;
        if (toRender.length) {
          const env = await makeEnv();
          await forEachLimit(toRender, RENDER_CONCURRENCY, async (page) => {
            await writer.write(page.output, await renderPage(page, env));
          });
        }
        if (search) await timeSearch(() => search!.write(writer, stale));
      }
      const copies = publicFiles.filter((p) => stale.has(p));
      await forEachLimit(copies, 16, (path) => writer.copyFile(join(config.publicDir, path), path));
      const mediaCopies = [...media.copies].filter(([path]) => stale.has(path));
      await forEachLimit(mediaCopies, 16, ([path, source]) => writer.copyFile(source, path));
      timings.render = Math.round(performance.now() - start);
      if (search) {
        state.search = search.state;
        result.searchPages = search.docs;
        timings.search = Math.round(searchTime);
      }
      const commitStart = performance.now();
      await writer.commit(state);
      timings.commit = Math.round(performance.now() - commitStart);
      if (writer.setAside) {
        result.diagnostics.push({ file: displayPath(config.outDir), line: 0, column: 0, rule: "output/set-aside", severity: "warning",
          message: `the output folder held files no earlier build of this project recorded; they were moved to ${displayPath(writer.setAside)}`,
          hint: "delete that folder once you know nothing in it is needed; if --out or outDir points at the wrong folder, correct it" });
      }
      return {
        ...result,
        ok: true,
        files: pages.length + publicFiles.length + media.copies.size,
        pages: pages.length,
        library,
        plan: pages,
        incremental: {
          cacheState: articleCache.state,
          articlesFromCache: loadStats.hits,
          articlesProcessed: loadStats.misses,
          pool: loadStats.pool,
          outputMode: writer.mode,
          pagesKeyed: computed,
          pagesRendered: rendered,
          pageThreads,
          filesReused: outputs.size - stale.size,
          ...(search && { search: search.mode, searchThreads: search.threads }),
          ...(options.session && { libraryPatched: options.session.libraries.patched }),
        },
      };
    } catch (error) {
      await writer.abort();
      throw error;
    }
  } finally {
    await early?.close();
    // The cache only ever holds verified per-article results, so it is worth keeping even
    // when the build failed on another article or in a template.
    if (cache) {
      cache.save();
      options.session?.keep(cache);
    }
  }
}

/** Manifests per output folder: `check --links` builds into a temporary one with the same cache. */
function manifestsOf(config: SiteConfig): string {
  return join(config.cacheDir, "outputs", digest(config.outDir).slice(0, 16));
}

/** Changed articles up to which the main thread loads Eleventy while they are processed. */
const PRELOAD_TEMPLATES_UP_TO = 1000;

/** Stands in for the templates on the main thread while page worker threads run them. */
const templatesInThreads: RenderEnv["templates"] = {
  render: () => {
    throw new DatelineError("a page was rendered on the main thread while its templates run in worker threads", { hint: "this is a bug in Dateline; please report it" });
  },
};
