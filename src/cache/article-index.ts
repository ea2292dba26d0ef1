import { readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Article } from "../content/article.js";
import type { MarkdownResult } from "../content/markdown.js";
import type { Diagnostic } from "../diagnostics.js";
import { digest } from "../util/digest.js";
import type { PackRef } from "./html-pack.js";
import { CACHE_FORMAT_VERSION } from "./keys.js";

/**
 * The article cache's files on disk (cache/article-cache.ts keeps them in memory): the index
 * `articles.json`, a header line (format, version, sha256 of the rest) and a body naming the
 * HTML pack and each shard with the sha256 of its contents. Anything that does not check out
 * is reported as corrupt, never half-read.
 */
export const INDEX_FILE = "articles.json";
export const FORMAT = "dateline-article-cache";

export interface Entry {
  key: string;
  sig: string;
  path: string;
  shown: string;
  article: Article;
  diagnostics: Diagnostic[];
  /** The rendered body (a pure function of the file, like the article). */
  body?: { headings: MarkdownResult["headings"]; html: PackRef };
  /** Its search document's content (search/docs.ts DocContent) as JSON in the pack. */
  search?: PackRef;
}

export interface IndexBody {
  pack: string;
  /** Shard number → [file name, sha256 of its contents]; empty shards are left out. */
  shards: Record<string, [string, string]>;
}

export type IndexRead = { ok: true; body: IndexBody; entries: [string, Entry][]; sig: string | undefined } | { ok: false; reason: "missing" | "corrupt" | "version" };

/** Inode, size and times in nanoseconds: a file rewritten by anyone else has another one. */
export function statSignature(path: string): string | undefined {
  try {
    const s = statSync(path, { bigint: true });
    // Joined rather than a template literal: one flat string, not a chain of five
    // concatenations (~300 bytes instead of ~80), and every cached article keeps one.
    return [s.ino, s.size, s.mtimeNs, s.ctimeNs].join(":");
  } catch {
    return undefined;
  }
}

export function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

export function readIndex(dir: string): IndexRead {
  let text: string;
  // Taken before the read: a file replaced in between then fails `continues`, never the reverse.
  const sig = statSignature(join(dir, INDEX_FILE));
  try {
    text = readFileSync(join(dir, INDEX_FILE), "utf8");
  } catch {
    return { ok: false, reason: "missing" };
  }
  try {
    const newline = text.indexOf("\n");
    const header = JSON.parse(text.slice(0, newline)) as { format?: unknown; version?: unknown; sha256?: unknown };
    if (header.format !== FORMAT) return { ok: false, reason: "corrupt" };
    if (header.version !== CACHE_FORMAT_VERSION) return { ok: false, reason: "version" };
    const rest = text.slice(newline + 1);
    if (newline < 0 || digest(rest) !== header.sha256) return { ok: false, reason: "corrupt" };
    const body = JSON.parse(rest) as IndexBody;
    if (typeof body.pack !== "string" || !/^html-[\w-]+\.pack$/.test(body.pack) || typeof body.shards !== "object" || !body.shards) return { ok: false, reason: "corrupt" };
    const entries: [string, Entry][] = [];
    for (const [shard, record] of Object.entries(body.shards)) {
      if (!Array.isArray(record) || !/^shard-[0-9a-f]{2}-[0-9a-f]{16}\.json$/.test(String(record[0])) || !String(record[0]).startsWith(`shard-${shard}-`)) {
        return { ok: false, reason: "corrupt" };
      }
      // One damaged shard and nothing is trusted: the cache is rebuilt, as for a damaged index.
      const shardText = readFileSync(join(dir, record[0]), "utf8");
      if (digest(shardText) !== record[1]) return { ok: false, reason: "corrupt" };
      const list = JSON.parse(shardText) as [string, Entry][];
      if (!Array.isArray(list)) return { ok: false, reason: "corrupt" };
      for (const item of list) entries.push(item);
    }
    return { ok: true, body, entries, sig };
  } catch {
    return { ok: false, reason: "corrupt" };
  }
}
