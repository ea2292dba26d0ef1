import { parentPort, workerData } from "node:worker_threads";
import { DatelineError } from "../errors.js";
import { runArticleTask, type ArticleTask } from "./article-task.js";

/**
 * The worker thread's side of the pool: runs batches of article tasks and posts the results
 * back in order. An unexpected exception is sent back as text so the main thread can report
 * which file caused it; content problems are Diagnostics inside the result.
 */
export interface BatchRequest {
  id: number;
  tasks: SentTask[];
}

/** A task as posted: its registry is named by digest and was sent once, in ArticleWorkerData. */
export type SentTask = Omit<ArticleTask, "registry"> & { registry: { digest: string } };

export interface ArticleWorkerData {
  /** Registry digest → entries. */
  registries: Record<string, ArticleTask["registry"]["entries"]>;
}

const port = parentPort;
if (port) {
  const { registries } = workerData as ArticleWorkerData;
  port.on("message", async (request: BatchRequest) => {
    const results = [];
    for (const sent of request.tasks) {
      try {
        const entries = registries[sent.registry.digest];
        if (!entries) throw new DatelineError(`no registry ${sent.registry.digest} was sent to this thread`, { hint: "this is a bug in Dateline; please report it" });
        const task: ArticleTask = { ...sent, registry: { digest: sent.registry.digest, entries } };
        results.push({ ok: true as const, result: await runArticleTask(task) });
      } catch (error) {
        // A DatelineError's message already names the article and says what to do.
        results.push({ ok: false as const, file: sent.file.displayPath, message: String((error as Error)?.message ?? error),
          named: error instanceof DatelineError, hint: error instanceof DatelineError ? error.hint : undefined });
      }
    }
    port.postMessage({ id: request.id, results });
  });
}
