import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { DatelineError } from "../errors.js";
import { forEachLimit } from "../util/concurrency.js";
import { PackReaders } from "../cache/html-pack.js";
import type { DocResult, DocTask, DocWorkerSetup, WrittenDoc } from "./doc-worker.js";
import { runBatches } from "../work/batches.js";
import { readDoc, type IndexedDoc } from "./docs.js";
import type { SearchTokenizer } from "./tokenize.js";

/**
 * Reads documents for a full index on every core: stripping and tokenizing 10,000 bodies is
 * seconds of CPU, and the main thread has nothing else to do meanwhile. Falls back to the
 * main thread when the compiled worker file is missing (vitest runs the TypeScript sources)
 * or there is one core; the documents are the same either way. Results arrive in no
 * particular order; memory stays bounded because only a few batches are in flight.
 */
const BATCH_SIZE = 64;
const READ_CONCURRENCY = 16;
const WORKER_HEAP_MB = 96;

function workerFile(): string {
  return fileURLToPath(new URL("./doc-worker.js", import.meta.url));
}

export function searchWorkers(): number {
  const cores = availableParallelism();
  return cores > 1 && existsSync(workerFile()) ? Math.min(cores, 4) : 0;
}

/** Threads `readDocs` runs `count` documents on: none when they are too few to be worth it. */
export function docThreads(count: number, workers = searchWorkers()): number {
  return workers === 0 || count < BATCH_SIZE ? 0 : workers;
}

/**
 * Reads documents 0 … count-1. Their inputs are made per batch, as it is sent (`inputAt`):
 * made all at once they were about 20 MB at 100,000 articles, at the build's peak. With
 * `directory`, the threads write the documents whose task says where into it, and report
 * those as WrittenDoc; on the main thread nothing is written, and every document comes back.
 */
export async function readDocs(
  count: number,
  inputAt: (index: number) => DocTask,
  tokenizer: SearchTokenizer,
  onDoc: (doc: IndexedDoc | WrittenDoc, index: number) => Promise<void> | void,
  options: { workers?: number; directory?: string } = {},
): Promise<void> {
  const indexes = Array.from({ length: count }, (_, i) => i);
  const threads = docThreads(count, options.workers);
  if (threads === 0) {
    const packs = new PackReaders();
    try {
      await forEachLimit(indexes, READ_CONCURRENCY, async (i) => onDoc(await readDoc(inputAt(i), tokenizer, packs), i));
    } finally {
      packs.close();
    }
    return;
  }
  const setup: DocWorkerSetup = options.directory === undefined ? {} : { directory: options.directory };
  await runBatches<number, DocResult, IndexedDoc | WrittenDoc>({
    workerFile: workerFile(),
    threads,
    tasks: indexes,
    encode: (batch) => batch.map(inputAt),
    batchSize: BATCH_SIZE,
    label: "search indexing",
    workerData: setup,
    // A worker keeps nothing between batches: a small old generation makes it collect its
    // garbage (every body it read) instead of growing the process by hundreds of megabytes.
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    unwrap: (r) => {
      if (!r.ok) throw new DatelineError(r.message, r.hint === undefined ? {} : { hint: r.hint });
      return "written" in r ? r.written : r.doc;
    },
    onResult: onDoc,
  });
}
