import { parentPort } from "node:worker_threads";
import { renderArticleBody } from "../content/body.js";
import { runArticleTask, type ArticleTask } from "./article-task.js";
import type { MarkdownTask } from "./pool.js";

/**
 * The worker thread's side of the pool: runs batches of article tasks and posts the results
 * back in order. An unexpected exception is sent back as text so the main thread can report
 * which file caused it; content problems are Diagnostics inside the result.
 */
export type BatchRequest = { id: number; kind: "load"; tasks: ArticleTask[] } | { id: number; kind: "markdown"; tasks: MarkdownTask[] };

const port = parentPort;
if (port) {
  port.on("message", async (request: BatchRequest) => {
    const results = [];
    for (const task of request.tasks) {
      try {
        const result = request.kind === "markdown"
          ? await renderArticleBody((task as MarkdownTask).article, (task as MarkdownTask).entityLinks)
          : await runArticleTask(task as ArticleTask);
        results.push({ ok: true as const, result });
      } catch (error) {
        const file = request.kind === "markdown" ? (task as MarkdownTask).article.file : (task as ArticleTask).file.displayPath;
        // A DatelineError's message already names the article and says what to do.
        results.push({ ok: false as const, file, message: String((error as Error)?.message ?? error) });
      }
    }
    port.postMessage({ id: request.id, results });
  });
}
