import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Worker } from "node:worker_threads";
import { startWorker } from "../work/batches.js";
import { alteredFiles, stampOf, type ManifestStore } from "./manifest.js";

/**
 * Checks the output generations against their manifests on another thread while the build
 * loads and indexes the archive. Before a generation is reused every one of its files is
 * looked at (lstat); at 10,000 articles that is 32,000 files and about 0.3 s, which sat on
 * the critical path of every rebuild. The worker reads each manifest a line at a time and
 * sends back only the paths whose file is missing or altered.
 *
 * A finding is used only for the manifest it was made from: the writer asks again, after it
 * has taken the output lock, and gets nothing when the manifest has been rewritten since (by
 * another build, or this folder was renamed), in which case it looks at the files itself.
 * A file changed by hand after the check and before the build writes is not noticed, which
 * was already so for files changed after the writer's own check.
 */
export interface EarlyCheckOptions {
  /** Smaller manifests are checked on the main thread: a thread costs more than their lstat calls. */
  minManifestBytes?: number;
}

/** About 3,300 files: where a thread's start (tens of milliseconds) pays for itself. */
const MIN_MANIFEST_BYTES = 1 << 20;

export interface CheckJob {
  dir: string;
  manifest: string;
  stamp: string;
}

export type CheckResult = { dir: string; stamp: string; altered: string[] } | { dir: string; failed: string };

function workerFile(): string {
  return fileURLToPath(new URL("./check-worker.js", import.meta.url));
}

export class EarlyCheck {
  readonly #results = new Map<string, Promise<CheckResult | undefined>>();

  private constructor(
    private readonly store: ManifestStore,
    private readonly worker: Worker,
    jobs: readonly CheckJob[],
  ) {
    const settle = new Map<string, (r: CheckResult | undefined) => void>();
    for (const job of jobs) this.#results.set(job.dir, new Promise((resolve) => settle.set(job.dir, resolve)));
    const finish = () => {
      for (const resolve of settle.values()) resolve(undefined);
    };
    worker.on("message", (result: CheckResult) => settle.get(result.dir)?.(result));
    // Whatever goes wrong here, the writer looks at the files itself.
    worker.on("error", finish);
    worker.on("exit", finish);
    // Not unref'd: a build awaiting a finding may have nothing else keeping the process alive.
    // The thread ends by itself once it has checked every folder, and close() ends it sooner.
  }

  /**
   * Starts checking `dirs`, in that order (the one the build most likely reuses first).
   * Undefined when there is nothing worth a thread: no compiled worker file (vitest runs the
   * sources), or no manifest of `minManifestBytes` or more.
   */
  static start(store: ManifestStore, dirs: readonly string[], options: EarlyCheckOptions = {}): EarlyCheck | undefined {
    const min = options.minManifestBytes ?? MIN_MANIFEST_BYTES;
    const jobs: CheckJob[] = [];
    for (const dir of dirs) {
      const found = store.locate(dir);
      if (found && found.size >= min) jobs.push({ dir, manifest: found.path, stamp: found.stamp });
    }
    if (jobs.length === 0 || !existsSync(workerFile())) return undefined;
    let worker: Worker;
    try {
      worker = startWorker(workerFile(), { workerData: jobs });
    } catch {
      return undefined; // no thread (a limit on threads, say): the writer looks at the files itself
    }
    return new EarlyCheck(store, worker, jobs);
  }

  /**
   * The files of `dir` that are missing or altered, if the check covered the manifest the
   * folder has now; undefined when it did not, or failed.
   */
  async altered(dir: string): Promise<Set<string> | undefined> {
    const result = await this.#results.get(dir);
    if (!result || "failed" in result) return undefined;
    return this.store.locate(dir)?.stamp === result.stamp ? new Set(result.altered) : undefined;
  }

  /** Stops the thread; the findings already made stay available. */
  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/** What the worker does for one job, also callable in-process. */
export function runCheck(job: CheckJob): CheckResult {
  try {
    const altered = alteredFiles(job.manifest, job.dir);
    // A manifest rewritten while it was read may have been read half old, half new.
    if (!altered || stampOf(job.manifest) !== job.stamp) return { dir: job.dir, failed: "the manifest changed or is incomplete" };
    return { dir: job.dir, stamp: job.stamp, altered };
  } catch (error) {
    return { dir: job.dir, failed: String(error) };
  }
}
