import type { Library, PublishedArticle } from "../model/library.js";
import { forEachLimit } from "../util/concurrency.js";
import type { Writer, WrittenStat } from "../write/writer.js";
import type { PackedAt } from "../cache/html-pack.js";
import { docThreads, readDocs } from "./doc-pool.js";
import type { DocTask, WrittenDoc } from "./doc-worker.js";
import { docInput, indexedDoc, readDoc, type DocContents, type IndexedDoc } from "./docs.js";
import { searchPaths, serializeShard } from "./format.js";
import { fileKey, indexBase, READ_CONCURRENCY, smallFiles, type IndexConfig, type PlannedIndex } from "./plan.js";
import { PostingsBuilder } from "./postings.js";
import { writeShardsInThreads } from "./shard-pool.js";

const WRITE_CONCURRENCY = 16;

/**
 * A full build of the search index. Articles are read, stripped and tokenized in worker
 * threads (doc-pool.ts); each document file is hashed (and handed to `sink` when the caller
 * can write at once) and its terms go into compact postings.
 *
 * A caller that must know every key before writing (the cached build) gets document files
 * and shards kept in memory up to HELD_CHARS (all of them at 10,000 articles) and the rest
 * made again when written; `sink` lets the plain build write documents at once instead.
 */
const HELD_CHARS = 64 * 2 ** 20;

/**
 * For a build that fills a fresh folder and writes documents as they are made (`sink`): the
 * threads that read the documents write them into the folder themselves, reading each from
 * where loading stored its content when it did.
 */
export interface DirectDocs {
  directory: string;
  where: (article: PublishedArticle) => PackedAt | undefined;
  /** Told of each document a thread wrote into the folder (Writer.recordWritten). */
  written?: (path: string, stat: WrittenStat) => void;
}

export async function planFullIndex(
  library: Library,
  config: IndexConfig,
  sink?: (path: string, contents: string) => Promise<void>,
  heldChars = HELD_CHARS,
  made?: DocContents,
  direct?: DirectDocs,
): Promise<PlannedIndex> {
  const base = indexBase(library, config);
  const { tokenizer, ids } = base;
  const sorted = [...ids].sort();
  const ordinal = new Map(sorted.map((id, i) => [id, i]));
  const postings = new PostingsBuilder(sorted);
  const keys = new Map<string, string>();
  const held = new Map<string, string>();
  let budget = sink ? 0 : heldChars;
  const hold = (path: string, contents: string) => {
    if (contents.length > budget) return;
    held.set(path, contents);
    budget -= contents.length;
  };
  const onDoc = async (doc: IndexedDoc | WrittenDoc, i: number) => {
    const id = ids[i]!;
    const path = searchPaths.doc(id);
    postings.add(ordinal.get(id)!, doc.terms, doc.tfs);
    if ("key" in doc) {
      keys.set(path, doc.key);
      direct?.written?.(path, doc.stat);
      return;
    }
    keys.set(path, fileKey(doc.file));
    if (sink) await sink(path, doc.file);
    else hold(path, doc.file);
  };
  const threads = direct && sink ? docThreads(library.articles.length) : 0;
  let readThreads = threads;
  if (direct && threads > 0) {
    // Reading the stored content, making and writing the files are most of a cold index at
    // 100,000 articles (about 12 of its 25 s), which the main thread did alone after the pages
    // with the other core idle.
    await readDocs(library.articles.length, (i) => {
      const article = library.articles[i]!;
      const task: DocTask = { ...docInput(article, config), writeTo: searchPaths.doc(ids[i]!) };
      const at = direct.where(article);
      if (at) task.packed = at;
      return task;
    }, tokenizer, onDoc, { workers: threads, directory: direct.directory });
  } else {
    // Documents whose content loading made are finished here; only the others are read again.
    const unread: number[] = [];
    for (let i = 0; i < library.articles.length; i++) {
      const article = library.articles[i]!;
      const content = made?.(article);
      if (content) await onDoc(indexedDoc(docInput(article, config), content), i);
      else unread.push(i);
    }
    readThreads = docThreads(unread.length);
    await readDocs(unread.length, (k) => docInput(library.articles[unread[k]!]!, config), tokenizer, (doc, k) => onDoc(doc, unread[k]!), { workers: readThreads });
  }
  // Into the fresh folder on threads, as the documents were; otherwise here, at once, like the
  // documents: held or not, a shard made here would otherwise be made again by `write`.
  const inThreads = direct && threads > 0
    ? await writeShardsInThreads(postings, tokenizer, sorted, direct.directory, threads, (shard, key, stat) => {
        const path = searchPaths.shard(shard);
        keys.set(path, key);
        direct.written?.(path, stat);
      })
    : undefined;
  const shards: string[] = inThreads ?? [];
  if (!inThreads) {
    for (const [shard, terms] of postings.shards(tokenizer)) {
      shards.push(shard);
      const text = serializeShard(terms);
      const path = searchPaths.shard(shard);
      keys.set(path, fileKey(text));
      if (sink) await sink(path, text);
      else hold(path, text);
    }
  }
  const small = smallFiles(base, shards);
  for (const [path, contents] of small) keys.set(path, fileKey(contents));
  /** A document not kept in memory, made again: from the content loading made, else from its file. */
  const docAgain = async (article: PublishedArticle): Promise<IndexedDoc> => {
    const input = docInput(article, config);
    const content = made?.(article);
    return content ? indexedDoc(input, content) : readDoc(input, tokenizer);
  };

  return {
    mode: "full",
    threads: readThreads,
    docs: ids.length,
    keys,
    state: base.state,
    async write(writer: Writer, paths?: ReadonlySet<string>): Promise<void> {
      const wanted = (path: string) => !paths || paths.has(path);
      if (!sink) {
        const again = library.articles.map((a, i) => [a, searchPaths.doc(ids[i]!)] as const).filter(([, path]) => wanted(path));
        await forEachLimit(again, READ_CONCURRENCY, async ([article, path]) => {
          await writer.write(path, held.get(path) ?? (await docAgain(article)).file);
        });
      }
      // With a sink, the documents and shards are written already.
      const shardPaths = sink ? [] : shards.map((s) => searchPaths.shard(s)).filter(wanted);
      const remade = shardPaths.some((path) => !held.has(path));
      const files = function* () {
        for (const path of shardPaths) if (held.has(path)) yield [path, () => held.get(path)!] as const;
        // Shards not kept are made again from the postings (a very large archive).
        if (remade) {
          for (const [shard, terms] of postings.shards(tokenizer)) {
            const path = searchPaths.shard(shard);
            if (wanted(path) && !held.has(path)) yield [path, () => serializeShard(terms)] as const;
          }
        }
        for (const [path, contents] of small) if (wanted(path)) yield [path, () => contents] as const;
      };
      await forEachLimit(files(), WRITE_CONCURRENCY, ([path, contents]) => writer.write(path, contents()));
    },
  };
}
