import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { DatelineError } from "../errors.js";
import type { ArticleTask, ArticleTaskResult } from "./article-task.js";
import { runBatches } from "./batches.js";
import type { ArticleWorkerData, SentTask } from "./worker.js";

/**
 * Spreads article tasks (read, parse, validate, find entity mentions, render the body) over
 * worker threads: Markdown is the largest share of a cold build. Tasks travel in batches
 * because a message per article costs more than the article. The pool runs in-process
 * when the compiled worker file is missing (vitest runs the TypeScript sources, which a worker
 * thread cannot load) or when there is only one core; the results are the same either way.
 */
export type PoolMode = "workers" | "in-process";

type BatchResult = { ok: true; result: ArticleTaskResult } | { ok: false; file: string; message: string; named: boolean; hint?: string };

const BATCH_SIZE = 24;

/**
 * An edit changes an article or two. Starting a thread means loading remark and the entity
 * extractor in a fresh isolate, about half a second on this kind of machine, for ~10 ms of
 * work; in-process, a one-edit rebuild of a 10,000-article archive measured 0.5–1 s faster.
 */
const IN_PROCESS_UP_TO = 8;

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

  /** `size` 0 or 1, or a missing worker file, means in-process. */
  static create(size = defaultPoolSize()): ArticlePool {
    const usable = size > 1 && existsSync(workerFile());
    return new ArticlePool(usable ? "workers" : "in-process", usable ? size : 1);
  }

  /**
   * Loads every article; `onResult` sees each result once, in no particular order. Returns
   * where the work ran.
   */
  async run(tasks: readonly ArticleTask[], onResult: (result: ArticleTaskResult, index: number) => void): Promise<PoolMode> {
    if (tasks.length === 0) return this.mode;
    if (this.mode === "in-process" || tasks.length <= IN_PROCESS_UP_TO) {
      // Loaded here so a build whose articles all come from the cache never loads remark.
      const { runArticleTask } = await import("./article-task.js");
      for (let i = 0; i < tasks.length; i++) onResult(await runArticleTask(tasks[i]!), i);
      return "in-process";
    }
    await this.inWorkers(tasks, onResult);
    return "workers";
  }

  private async inWorkers(tasks: readonly ArticleTask[], onResult: (result: ArticleTaskResult, index: number) => void): Promise<void> {
    // Every task names the same registry, often thousands of entries: it goes to each thread
    // once, at start, and a task carries only its digest, instead of a copy in every batch.
    const registries: ArticleWorkerData["registries"] = {};
    for (const task of tasks) registries[task.registry.digest] ??= task.registry.entries;
    await runBatches<ArticleTask, BatchResult, ArticleTaskResult>({
      workerFile: workerFile(),
      threads: this.size,
      tasks,
      batchSize: BATCH_SIZE,
      label: "loading",
      workerData: { registries } satisfies ArticleWorkerData,
      encode: (batch) => batch.map((task): SentTask => ({ ...task, registry: { digest: task.registry.digest } })),
      unwrap: (r) => {
        if (r.ok) return r.result;
        // A DatelineError from the task already names the file and says what to do.
        if (r.named) throw new DatelineError(r.message, r.hint === undefined ? {} : { hint: r.hint });
        throw new DatelineError(`unexpected failure while loading ${r.file}`, { cause: new Error(r.message) });
      },
      onResult,
    });
  }
}
