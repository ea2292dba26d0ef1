import { digest } from "../util/digest.js";
import type { Article } from "./article.js";

/**
 * Fields that only show up where the article itself is shown (its page and its cards) and
 * never change the Library's shape. Every other field — including any added later — counts
 * as structure, so forgetting to list one here costs speed, never correctness.
 */
export const DISPLAY_FIELDS: ReadonlySet<string> = new Set([
  "title", "summary", "excerpt", "digest", "wordCount", "image", "corrections", "canonical", "updated",
  "bodyLine", "fieldLines", "sourcePath", "file",
]);

/**
 * Digest of an article's structural fields, made once where the article is loaded (a worker
 * thread) and cached with it, so an incremental build compares 10,000 short strings instead
 * of serialising the whole Library. `media` is left out: it is resolved after loading, against
 * the other files of the content folder, and the incremental build digests it separately.
 */
export function articleStructure(article: Omit<Article, "structure">): string {
  const structural: Record<string, unknown> = {};
  for (const key of Object.keys(article).sort()) {
    if (!DISPLAY_FIELDS.has(key) && key !== "media") structural[key] = article[key as keyof typeof article];
  }
  return digest(JSON.stringify(structural));
}
