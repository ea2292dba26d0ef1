import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { DiagnosticBag } from "../diagnostics.js";
import { digest } from "../util/digest.js";
import { DatelineError } from "../errors.js";
import { forEachLimit } from "../util/concurrency.js";
import type { Article } from "./article.js";
import type { MediaRef } from "./media.js";
import { discoverContent, type ContentFiles } from "./discover.js";
import { frontmatterBody } from "./frontmatter.js";
import { loadArticle, type LoadOptions } from "./load.js";
import { reportUnusedMedia, resolveMedia } from "./media.js";
import { decodeArticle } from "./read.js";

/** Reading many small files is latency-bound: keep several reads in flight. */
const READ_CONCURRENCY = 32;

export interface LoadedContent {
  files: ContentFiles;
  articles: Article[];
}

/** Finds, reads, parses and validates every article; problems go to `bag`. */
export async function loadContent(contentDir: string, options: Omit<LoadOptions, "parse">, bag: DiagnosticBag): Promise<LoadedContent> {
  const files = await discoverContent(contentDir, bag);
  // Loaded here, not imported by the module: the cached build uses this module without remark.
  const { parseBody } = await import("./body.js");
  const loadOptions: LoadOptions = { ...options, parse: parseBody };
  const loaded: (Article | undefined)[] = new Array(files.articles.length);
  await forEachLimit(files.articles, READ_CONCURRENCY, async (file, i) => {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file.absolutePath);
    } catch (error) {
      bag.error(file.displayPath, undefined, "file/unreadable", `cannot read the file: ${(error as Error).message}`,
        "check that the file exists and is readable");
      return;
    }
    loaded[i] = loadArticle(file, bytes, loadOptions, bag);
  });
  const articles = loaded.filter((a): a is Article => a !== undefined);
  resolveArticleMedia(files, articles, bag);
  return { files, articles };
}

/** Links each article's media references to the files beside it; shared with the cached loader. */
export function resolveArticleMedia(files: ContentFiles, articles: Article[], bag: DiagnosticBag): void {
  const assets = new Map(files.assets.map((f) => [f.contentPath, f]));
  for (const article of articles) {
    const media = resolveMedia(article, article.mediaRefs, assets, bag);
    // Kept as the same array when nothing changed: a serve session tells an article it can
    // reuse from one that changed by identity (incremental/library-memo.ts).
    if (!sameMedia(article.media, media)) article.media = media;
  }
  // Only when every article loaded: a file used by a broken article is not unused.
  if (articles.length === files.articles.length) reportUnusedMedia(articles, files.assets, bag);
}

function sameMedia(before: readonly MediaRef[] | undefined, after: readonly MediaRef[]): boolean {
  return before !== undefined && before.length === after.length && (after.length === 0 || JSON.stringify(before) === JSON.stringify(after));
}

/**
 * The Markdown body of an article, read again at render time so bodies never sit in memory
 * all at once. The digest check catches a file edited between loading and rendering.
 */
export async function readBody(article: Pick<Article, "sourcePath" | "digest" | "file">): Promise<string> {
  // Synchronous for the reason page writes are (write/generations.ts): an article is a few KB,
  // and a promise round trip per step costs more than the read. Mostly runs on worker threads.
  const decoded = decodeArticle(readFileSync(article.sourcePath));
  if (!decoded.ok || digest(decoded.text) !== article.digest) {
    throw new DatelineError(`${article.file} changed while the site was being built`, {
      hint: "run the build again once the edit is saved",
    });
  }
  return frontmatterBody(decoded.text);
}
