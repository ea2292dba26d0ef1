import { ArticleCache } from "../cache/article-cache.js";
import type { TemplateRenderer } from "../render/eleventy.js";
import { LibraryMemo } from "./library-memo.js";

/**
 * What a long-running process (`dateline serve`) keeps from one build to the next, so that a
 * rebuild after an edit does not read again what the previous build just wrote. At 10,000
 * articles, reading the article cache's index is about a third of a second of every rebuild.
 *
 * Only what can be checked is kept: the article cache is reused when its index file on disk is
 * still the one this process wrote (see ArticleCache.continues), so a build run elsewhere
 * meanwhile makes the next rebuild read the cache from disk again. Cached articles are shared
 * by consecutive builds, which relies on no build step changing an article in place: the
 * Library copies each article before adding to it (model/library.ts), and
 * tests/incremental.test.ts holds a session's builds to a cold build's bytes through every
 * kind of edit. The compiled templates are kept while the template folder's digest (every
 * file's name and bytes) stays the same: making the renderer and compiling a layout again
 * was a tenth of a second or more of each rebuild. The Library is made from the last one when
 * no article changed in what it is made of (library-memo.ts).
 */
export class BuildSession {
  readonly libraries = new LibraryMemo();
  #cache: ArticleCache | undefined;
  #templates: { dir: string; digest: string; renderer: Promise<TemplateRenderer> } | undefined;

  /** The renderer for these templates: the kept one, or one `create` makes and this keeps. */
  templates(dir: string, digest: string, create: () => Promise<TemplateRenderer>): Promise<TemplateRenderer> {
    const kept = this.#templates;
    if (kept && kept.dir === dir && kept.digest === digest) return kept.renderer;
    const renderer = create();
    this.#templates = { dir, digest, renderer };
    // A renderer that failed (a template with a syntax error) is made again on the next build.
    renderer.catch(() => {
      if (this.#templates?.renderer === renderer) this.#templates = undefined;
    });
    return renderer;
  }

  /** The kept cache when it can serve this build, else the cache as `ArticleCache.open` reads it. */
  articleCache(dir: string, key: string, refresh: boolean): ArticleCache {
    const kept = this.#cache;
    this.#cache = undefined;
    if (!refresh && kept?.continues(dir, key)) {
      kept.resume();
      return kept;
    }
    return ArticleCache.open(dir, key, refresh);
  }

  /** Keeps a cache that a build has saved, for the next build. */
  keep(cache: ArticleCache): void {
    this.#cache = cache;
  }
}
