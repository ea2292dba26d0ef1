import { ArticleCache } from "../cache/article-cache.js";

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
 * kind of edit.
 */
export class BuildSession {
  #cache: ArticleCache | undefined;

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
