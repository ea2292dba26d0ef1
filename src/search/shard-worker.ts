import { parentPort, workerData } from "node:worker_threads";
import { writeIntoFresh, type WrittenStat } from "../write/writer.js";
import { searchPaths, serializeShard } from "./format.js";
import { fileKey } from "./plan.js";
import { encodePacked } from "./postings.js";

/**
 * A thread that encodes term shards of a full search index and writes them into the fresh
 * folder a cold build fills (search/shard-pool.ts): sorting and encoding every posting is
 * seconds of one thread at 100,000 articles, done after the documents, when nothing else runs.
 */
export interface ShardWorkerSetup {
  /** The fresh output folder being filled (nothing in it is ever overwritten). */
  directory: string;
  /** Every document id, sorted: a packed posting names its document by position here. */
  ids: string[];
}

/** One shard: its terms, sorted, each with its packed postings (postings.ts), unsorted. */
export interface ShardTask {
  shard: string;
  terms: string[];
  packed: Uint32Array[];
}

export type ShardResult = { ok: true; key: string; stat: WrittenStat } | { ok: false; message: string };

const port = parentPort;
if (port) {
  const { directory, ids } = workerData as ShardWorkerSetup;
  const made = new Set<string>();
  port.on("message", (batch: { id: number; tasks: ShardTask[] }) => {
    const results: ShardResult[] = batch.tasks.map((task) => {
      try {
        const text = serializeShard(task.terms.map((term, k) => [term, encodePacked(task.packed[k]!, ids)] as const));
        const stat = writeIntoFresh(directory, searchPaths.shard(task.shard), text, made);
        return { ok: true, key: fileKey(text), stat };
      } catch (error) {
        return { ok: false, message: `writing the search shard ${JSON.stringify(task.shard)}: ${String((error as Error)?.message ?? error)}` };
      }
    });
    port.postMessage({ id: batch.id, results });
  });
}
