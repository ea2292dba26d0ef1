import { routes } from "../model/routes.js";
import { searchTokenizer } from "./tokenize.js";

/**
 * The search index's files and their exact bytes. Every file is a canonical serialization of
 * its contents (sorted keys, sorted terms, postings sorted by doc id, no floating values), so
 * the same archive always gives byte-identical files however the index was reached: a full
 * build, a patch of the previous index, or either after any series of edits.
 *
 *   meta.json                   counts, the shard list, filter values → files
 *   tokenize.js                 the tokenizer, for the browser (tokenize.ts)
 *   docs/<id:2>/<id>.json       one article: url, title, date, year, plain text for excerpts
 *   terms/<shard>.json          the terms starting with one 3-character prefix, with postings
 *   filters/<filter>/<v>.json   the doc ids of one filter value, newest first
 *
 * Postings of a term are one string: `id` or `id:tf` (tf omitted when 1), space-separated.
 * Strings parse faster in a browser than arrays of arrays and keep the files small.
 */
export const SEARCH_BUNDLE_DIR = routes.searchBundle().replace(/^\/|\/$/g, "");
export const INDEX_FORMAT = 1;

const tokenizer = searchTokenizer();

export const searchPaths = {
  meta: () => `${SEARCH_BUNDLE_DIR}/meta.json`,
  tokenizer: () => `${SEARCH_BUNDLE_DIR}/tokenize.js`,
  doc: (id: string) => `${SEARCH_BUNDLE_DIR}/docs/${id.slice(0, 2)}/${id}.json`,
  shard: (shard: string) => `${SEARCH_BUNDLE_DIR}/terms/${tokenizer.shardFile(shard)}`,
  filter: (key: string, file: string) => `${SEARCH_BUNDLE_DIR}/filters/${key}/${file}.json`,
  /** The part of a path the client asks for, relative to the bundle. */
  relative: (path: string) => path.slice(SEARCH_BUNDLE_DIR.length + 1),
} as const;

export const isShardPath = (path: string) => path.startsWith(`${SEARCH_BUNDLE_DIR}/terms/`);
export const isDocPath = (path: string) => path.startsWith(`${SEARCH_BUNDLE_DIR}/docs/`);

/** A file of the index that is not what Dateline writes (a patch then rebuilds in full). */
export class MalformedIndexFile extends Error {}

export interface DocRecord {
  url: string;
  title: string;
  date: string;
  year: number;
  text: string;
}

export function serializeDoc(doc: DocRecord): string {
  return `${JSON.stringify({ url: doc.url, title: doc.title, date: doc.date, year: doc.year, text: doc.text })}\n`;
}

export function parseDoc(text: string): DocRecord {
  const doc = JSON.parse(text) as Partial<DocRecord>;
  if (typeof doc.url !== "string" || typeof doc.title !== "string" || typeof doc.text !== "string") {
    throw new MalformedIndexFile("not a search document");
  }
  return doc as DocRecord;
}

/** A posting: doc id and term frequency. */
export type Posting = readonly [id: string, tf: number];

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `terms` in any order; each term's postings sorted by id. Empty terms are left out. */
export function serializeShard(terms: Iterable<readonly [string, readonly Posting[]]>): string {
  const sorted = [...terms].filter(([, postings]) => postings.length > 0).sort(([a], [b]) => byCodeUnits(a, b));
  const rows = sorted.map(([term, postings]) => [term, postings.map(([id, tf]) => (tf === 1 ? id : `${id}:${tf}`)).join(" ")]);
  return `{"terms":[${rows.map((r) => JSON.stringify(r)).join(",\n")}]}\n`;
}

export function parseShard(text: string): Map<string, Posting[]> {
  const parsed = JSON.parse(text) as { terms?: unknown };
  if (!Array.isArray(parsed.terms)) throw new MalformedIndexFile("not a search shard");
  const terms = new Map<string, Posting[]>();
  for (const row of parsed.terms as unknown[]) {
    if (!Array.isArray(row) || typeof row[0] !== "string" || typeof row[1] !== "string") throw new MalformedIndexFile("bad shard row");
    terms.set(row[0], row[1].split(" ").map((p: string): Posting => {
      const colon = p.indexOf(":");
      return colon < 0 ? [p, 1] : [p.slice(0, colon), Number(p.slice(colon + 1))];
    }));
  }
  return terms;
}

/** One filter value's documents, newest first. */
export function serializeFilter(ids: readonly string[]): string {
  return `${JSON.stringify({ ids: ids.join(" ") })}\n`;
}

export interface MetaFile {
  format: number;
  docs: number;
  shardPrefix: number;
  /** Every shard (term prefix) that has terms, sorted: the client expands short prefixes. */
  shards: string[];
  /** filter key → shown value → file (relative to the bundle). */
  filters: Record<string, Record<string, string>>;
}

export function serializeMeta(meta: MetaFile): string {
  const filters: Record<string, Record<string, string>> = {};
  for (const key of Object.keys(meta.filters).sort(byCodeUnits)) {
    const values = meta.filters[key]!;
    // Values that look like integers (years) are ordered by JSON.stringify itself: still canonical.
    filters[key] = Object.fromEntries(Object.keys(values).sort(byCodeUnits).map((v) => [v, values[v]!]));
  }
  const body = {
    format: meta.format,
    docs: meta.docs,
    shardPrefix: meta.shardPrefix,
    shards: [...meta.shards].sort(byCodeUnits),
    filters,
  };
  return `${JSON.stringify(body)}\n`;
}

export { byCodeUnits };
