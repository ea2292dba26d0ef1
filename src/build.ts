import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { displayPath, loadConfig, type ConfigOverrides, type SiteConfig } from "./config.js";
import { renderMarkdown } from "./content/markdown.js";
import { loadContent, readBody } from "./content/source.js";
import { compileRegistry } from "./entities/matcher.js";
import { readRegistry, type LoadedRegistry } from "./entities/registry.js";
import { DiagnosticBag, type Diagnostic } from "./diagnostics.js";
import { DatelineError } from "./errors.js";
import { buildLibrary, type Library } from "./model/library.js";
import { ViewContext } from "./pages/context.js";
import { planPages, reportOutputCollisions, type PlannedPage } from "./pages/plan.js";
import { TemplateRenderer } from "./render/eleventy.js";
import { renderPage, type RenderEnv } from "./render/page.js";
import { ImageCache } from "./render/images.js";
import { publishMedia, rewriteBodyMedia } from "./render/media.js";
import { buildSiteView } from "./render/site.js";
import { forEachLimit } from "./util/concurrency.js";
import { DiskWriter } from "./write/disk.js";
import type { Writer } from "./write/writer.js";

/**
 * The orchestrator: load → validate → index → plan → render → write. Nothing is rendered
 * until every article is loaded and every check has passed, and nothing reaches the output
 * folder unless the whole build succeeds.
 */
export interface BuildOptions extends ConfigOverrides {
  /** Where pages go; defaults to an atomic DiskWriter on the configured output folder. */
  writer?: Writer;
}

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Files written (pages and copied public files); 0 when the build stopped. */
  files: number;
  pages: number;
  articles: number;
  timings: Record<string, number>;
  config: SiteConfig;
  /** The index and the plan the site was built from (for checks that run on the output). */
  library?: Library;
  plan?: PlannedPage[];
}

export interface CheckedSite {
  ok: boolean;
  diagnostics: Diagnostic[];
  config: SiteConfig;
  library?: Library;
  pages?: PlannedPage[];
  registry?: LoadedRegistry;
  timings: Record<string, number>;
}

/** Pages rendered at once: enough to overlap writes with rendering, few enough to bound memory. */
const RENDER_CONCURRENCY = 8;

/** Loads and validates everything; writes nothing. `dateline check` is exactly this. */
export async function checkSite(options: ConfigOverrides = {}): Promise<CheckedSite> {
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
    loadContent(config.contentDir, { timezone: config.timezone, registry: compileRegistry(registry.entries) }, bag),
  );
  const library = await time("index", () => buildLibrary(content.articles, { ...config, registry }, bag));
  const pages = await time("plan", () => {
    const planned = planPages(library, config.pageSize, { sitemapLimit: config.sitemapLimit, now: config.now });
    reportOutputCollisions(planned, library, bag);
    return planned;
  });
  return { ok: !bag.hasErrors, diagnostics: bag.list(), config, library, pages, registry, timings };
}

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const checked = await checkSite(options);
  const { config, timings } = checked;
  const result: BuildResult = {
    ok: false,
    diagnostics: checked.diagnostics,
    files: 0,
    pages: 0,
    articles: checked.library?.articles.length ?? 0,
    timings,
    config,
  };
  if (!checked.ok || !checked.library || !checked.pages) return result;
  const library = checked.library;
  const pages = checked.pages;

  const start = performance.now();
  const renderer = await TemplateRenderer.create(config.templatesDir);
  const writer = options.writer ?? (await DiskWriter.open(config.outDir));
  try {
    const ctx = new ViewContext(library, config);
    const mediaStart = performance.now();
    const mediaBag = new DiagnosticBag();
    ctx.media = await publishMedia(ctx, writer, new ImageCache(config.cacheDir), mediaBag);
    timings.media = Math.round(performance.now() - mediaStart);
    if (mediaBag.hasErrors) {
      await writer.abort();
      return { ...result, diagnostics: [...result.diagnostics, ...mediaBag.list()] };
    }
    const env: RenderEnv = {
      ctx,
      site: buildSiteView(ctx),
      templates: renderer,
      // The entity links come from the registry: a cache of this HTML keys on library.registryDigest too.
      renderBody: async (article) => {
        const text = await readBody(article);
        let body: Awaited<ReturnType<typeof renderMarkdown>>;
        try {
          body = await renderMarkdown(text, { entityLinks: ctx.entityLinks(article) });
        } catch (error) {
          // Content is checked before rendering, but a Markdown shape remark cannot handle
          // must still name its article rather than surface as a bare stack overflow.
          throw new DatelineError(`${article.file}: the Markdown body could not be rendered: ${(error as Error).message}`, {
            cause: error,
            hint: "simplify the deepest nesting or the longest run of markup in this article; nothing was written",
          });
        }
        return { ...body, html: rewriteBodyMedia(body.html, ctx.media.get(article.id)) };
      },
      pages,
    };
    await forEachLimit(pages, RENDER_CONCURRENCY, async (page) => {
      await writer.write(page.output, await renderPage(page, env));
    });
    timings.render = Math.round(performance.now() - start);
    const copied = await copyPublic(config.publicDir, writer, new Set(pages.map((p) => p.output)));
    const commitStart = performance.now();
    await writer.commit();
    timings.commit = Math.round(performance.now() - commitStart);
    return { ...result, ok: true, files: pages.length + copied, pages: pages.length, library, plan: pages };
  } catch (error) {
    await writer.abort();
    if (error instanceof DatelineError) throw error;
    throw new DatelineError(`the build failed while writing ${displayPath(config.outDir)}`, {
      cause: error,
      hint: "the previous output was left exactly as it was; fix the cause (disk space, permissions) and build again",
    });
  }
}

/** Copies public/ as is. A public file may not replace a generated page. */
async function copyPublic(publicDir: string, writer: Writer, generated: Set<string>): Promise<number> {
  let entries: string[];
  try {
    entries = (await readdir(publicDir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => relative(publicDir, join(e.parentPath, e.name)).split(sep).join("/"))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
  const clashes = entries.filter((e) => generated.has(e));
  if (clashes.length) {
    throw new DatelineError(`public/ files would overwrite generated pages: ${clashes.join(", ")}`, {
      hint: "rename or remove those files in public/",
    });
  }
  await forEachLimit(entries, 16, (path) => writer.copyFile(join(publicDir, path), path));
  return entries.length;
}
