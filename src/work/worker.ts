import { parentPort } from "node:worker_threads";
import { DatelineError } from "../errors.js";
import { runArticleTask, type ArticleTask } from "./article-task.js";

/**
 * The worker thread's side of the pool: runs batches of article tasks and posts the results
 * back in order. An unexpected exception is sent back as text so the main thread can report
 * which file caused it; content problems are Diagnostics inside the result.
 */
export interface BatchRequest {
  id: number;
  tasks: ArticleTask[];
}

const port = parentPort;
if (port) {
  port.on("message", async (request: BatchRequest) => {
    const results = [];
    for (const task of request.tasks) {
      try {
        results.push({ ok: true as const, result: await runArticleTask(task) });
      } catch (error) {
        // A DatelineError's message already names the article and says what to do.
        results.push({ ok: false as const, file: task.file.displayPath, message: String((error as Error)?.message ?? error),
          named: error instanceof DatelineError, hint: error instanceof DatelineError ? error.hint : undefined });
      }
    }
    port.postMessage({ id: request.id, results });
  });
}
