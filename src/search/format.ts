import { routes } from "../model/routes.js";
import { DOC_ID_LENGTH } from "./ids.js";
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
  return serializeDocWithText(doc, JSON.stringify(doc.text));
}

/**
 * The same bytes from the text already in JSON (`textJson`, a JSON string literal), as the
 * article cache keeps it: JSON.stringify of an object is its members' serializations in order,
 * so a 5 KB text is not parsed and escaped again for every document of a full index.
 */
export function serializeDocWithText(doc: Omit<DocRecord, "text">, textJson: string): string {
  return `{"url":${JSON.stringify(doc.url)},"title":${JSON.stringify(doc.title)},"date":${JSON.stringify(doc.date)},"year":${JSON.stringify(doc.year)},"text":${textJson}}\n`;
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

/** One posting as its entry in the encoded list: the id, then `:tf` unless tf is 1. */
export function encodeEntry(id: string, tf: number): string {
  return tf === 1 ? id : `${id}:${tf}`;
}

/** Postings sorted by id, as their string. */
export function encodePostings(postings: readonly Posting[]): string {
  return postings.map(([id, tf]) => encodeEntry(id, tf)).join(" ");
}

export function decodePostings(text: string): Posting[] {
  if (text === "") return [];
  return text.split(" ").map((p): Posting => {
    const colon = p.indexOf(":");
    return colon < 0 ? [p, 1] : [p.slice(0, colon), Number(p.slice(colon + 1))];
  });
}

/**
 * Encoded postings without the documents in `dropped` and with `added` merged in, without
 * decoding the rest: a common term has a posting for most documents, and an edit changes
 * a few hundred terms. Each entry starts with its fixed-length id, so ids order entries.
 */
export function patchPostings(encoded: string, dropped: ReadonlySet<string>, added: readonly Posting[]): string {
  const extra = [...added].sort(([a], [b]) => byCodeUnits(a, b));
  // An edit drops and adds a document or two: each is found by binary search in the text,
  // instead of splitting 10,000 entries per term (tens of megabytes of garbage per rebuild).
  if (dropped.size + extra.length <= FEW_CHANGES) return patchFew(encoded, dropped, extra);
  let entries = encoded === "" ? [] : encoded.split(" ");
  if (dropped.size > 0) entries = entries.filter((e) => !dropped.has(e.slice(0, DOC_ID_LENGTH)));
  const extraEntries = extra.map(([id, tf]) => encodeEntry(id, tf));
  const merged: string[] = [];
  let i = 0;
  let j = 0;
  while (i < entries.length || j < extraEntries.length) {
    if (j >= extraEntries.length || (i < entries.length && entries[i]!.slice(0, DOC_ID_LENGTH) < extra[j]![0])) merged.push(entries[i++]!);
    else merged.push(extraEntries[j++]!);
  }
  return merged.join(" ");
}

const FEW_CHANGES = 32;

/** patchPostings for a few changes: the same result, found by binary search. */
function patchFew(text: string, dropped: ReadonlySet<string>, extra: readonly Posting[]): string {
  const ids = [...new Set([...dropped, ...extra.map(([id]) => id)])].sort(byCodeUnits);
  const parts: string[] = [];
  let cursor = 0;
  let next = 0;
  for (const id of ids) {
    const at = firstEntryFrom(text, id, cursor);
    if (at > cursor) parts.push(text.slice(cursor, at === text.length ? at : at - 1));
    cursor = at;
    if (dropped.has(id) && at < text.length && text.startsWith(id, at)) {
      const end = text.indexOf(" ", at);
      cursor = end < 0 ? text.length : end + 1;
    }
    while (next < extra.length && extra[next]![0] === id) parts.push(encodeEntry(id, extra[next++]![1]));
  }
  if (cursor < text.length) parts.push(text.slice(cursor));
  return parts.join(" ");
}

/**
 * Where the first entry at or after `from` (an entry's start) whose id is not below `id`
 * starts; the text's length when there is none. A position stands for the entry it is in,
 * the space before an entry counting as that entry's, so "that entry's id ≥ id" only turns
 * from false to true once along the text.
 */
function firstEntryFrom(text: string, id: string, from: number): number {
  let lo = from;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = text.lastIndexOf(" ", mid) + 1;
    if (text.slice(start, start + DOC_ID_LENGTH) >= id) hi = mid;
    else lo = mid + 1;
  }
  return lo === text.length ? lo : text.lastIndexOf(" ", lo) + 1;
}

/** Rows of term and encoded postings, in any order. Terms without postings are left out. */
export function serializeShard(rows: Iterable<readonly [string, string]>): string {
  const sorted = [...rows].filter(([, postings]) => postings !== "").sort(([a], [b]) => byCodeUnits(a, b));
  return `{"terms":[${sorted.map((r) => JSON.stringify(r)).join(",\n")}]}\n`;
}

/** term → encoded postings; a patch decodes only the terms it changes. */
export function parseShard(text: string): Map<string, string> {
  const parsed = JSON.parse(text) as { terms?: unknown };
  if (!Array.isArray(parsed.terms)) throw new MalformedIndexFile("not a search shard");
  const terms = new Map<string, string>();
  for (const row of parsed.terms as unknown[]) {
    if (!Array.isArray(row) || typeof row[0] !== "string" || typeof row[1] !== "string") throw new MalformedIndexFile("bad shard row");
    terms.set(row[0], row[1]);
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
