import { parentPort } from "node:worker_threads";
import { DatelineError } from "../errors.js";
import { readDoc, type DocInput, type IndexedDoc } from "./docs.js";
import { searchTokenizer } from "./tokenize.js";

/**
 * A search worker thread: reads, strips and tokenizes batches of documents (the CPU-heavy
 * part of a full index) and posts them back in order. Errors go back as text: a
 * DatelineError already names the article and says what to do.
 */
/** A batch as work/batches.ts sends it. */
export interface DocBatch {
  id: number;
  tasks: DocInput[];
}

export type DocResult = { ok: true; doc: IndexedDoc } | { ok: false; message: string; hint?: string | undefined; named: boolean };

const port = parentPort;
if (port) {
  const tokenizer = searchTokenizer();
  port.on("message", async (batch: DocBatch) => {
    const results: DocResult[] = [];
    for (const input of batch.tasks) {
      try {
        results.push({ ok: true, doc: await readDoc(input, tokenizer) });
      } catch (error) {
        const named = error instanceof DatelineError;
        results.push({ ok: false, message: `${named ? "" : `${input.file}: `}${String((error as Error)?.message ?? error)}`, hint: named ? error.hint : undefined, named });
      }
    }
    port.postMessage({ id: batch.id, results });
  });
}
