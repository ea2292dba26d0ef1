import { Worker, type ResourceLimits, type WorkerOptions } from "node:worker_threads";
import { DatelineError } from "../errors.js";

/**
 * Runs tasks on worker threads in batches: a message per task costs more than the task. The
 * worker answers each `{ id, tasks }` with `{ id, results }` in the same order; `unwrap` turns
 * a result into a value or throws (a failure reported by the worker). A few batches stay in
 * flight per worker, so a worker never waits for the main thread and memory stays bounded.
 * Results reach `onResult` in no particular order, each with its task's index.
 */
export interface BatchRun<T, W, R> {
  workerFile: string;
  threads: number;
  tasks: readonly T[];
  batchSize: number;
  /** Names the threads in errors: "loading", "search indexing". */
  label: string;
  resourceLimits?: ResourceLimits;
  /** Given to every worker at start (worker_threads' `workerData`). */
  workerData?: unknown;
  /**
   * Turns a batch's tasks into what is posted, just before it is sent, so that large payloads
   * (rendered pages' data) exist only for the batches in flight. The tasks themselves by default.
   */
  encode?: (tasks: T[], start: number) => Promise<unknown[]> | unknown[];
  unwrap: (result: W) => R;
  onResult: (result: R, index: number) => Promise<void> | void;
}

const IN_FLIGHT_PER_WORKER = 2;

/** Returns how many threads it started. */
export async function runBatches<T, W, R>(run: BatchRun<T, W, R>): Promise<number> {
  const batches: { start: number; tasks: T[] }[] = [];
  for (let start = 0; start < run.tasks.length; start += run.batchSize) batches.push({ start, tasks: run.tasks.slice(start, start + run.batchSize) });
  if (batches.length === 0) return 0;
  const options = {
    ...(run.resourceLimits && { resourceLimits: run.resourceLimits }),
    ...(run.workerData !== undefined && { workerData: run.workerData }),
  };
  const workers = Array.from({ length: Math.max(1, Math.min(run.threads, batches.length)) }, () => startWorker(run.workerFile, options));
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let done = 0;
      let failed = false;
      const fail = (error: unknown) => {
        if (!failed) reject(error);
        failed = true;
      };
      const send = (worker: Worker) => {
        if (failed || next >= batches.length) return;
        const id = next++;
        const { start, tasks } = batches[id]!;
        if (!run.encode) return worker.postMessage({ id, tasks });
        Promise.resolve()
          .then(() => run.encode!(tasks, start))
          .then((encoded) => {
            if (!failed) worker.postMessage({ id, tasks: encoded });
          }, fail);
      };
      for (const worker of workers) {
        worker.on("message", (message: { id: number; results: W[] }) => {
          const { start } = batches[message.id]!;
          void (async () => {
            for (const [i, result] of message.results.entries()) await run.onResult(run.unwrap(result), start + i);
          })().then(() => {
            if (++done === batches.length) resolve();
            else send(worker);
          }, fail);
        });
        worker.on("error", (error) => fail(new DatelineError(`a ${run.label} worker thread failed`, { cause: error })));
        worker.on("exit", (code) => {
          if (code !== 0) fail(new DatelineError(`a ${run.label} worker thread stopped with code ${code}`));
        });
        for (let i = 0; i < IN_FLIGHT_PER_WORKER; i++) send(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return workers.length;
}

/**
 * Node's flags for the threads: inherited, except those a worker refuses. --input-type (a
 * host run as `node --input-type=module -e …`) is refused for a worker file, and V8's flags
 * (`--max-old-space-size`, `--heap-growing-percent`, which people give a large build) are
 * refused outright, although V8 applies them to every thread of the process anyway. Node has
 * no list of which flags are V8's, so a refusal is answered by starting the threads without
 * node's flags, and that is remembered for the rest of the process.
 */
let threadExecArgv: string[] | undefined;

export function startWorker(file: string, options: WorkerOptions): Worker {
  threadExecArgv ??= process.execArgv.filter((arg) => !arg.startsWith("--input-type"));
  try {
    return new Worker(file, { ...options, execArgv: threadExecArgv });
  } catch (error) {
    if ((error as { code?: unknown }).code !== "ERR_WORKER_INVALID_EXEC_ARGV" || threadExecArgv.length === 0) throw error;
    threadExecArgv = [];
    return new Worker(file, { ...options, execArgv: threadExecArgv });
  }
}
