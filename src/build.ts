import { join } from "node:path";
import { displayPath, loadConfig, type ConfigOverrides, type SiteConfig } from "./config.js";
import type { MarkdownResult } from "./content/markdown.js";
import { loadContent, type LoadedContent } from "./content/source.js";
import { compileRegistry } from "./entities/matcher.js";
import { readRegistry, type LoadedRegistry } from "./entities/registry.js";
import { DiagnosticBag, type Diagnostic } from "./diagnostics.js";
import { DatelineError } from "./errors.js";
import { buildLibrary, type Library, type PublishedArticle } from "./model/library.js";
import { ViewContext } from "./pages/context.js";
import { reportOutputCollisions } from "./pages/outputs.js";
import { planPages, type PlannedPage } from "./pages/plan.js";
import { renderPage, type RenderEnv } from "./render/page.js";
import { ImageCache } from "./render/images.js";
import { publishMedia, rewriteBodyMedia } from "./render/media.js";
import { buildSiteView } from "./render/site.js";
import { writeSearchIndex } from "./search/search-index.js";
import { forEachLimit } from "./util/concurrency.js";
import { DiskWriter } from "./write/disk.js";
import { assertPublicFilesFit, readPublicFiles } from "./write/public-files.js";
import type { Writer } from "./write/writer.js";
import type { BuildSession } from "./incremental/session.js";

/**
 * The orchestrator: load → validate → index → plan → render → write. Nothing is rendered
 * until every article is loaded and every check has passed, and nothing reaches the output
 * folder unless the whole build succeeds.
 */
export interface BuildOptions extends ConfigOverrides {
  /** Where pages go; defaults to the configured output folder, written atomically. */
  writer?: Writer;
  /**
   * "use" (the default when writing to the output folder): reuse cached articles and
   * unchanged output files; "refresh" (`--no-cache`): ignore the cache and rebuild it;
   * "off" (the default with a custom writer): the plain in-process pipeline.
   */
  cache?: CacheMode;
  /** Worker threads for loading and Markdown; 0 or 1 runs in-process. */
  workers?: number;
  /**
   * Worker threads that run the templates when every page is rendered (a cold build); 0 keeps
   * them on the main thread. By default one per core, up to 4, from 4,000 pages on.
   */
  pageThreads?: number;
  /** Write the search index (src/search/, default true); `check --links` needs none. */
  search?: boolean;
  /**
   * Told, before loading starts, how many articles the cached build must process rather than
   * take from the cache. The CLI chooses its garbage collection from it (src/util/heap.ts).
   */
  onArticlesToProcess?: (count: number) => void;
  /**
   * Kept by a process that builds the same site again and again (`dateline serve`): what one
   * build leaves for the next to reuse instead of reading it again (src/incremental/session.ts).
   */
  session?: BuildSession;
}

export type CacheMode = "use" | "refresh" | "off";

/** How a cached build went, for the CLI's summary and for tests. */
export interface IncrementalReport {
  cacheState: string;
  articlesFromCache: number;
  articlesProcessed: number;
  pool: "workers" | "in-process";
  outputMode: string;
  /** Pages whose key was computed rather than vouched for by the dependency map. */
  pagesKeyed: number;
  pagesRendered: number;
  /** Worker threads that ran the templates; 0 when pages were rendered on the main thread. */
  pageThreads: number;
  filesReused: number;
  /** How the search index was made: patched from the live one, or in full. */
  search?: "full" | "patch";
  /** Worker threads that read and wrote the search documents; 0 or absent: the main thread. */
  searchThreads?: number;
  /** In a session: whether the Library was made from the previous build's (library-memo.ts). */
  libraryPatched?: boolean;
}

/** Loads the content; the cached build swaps in a loader that uses the cache and workers. */
export type ContentLoader = (config: SiteConfig, bag: DiagnosticBag, registry: LoadedRegistry) => Promise<LoadedContent>;

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Files written (pages and copied public files); 0 when the build stopped. */
  files: number;
  pages: number;
  articles: number;
  /** Articles in the search index; undefined when no index was written. */
  searchPages?: number;
  timings: Record<string, number>;
  config: SiteConfig;
  /** The index and the plan the site was built from (for checks that run on the output). */
  library?: Library;
  plan?: PlannedPage[];
  incremental?: IncrementalReport;
}

export interface CheckedSite {
  ok: boolean;
  diagnostics: Diagnostic[];
  config: SiteConfig;
  library?: Library;
  pages?: PlannedPage[];
  /** The files under public/ the pages were checked against: what the build copies. */
  publicFiles?: string[];
  registry?: LoadedRegistry;
  timings: Record<string, number>;
}

/** Pages rendered at once: enough to overlap writes with rendering, few enough to bound memory. */
export const RENDER_CONCURRENCY = 8;

/** Loads and validates everything; writes nothing. `dateline check` is exactly this. */
export async function checkSite(options: ConfigOverrides & { session?: BuildSession } = {}, loader?: ContentLoader): Promise<CheckedSite> {
  const timings: Record<string, number> = {};
  const time = async <T>(phase: string, fn: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      timings[phase] = Math.round(performance.now() - start);
    }
  };
  const bag = new DiagnosticBag();
  const config = await time("config", () => loadConfig(options, bag));
  if (bag.hasErrors) return { ok: false, diagnostics: bag.list(), config, timings };
  const registry = await time("registry", () => readRegistry(config.contentDir, bag));
  const content = await time("load", () =>
    loader
      ? loader(config, bag, registry)
      : loadContent(config.contentDir, { timezone: config.timezone, registry: compileRegistry(registry.entries) }, bag),
  );
  const library = await time("index", () =>
    options.session ? options.session.libraries.build(content.articles, { ...config, registry }, bag) : buildLibrary(content.articles, { ...config, registry }, bag),
  );
  let publicFiles: string[] = [];
  const pages = await time("plan", async () => {
    const planned = planPages(library, config.pageSize, { sitemapLimit: config.sitemapLimit, now: config.now });
    // public/ is read here, not when it is copied: a redirect onto one of its files is the
    // article's mistake, reported at its redirect_from by check as well as by build.
    publicFiles = await readPublicFiles(config.publicDir);
    await reportOutputCollisions(planned, library, { dir: displayPath(config.publicDir), files: publicFiles }, bag);
    return planned;
  });
  return { ok: !bag.hasErrors, diagnostics: bag.list(), config, library, pages, publicFiles, registry, timings };
}

/** The result of a build that stopped after checking: nothing written yet. */
export function unfinishedResult(checked: CheckedSite): BuildResult {
  return {
    ok: false,
    diagnostics: checked.diagnostics,
    files: 0,
    pages: 0,
    articles: checked.library?.articles.length ?? 0,
    timings: checked.timings,
    config: checked.config,
  };
}

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const cache = options.cache ?? (options.writer ? "off" : "use");
  if (cache !== "off") {
    const { buildCached } = await import("./incremental/build-cached.js");
    return buildCached(options, cache);
  }
  const checked = await checkSite(options);
  const { config, timings } = checked;
  const result = unfinishedResult(checked);
  if (!checked.ok || !checked.library || !checked.pages || !checked.publicFiles) return result;
  const library = checked.library;
  const pages = checked.pages;
  const publicFiles = checked.publicFiles;

  const start = performance.now();
  // Imported when needed: Eleventy takes a noticeable share of a small rebuild to load.
  const { TemplateRenderer } = await import("./render/eleventy.js");
  const renderer = await TemplateRenderer.create(config.templatesDir);
  const writer = options.writer ?? (await DiskWriter.open(config.outDir));
  try {
    const ctx = new ViewContext(library, config);
    const mediaProblems = await publishSiteMedia(ctx, writer, timings);
    if (mediaProblems) {
      await writer.abort();
      return { ...result, diagnostics: [...result.diagnostics, ...mediaProblems] };
    }
    const { renderArticleBody } = await import("./content/body.js");
    const env = makeRenderEnv(ctx, renderer, async (article) => shownBody(ctx, article, await renderArticleBody(article)), pages);
    await forEachLimit(pages, RENDER_CONCURRENCY, async (page) => {
      await writer.write(page.output, await renderPage(page, env));
    });
    timings.render = Math.round(performance.now() - start);
    const copied = await copyPublic(config.publicDir, publicFiles, writer, new Set(pages.map((p) => p.output)));
    let searchPages: number | undefined;
    // With no articles there is nothing to search, and the search page says so.
    if (options.search !== false && library.articles.length > 0) {
      const searchStart = performance.now();
      searchPages = (await writeSearchIndex(library, config, writer)).docs;
      timings.search = Math.round(performance.now() - searchStart);
    }
    const commitStart = performance.now();
    await writer.commit();
    timings.commit = Math.round(performance.now() - commitStart);
    const done: BuildResult = { ...result, ok: true, files: pages.length + copied, pages: pages.length, library, plan: pages };
    if (searchPages !== undefined) done.searchPages = searchPages;
    return done;
  } catch (error) {
    await writer.abort();
    if (error instanceof DatelineError) throw error;
    throw new DatelineError(`the build failed while writing ${displayPath(config.outDir)}`, {
      cause: error,
      hint: "the previous output was left exactly as it was; fix the cause (disk space, permissions) and build again",
    });
  }
}

/**
 * Loads what a rebuild after an edit needs: the article pipeline (Markdown, entity
 * extraction) and the template engine, and with a session compiles the templates and runs
 * the pipeline once. A build whose articles all come from the cache loads neither, so a preview
 * server calls this once it is idle, and the editor's first save does not wait about a second
 * for modules to load.
 */
export async function prepareForEdits(session?: BuildSession, config?: SiteConfig): Promise<void> {
  const [, , eleventy, { templatesDigest }, { runArticleTask }] = await Promise.all([
    import("./content/body.js"),
    import("./incremental/build-cached.js"),
    import("./render/eleventy.js"),
    import("./cache/keys.js"),
    // What processes an edited article in-process: frontmatter, validation, entity extraction.
    import("./work/article-task.js"),
  ]);
  if (!session || !config) return;
  // With the session the rebuilds share, the templates are compiled now rather than after the first save.
  const digest = await templatesDigest(config.templatesDir);
  await session.templates(config.templatesDir, digest, () => eleventy.TemplateRenderer.create(config.templatesDir));
  // One article processed and thrown away, as the first save will process one: the registry's
  // matcher is compiled (and kept per registry digest) and the pipeline's code is compiled
  // by V8 now, not while the editor waits. Nothing is written or cached.
  const sample = session.libraries.anyArticle;
  if (!sample) return;
  const registry = await readRegistry(config.contentDir, new DiagnosticBag());
  const file = { absolutePath: sample.sourcePath, contentPath: sample.id, displayPath: sample.file };
  await runArticleTask({ file, timezone: config.timezone, registry: { digest: registry.digest, entries: registry.entries } });
}

/**
 * Everything pages share, built once per build. The one place it is assembled, so the cached
 * build (incremental/build-cached.ts) renders and keys pages with exactly the same values.
 */
export function makeRenderEnv(
  ctx: ViewContext,
  templates: RenderEnv["templates"],
  renderBody: RenderEnv["renderBody"],
  pages: RenderEnv["pages"],
): RenderEnv {
  return { ctx, site: buildSiteView(ctx), templates, renderBody, pages };
}

/**
 * Publishes the articles' images and files through `target` and gives `ctx` their sizes,
 * before any page is rendered: pages need them. Returns the problems when there are errors.
 */
export async function publishSiteMedia(ctx: ViewContext, target: Writer, timings: Record<string, number>): Promise<Diagnostic[] | undefined> {
  const start = performance.now();
  const bag = new DiagnosticBag();
  ctx.media = await publishMedia(ctx, target, new ImageCache(ctx.config.cacheDir), bag);
  timings.media = Math.round(performance.now() - start);
  return bag.hasErrors ? bag.list() : undefined;
}

/** A rendered body as its page shows it: entities linked to their pages, images to their copies. */
export function shownBody(ctx: ViewContext, article: PublishedArticle, body: MarkdownResult): MarkdownResult {
  return { ...body, html: rewriteBodyMedia(ctx.linkEntities(article, body.html), ctx.media.get(article.id)) };
}

/** Copies public/ as is. A public file may not replace a generated page. */
async function copyPublic(publicDir: string, entries: readonly string[], writer: Writer, generated: Set<string>): Promise<number> {
  assertPublicFilesFit(entries, generated);
  await forEachLimit(entries, 16, (path) => writer.copyFile(join(publicDir, path), path));
  return entries.length;
}
