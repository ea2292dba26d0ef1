import type { DiagnosticBag } from "../diagnostics.js";
import type { PublishedArticle } from "./library.js";

/**
 * Two articles claiming one URL would silently overwrite each other, so every claim is
 * checked before anything is rendered, and each file involved is named (Zola gathers path
 * collisions the same way). Paths are compared after decoding, NFC and case folding: `/A/`
 * and `/a/` are different URLs but one file on the case-insensitive disks editors use.
 * Redirects (`redirect_from`) are checked with every other page in pages/plan.ts.
 */
export function reportArticleCollisions(articles: readonly PublishedArticle[], bag: DiagnosticBag): void {
  const byUrl = group(articles.map((a) => ({ key: pathKey(a.url), item: a })));
  for (const [, same] of byUrl) {
    if (same.length < 2) continue;
    const files = same.map((a) => a.file).sort();
    for (const a of same) {
      bag.error(a.file, { line: a.fieldLines.slug || a.fieldLines.title || 1, column: 1 }, "collision/article-url",
        `${same.length} articles would be published at ${a.url}: ${files.join(", ")}`,
        "give one of them another slug (slug: another-slug) or rename its file");
    }
  }
}

function pathKey(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // keep as written
  }
  return decoded.normalize("NFC").toLowerCase();
}

function group<T>(entries: { key: string; item: T }[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const { key, item } of entries) {
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}
