import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { DatelineError } from "../errors.js";
import type { ArticleTask, ArticleTaskResult } from "./article-task.js";
import type { BodySource } from "../content/body.js";
import type { EntityLink } from "../content/entity-links.js";
import type { MarkdownResult } from "../content/markdown.js";
import type { BatchRequest } from "./worker.js";

/**
 * Spreads article tasks (read, parse, validate, find entity mentions) over worker threads.
 * (Markdown used to run here too, being most of a cold build; since bodies link entities found
 * across the library it runs at page time, cached — moving it back needs the links first.) Tasks travel in
 * batches because a message per article costs more than the article. The pool runs in-process
 * when the compiled worker file is missing (vitest runs the TypeScript sources, which a worker
 * thread cannot load) or when there is only one core; the results are the same either way.
 */
export type PoolMode = "workers" | "in-process";

/** One article body to render, once the library knows which entities it links. */
export interface MarkdownTask {
  article: BodySource;
  entityLinks: readonly EntityLink[];
}

type BatchResult<R> = { ok: true; result: R } | { ok: false; file: string; message: string };

const BATCH_SIZE = 24;
/** Batches queued per worker, so a worker never waits for the main thread to send more. */
const IN_FLIGHT_PER_WORKER = 2;

export function workerFile(): string {
  return fileURLToPath(new URL("./worker.js", import.meta.url));
}

export function defaultPoolSize(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

export class ArticlePool {
  private constructor(
    readonly mode: PoolMode,
    private readonly size: number,
  ) {}

  /**
   * `size` 0 or 1, or a missing worker file, means in-process. A worker is used even for one
   * changed article: the main thread loads the template engine meanwhile.
   */
  static create(size = defaultPoolSize()): ArticlePool {
    const usable = size > 1 && existsSync(workerFile());
    return new ArticlePool(usable ? "workers" : "in-process", usable ? size : 1);
  }

  /** Loads every article; `onResult` sees each result once, in no particular order. */
  async run(tasks: readonly ArticleTask[], onResult: (result: ArticleTaskResult, index: number) => void): Promise<void> {
    if (tasks.length === 0) return;
    if (this.mode === "in-process") {
      // Loaded here so a build whose articles all come from the cache never loads remark.
      const { runArticleTask } = await import("./article-task.js");
      for (let i = 0; i < tasks.length; i++) onResult(await runArticleTask(tasks[i]!), i);
      return;
    }
    await this.inWorkers("load", tasks, onResult);
  }

  /**
   * Renders article bodies to HTML in the worker threads: Markdown is the largest cost of a
   * cold build, and the main thread renders templates meanwhile. In-process, the caller
   * renders bodies as pages need them, so there is nothing to do here.
   */
  async renderBodies(tasks: readonly MarkdownTask[], onResult: (result: MarkdownResult, index: number) => void): Promise<void> {
    if (tasks.length === 0 || this.mode === "in-process") return;
    await this.inWorkers("markdown", tasks, onResult);
  }

  private async inWorkers<T, R>(kind: "load" | "markdown", tasks: readonly T[], onResult: (result: R, index: number) => void): Promise<void> {
    const batches: { start: number; tasks: T[] }[] = [];
    for (let start = 0; start < tasks.length; start += BATCH_SIZE) batches.push({ start, tasks: tasks.slice(start, start + BATCH_SIZE) });
    const workers = Array.from({ length: Math.min(this.size, batches.length) }, () => new Worker(workerFile()));
    try {
      await new Promise<void>((resolve, reject) => {
        let next = 0;
        let done = 0;
        let failed = false;
        const fail = (error: unknown) => {
          if (failed) return;
          failed = true;
          reject(error);
        };
        const send = (worker: Worker) => {
          if (failed || next >= batches.length) return;
          const id = next++;
          worker.postMessage({ id, kind, tasks: batches[id]!.tasks } as BatchRequest);
        };
        for (const worker of workers) {
          worker.on("message", (message: { id: number; results: BatchResult<R>[] }) => {
            const batch = batches[message.id]!;
            try {
              message.results.forEach((r, i) => {
                if (!r.ok && kind === "markdown") throw new DatelineError(r.message);
                if (!r.ok) throw new DatelineError(`unexpected failure while loading ${r.file}`, { cause: new Error(r.message) });
                onResult(r.result, batch.start + i);
              });
            } catch (error) {
              fail(error);
              return;
            }
            if (++done === batches.length) resolve();
            else send(worker);
          });
          worker.on("error", (error) => fail(new DatelineError("a loading worker thread failed", { cause: error })));
          worker.on("exit", (code) => {
            if (code !== 0) fail(new DatelineError(`a loading worker thread stopped with code ${code}`));
          });
          for (let i = 0; i < IN_FLIGHT_PER_WORKER; i++) send(worker);
        }
      });
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
  }
}
