import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { DatelineError } from "../errors.js";
import { forEachLimit } from "../util/concurrency.js";
import type { DocBatch, DocResult } from "./doc-worker.js";
import { readDoc, type DocInput, type IndexedDoc } from "./docs.js";
import type { SearchTokenizer } from "./tokenize.js";

/**
 * Reads documents for a full index on every core: stripping and tokenizing 10,000 bodies is
 * seconds of CPU, and the main thread has nothing else to do meanwhile. Falls back to the
 * main thread when the compiled worker file is missing (vitest runs the TypeScript sources)
 * or there is one core; the documents are the same either way. Results arrive in no
 * particular order; memory stays bounded because only a few batches are in flight.
 */
const BATCH_SIZE = 64;
const IN_FLIGHT_PER_WORKER = 2;
const READ_CONCURRENCY = 16;
const WORKER_HEAP_MB = 96;

function workerFile(): string {
  return fileURLToPath(new URL("./doc-worker.js", import.meta.url));
}

export function searchWorkers(): number {
  const cores = availableParallelism();
  return cores > 1 && existsSync(workerFile()) ? Math.min(cores, 4) : 0;
}

export async function readDocs(
  inputs: readonly DocInput[],
  tokenizer: SearchTokenizer,
  onDoc: (doc: IndexedDoc, index: number) => Promise<void> | void,
  workers = searchWorkers(),
): Promise<void> {
  if (workers === 0 || inputs.length < BATCH_SIZE) {
    await forEachLimit(inputs, READ_CONCURRENCY, async (input, i) => onDoc(await readDoc(input, tokenizer), i));
    return;
  }
  const batches: { start: number; inputs: DocInput[] }[] = [];
  for (let start = 0; start < inputs.length; start += BATCH_SIZE) batches.push({ start, inputs: inputs.slice(start, start + BATCH_SIZE) });
  // A worker keeps nothing between batches: a small old generation makes it collect its
  // garbage (every body it read) instead of growing the process by hundreds of megabytes.
  const threads = Array.from({ length: Math.min(workers, batches.length) }, () => new Worker(workerFile(), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }));
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let done = 0;
      let failed = false;
      const fail = (error: unknown) => {
        if (!failed) reject(error);
        failed = true;
      };
      const send = (thread: Worker) => {
        if (failed || next >= batches.length) return;
        const id = next++;
        thread.postMessage({ id, inputs: batches[id]!.inputs } satisfies DocBatch);
      };
      for (const thread of threads) {
        thread.on("message", (message: { id: number; results: DocResult[] }) => {
          const { start } = batches[message.id]!;
          void (async () => {
            for (const [i, r] of message.results.entries()) {
              if (!r.ok) throw new DatelineError(r.message, r.hint === undefined ? {} : { hint: r.hint });
              await onDoc(r.doc, start + i);
            }
          })().then(() => {
            if (++done === batches.length) resolve();
            else send(thread);
          }, fail);
        });
        thread.on("error", (error) => fail(new DatelineError("a search indexing thread failed", { cause: error })));
        thread.on("exit", (code) => {
          if (code !== 0) fail(new DatelineError(`a search indexing thread stopped with code ${code}`));
        });
        for (let i = 0; i < IN_FLIGHT_PER_WORKER; i++) send(thread);
      }
    });
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
}
