import { readFileSync } from "node:fs";
import { articleRecord, type Article } from "../content/article.js";
import { discoverContent, type SourceFile } from "../content/discover.js";
import { decodeArticle } from "../content/read.js";
import { digest } from "../util/digest.js";
import { resolveArticleMedia, type LoadedContent } from "../content/source.js";
import type { DiagnosticBag } from "../diagnostics.js";
import type { ArticleTask } from "../work/article-task.js";
import type { ArticlePool, PoolMode } from "../work/pool.js";
import type { ArticleCache } from "./article-cache.js";
import { statSignature } from "./article-index.js";

/**
 * Loading with the cache: files whose stat signature is unchanged come straight from the
 * cache (metadata, warnings and HTML); the rest go through the worker pool, which loads,
 * validates and renders them in one pass, and their results are cached. The result is the
 * same as `loadContent` plus HTML for every article, whichever path each file took.
 */
export interface CachedLoadStats {
  hits: number;
  misses: number;
  /** Where the changed articles were processed. */
  pool: PoolMode;
}

export async function loadContentCached(
  contentDir: string,
  timezone: string,
  registry: ArticleTask["registry"],
  bag: DiagnosticBag,
  cache: ArticleCache,
  pool: ArticlePool,
  /** Told how many files need processing before the work starts. */
  onMisses: (count: number) => void = () => undefined,
): Promise<LoadedContent & { stats: CachedLoadStats }> {
  const files = await discoverContent(contentDir, bag);
  // Synchronous: a stat is a few microseconds, while a promise and a trip through the thread
  // pool per file cost more than that on every warm build of a large archive.
  // A file gone or unreadable since it was listed is processed again, and reading it says why.
  const sigs = files.articles.map((file) => statSignature(file.absolutePath) ?? "missing");
  const loaded: (Article | undefined)[] = new Array(files.articles.length);
  const tasks: ArticleTask[] = [];
  const taskIndex: number[] = [];
  files.articles.forEach((file, i) => {
    const hit = cache.lookup(file, sigs[i]!) ?? cache.revalidate(file, sigs[i]!, () => textDigest(file));
    if (hit) {
      bag.addAll(hit.diagnostics);
      loaded[i] = hit.article;
    } else {
      tasks.push({ file, timezone, registry });
      taskIndex.push(i);
    }
  });
  onMisses(tasks.length);
  const ranIn = await pool.run(tasks, (result, t) => {
    const i = taskIndex[t]!;
    bag.addAll(result.diagnostics);
    if (result.article) {
      const file = files.articles[i]!;
      // Rebuilt as a literal: a structured clone would keep a hidden class of its own.
      const article = articleRecord(result.article);
      // The worker's copies of the file's paths equal discovery's, which the cache entry
      // keeps too: one copy of each (about 200 bytes an article).
      if (article.id === file.contentPath) article.id = file.contentPath;
      if (article.sourcePath === file.absolutePath) article.sourcePath = file.absolutePath;
      if (article.file === file.displayPath) article.file = file.displayPath;
      loaded[i] = article;
      cache.store(file, sigs[i]!, article, result.diagnostics, result.body, result.search);
    }
  });
  const articles = loaded.filter((a): a is Article => a !== undefined);
  // Media depend on the files beside each article, not only on its text: resolved every build.
  resolveArticleMedia(files, articles, bag);
  return {
    files,
    articles,
    stats: { hits: files.articles.length - tasks.length, misses: tasks.length, pool: ranIn },
  };
}

/** The digest of a file's text as loading makes it, or undefined when it cannot be read as text. */
function textDigest(file: SourceFile): string | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file.absolutePath);
  } catch {
    return undefined; // processed again, and reading it there reports why
  }
  const decoded = decodeArticle(bytes);
  return decoded.ok ? digest(decoded.text) : undefined;
}
