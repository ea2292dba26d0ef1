import { CODE_DIGEST } from "../cache/keys.js";
import type { SiteConfig } from "../config.js";
import type { Library } from "../model/library.js";
import { digest } from "../util/digest.js";
import type { Writer } from "../write/writer.js";
import { docFingerprint, settingsKey } from "./docs.js";
import { filterIndex, type FilterIndex } from "./filters.js";
import { INDEX_FORMAT, searchPaths, serializeMeta } from "./format.js";
import { assignDocIds } from "./ids.js";
import { searchTokenizer, tokenizerModule, type SearchTokenizer } from "./tokenize.js";

export type IndexConfig = Pick<SiteConfig, "pathPrefix" | "timezone" | "language">;

/**
 * What the next build needs to patch this build's index instead of rebuilding it: the
 * settings it was made with and each document's fingerprint. Term lists are not kept: a
 * patch recounts a changed document's old terms from its file in the live index.
 */
export interface SearchState {
  format: number;
  settings: string;
  /** doc id → fingerprint (docs.ts docFingerprint) */
  docs: Record<string, string>;
}

/** An index ready to be written: every file's key up front (for the writer), contents on demand. */
export interface PlannedIndex {
  mode: "full" | "patch";
  /** Worker threads that read (and, in a fresh folder, wrote) the documents; 0: the main thread. */
  threads: number;
  /** Documents in the index. */
  docs: number;
  /** output path → key (the digest of the file's bytes) for every file of the index. */
  keys: Map<string, string>;
  state: SearchState;
  /** Writes the files among `paths` (every file when omitted) through `writer`. */
  write(writer: Writer, paths?: ReadonlySet<string>): Promise<void>;
}

/** The parts of an index that come from the Library alone, shared by full builds and patches. */
export interface IndexBase {
  tokenizer: SearchTokenizer;
  /** Index position in library.articles → doc id. */
  ids: string[];
  state: SearchState;
  filters: FilterIndex;
  tokenizerFile: string;
}

export function indexBase(library: Library, config: IndexConfig): IndexBase {
  const tokenizerFile = tokenizerModule();
  const { ids, order, filters } = structural(library);
  const docs: Record<string, string> = {};
  for (const i of order) docs[ids[i]!] = docFingerprint(library.articles[i]!);
  return {
    tokenizer: searchTokenizer(),
    ids,
    state: { format: INDEX_FORMAT, settings: settingsKey(config, tokenizerFile, INDEX_FORMAT, CODE_DIGEST), docs },
    filters,
    tokenizerFile,
  };
}

interface Structural {
  ids: string[];
  /** Article positions by doc id: the state (kept in the output manifest) is the same however it was reached. */
  order: number[];
  filters: FilterIndex;
}

/** Doc ids and filters come from URLs, order and terms alone: kept per Library shape. */
const byShape = new WeakMap<object, Structural>();

function structural(library: Library): Structural {
  const known = byShape.get(library.shape);
  if (known) return known;
  const byUrl = assignDocIds(library.articles.map((a) => a.url));
  const ids = library.articles.map((a) => byUrl.get(a.url)!);
  const order = library.articles.map((_, i) => i).sort((a, b) => (ids[a]! < ids[b]! ? -1 : 1));
  const made = { ids, order, filters: filterIndex(library, (i) => ids[i]!) };
  byShape.set(library.shape, made);
  return made;
}

/** Files that are small and made in full every time: filters, the tokenizer and meta.json. */
export function smallFiles(base: IndexBase, shards: Iterable<string>): Map<string, string> {
  const files = new Map(base.filters.files);
  files.set(searchPaths.tokenizer(), base.tokenizerFile);
  const meta = serializeMeta({
    format: INDEX_FORMAT,
    docs: base.ids.length,
    shardPrefix: base.tokenizer.shardPrefix,
    shards: [...shards],
    filters: base.filters.values,
  });
  files.set(searchPaths.meta(), meta);
  return files;
}

export const fileKey = (contents: string) => digest(contents);

/** Bounded, so a cold build reads only a few article files at once. */
export const READ_CONCURRENCY = 16;
