import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Library } from "../model/library.js";
import { forEachLimit } from "../util/concurrency.js";
import type { Writer } from "../write/writer.js";
import { docInput, indexedDoc, readDoc, termCounts, type DocContents } from "./docs.js";
import { MalformedIndexFile, patchPostings, parseDoc, parseShard, searchPaths, serializeShard, type Posting } from "./format.js";
import { fileKey, indexBase, READ_CONCURRENCY, smallFiles, type IndexConfig, type PlannedIndex, type SearchState } from "./plan.js";

/**
 * Patches the live index for the documents that changed since it was built, instead of
 * reading every article again. Only changed documents are read; their old terms are counted
 * from their files in the live index, so the state needs no term lists. Shards holding
 * those terms are read from the live index, stripped of the changed documents' postings,
 * given the new ones and serialized canonically, which makes the result byte-identical to a
 * full build. Every other file keeps its key from the live manifest, so the writer shares it
 * as a hard link. Every file read from the live index is checked against the key it was
 * written with; anything unexpected returns undefined and the caller builds in full.
 */
export interface LiveIndex {
  /** The live output folder. */
  dir: string;
  /** output path → key, from the live generation's manifest. */
  keys: Pick<ReadonlyMap<string, string>, "get">;
  state: unknown;
}

/** A patch touching more documents than this costs about as much as a full build. */
export function patchLimit(docs: number): number {
  return Math.min(2000, Math.max(16, Math.ceil(docs / 10)));
}

class Untrusted extends Error {}

export async function planPatch(library: Library, config: IndexConfig, live: LiveIndex, made?: DocContents): Promise<PlannedIndex | undefined> {
  const base = indexBase(library, config);
  const before = live.state as Partial<SearchState> | undefined;
  if (!before || before.format !== base.state.format || before.settings !== base.state.settings) return undefined;
  if (!before.docs || typeof before.docs !== "object") return undefined;
  const oldDocs = before.docs;
  const newDocs = base.state.docs;
  const gone = Object.keys(oldDocs).filter((id) => newDocs[id] !== oldDocs[id]);
  const fresh = base.ids.map((id, i) => [id, i] as const).filter(([id]) => oldDocs[id] !== newDocs[id]);
  if (gone.length + fresh.length > patchLimit(base.ids.length)) return undefined;

  const readLive = async (path: string): Promise<string> => {
    const key = live.keys.get(path);
    const text = key === undefined ? undefined : await readFile(join(live.dir, path), "utf8").catch(() => undefined);
    if (text === undefined || fileKey(text) !== key) throw new Untrusted(path);
    return text;
  };
  try {
    const keys = new Map<string, string>();
    const contents = new Map<string, string>();
    // Unchanged documents keep their files.
    for (const id of base.ids) {
      if (oldDocs[id] !== newDocs[id]) continue;
      const path = searchPaths.doc(id);
      const key = live.keys.get(path);
      if (key === undefined) return undefined;
      keys.set(path, key);
    }
    const meta = JSON.parse(await readLive(searchPaths.meta())) as { shards?: unknown };
    if (!Array.isArray(meta.shards)) return undefined;
    const liveShards = new Set(meta.shards as string[]);

    // shard → term → the postings to add to it (empty when the term only loses postings).
    const changes = new Map<string, Map<string, Posting[]>>();
    const change = (term: string) => {
      const shard = tokenizer.shardOf(term);
      let terms = changes.get(shard);
      if (!terms) changes.set(shard, (terms = new Map()));
      let added = terms.get(term);
      if (!added) terms.set(term, (added = []));
      return added;
    };
    const { tokenizer } = base;
    await forEachLimit(gone, READ_CONCURRENCY, async (id) => {
      const counts = termCounts(parseDoc(await readLive(searchPaths.doc(id))), tokenizer);
      for (const term of counts.keys()) change(term);
    });
    await forEachLimit(fresh, READ_CONCURRENCY, async ([id, i]) => {
      const article = library.articles[i]!;
      const input = docInput(article, config);
      const content = made?.(article);
      const doc = content ? indexedDoc(input, content) : await readDoc(input, tokenizer);
      const path = searchPaths.doc(id);
      keys.set(path, fileKey(doc.file));
      contents.set(path, doc.file);
      doc.terms.forEach((term, k) => change(term).push([id, doc.tfs[k]!]));
    });

    const dropped = new Set(gone);
    const shards = new Set(liveShards);
    for (const shard of liveShards) {
      if (changes.has(shard)) continue;
      const path = searchPaths.shard(shard);
      const key = live.keys.get(path);
      if (key === undefined) return undefined;
      keys.set(path, key);
    }
    await forEachLimit(changes, READ_CONCURRENCY, async ([shard, changed]) => {
      const path = searchPaths.shard(shard);
      // Only the changed terms' postings are decoded; the others are copied as they are.
      const terms = liveShards.has(shard) ? parseShard(await readLive(path)) : new Map<string, string>();
      for (const [term, added] of changed) terms.set(term, patchPostings(terms.get(term) ?? "", dropped, added));
      if ([...terms.values()].every((postings) => postings === "")) {
        shards.delete(shard);
        return;
      }
      shards.add(shard);
      const text = serializeShard(terms);
      keys.set(path, fileKey(text));
      contents.set(path, text);
    });
    for (const [path, text] of smallFiles(base, shards)) {
      keys.set(path, fileKey(text));
      contents.set(path, text);
    }
    return {
      mode: "patch",
      threads: 0,
      docs: base.ids.length,
      keys,
      state: base.state,
      async write(writer: Writer, paths?: ReadonlySet<string>): Promise<void> {
        const wanted = [...(paths ?? keys.keys())].filter((path) => keys.has(path));
        await forEachLimit(wanted, READ_CONCURRENCY, async (path) => {
          const text = contents.get(path);
          // A file the patch left alone but the writer could not share: copy the live one,
          // which has this very key.
          if (text === undefined) await writer.copyFile(join(live.dir, path), path);
          else await writer.write(path, text);
        });
      },
    };
  } catch (error) {
    if (error instanceof Untrusted || error instanceof MalformedIndexFile || error instanceof SyntaxError) return undefined;
    throw error;
  }
}
