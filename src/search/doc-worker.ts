import { parentPort, workerData } from "node:worker_threads";
import { PackReaders } from "../cache/html-pack.js";
import { DatelineError } from "../errors.js";
import { writeIntoFresh, type WrittenStat } from "../write/writer.js";
import { readDoc, type DocInput, type IndexedDoc } from "./docs.js";
import { fileKey } from "./plan.js";
import { searchTokenizer } from "./tokenize.js";

/**
 * A search worker thread: reads, strips and tokenizes batches of documents (the CPU-heavy
 * part of a full index) and posts them back in order. A document whose content loading
 * stored in the article cache's pack is read from there. Given a folder (a cold build's fresh
 * output), it writes each document that says where into it and sends back only its key and
 * terms, as page worker threads do with pages. Errors go back as text: a DatelineError
 * already names the article and says what to do.
 */
export interface DocWorkerSetup {
  /** The fresh output folder being filled (nothing in it is ever overwritten). */
  directory?: string;
}

/** A document to read; with `writeTo` (its path in the output folder) it is also written. */
export type DocTask = DocInput & { writeTo?: string };

/** A document written by the thread: its file's key instead of the file. */
export interface WrittenDoc {
  key: string;
  terms: string[];
  tfs: number[];
  stat: WrittenStat;
}

/** A batch as work/batches.ts sends it. */
export interface DocBatch {
  id: number;
  tasks: DocTask[];
}

export type DocResult =
  | { ok: true; doc: IndexedDoc }
  | { ok: true; written: WrittenDoc }
  | { ok: false; message: string; hint?: string | undefined; named: boolean };

const port = parentPort;
if (port) {
  const tokenizer = searchTokenizer();
  const { directory } = (workerData ?? {}) as DocWorkerSetup;
  const made = new Set<string>();
  port.on("message", async (batch: DocBatch) => {
    const results: DocResult[] = [];
    const packs = new PackReaders();
    try {
      for (const input of batch.tasks) {
        try {
          const doc = await readDoc(input, tokenizer, packs);
          if (input.writeTo === undefined || directory === undefined) {
            results.push({ ok: true, doc });
            continue;
          }
          const stat = writeIntoFresh(directory, input.writeTo, doc.file, made);
          results.push({ ok: true, written: { key: fileKey(doc.file), terms: doc.terms, tfs: doc.tfs, stat } });
        } catch (error) {
          const named = error instanceof DatelineError;
          results.push({ ok: false, message: `${named ? "" : `${input.file}: `}${String((error as Error)?.message ?? error)}`, hint: named ? error.hint : undefined, named });
        }
      }
    } finally {
      packs.close();
    }
    port.postMessage({ id: batch.id, results });
  });
}
