import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { DatelineError } from "../errors.js";
import { isHtmlSpec, type HtmlSpec, type PlannedPage } from "../pages/plan.js";
import { forEachLimit } from "../util/concurrency.js";
import { runBatches } from "../work/batches.js";
import type { Writer } from "../write/writer.js";
import type { PageResult, PageTask, PageWorkerSetup } from "./page-worker.js";
import { keyableInput, keyedJson, renderAndKey } from "./page-keys.js";
import { renderPage, type RenderEnv } from "./page.js";

/**
 * Renders and keys every page of a build that starts from an empty folder (a cold build).
 * Views need the whole Library, so they are built on the main thread; the templates, the
 * keys and the writes — most of a page's cost — run on worker threads, which would otherwise
 * sit idle once the articles are loaded. Files not made from templates (feeds, sitemaps) are
 * made on the main thread and written by the threads. With one core, few pages, or the
 * compiled worker file missing (vitest runs the TypeScript sources), everything runs on the
 * main thread; the bytes and keys are the same either way (tests/worker-pool.test.ts).
 */
const BATCH_SIZE = 16;
/**
 * Below this, starting threads costs more than it saves: each loads Eleventy and compiles the
 * templates, about 1.5 s of CPU (profiled), while a page costs about 1 ms to render.
 */
const MIN_PAGES_FOR_WORKERS = 4000;
const IN_THREAD_CONCURRENCY = 8;

function workerFile(): string {
  return fileURLToPath(new URL("./page-worker.js", import.meta.url));
}

/** `requested` as BuildOptions.pageThreads gives it; the default depends on cores and pages. */
export function pageWorkers(pages: number, requested?: number): number {
  if (!existsSync(workerFile())) return 0;
  if (requested !== undefined) return Math.max(0, Math.floor(requested));
  const cores = availableParallelism();
  return cores > 1 && pages >= MIN_PAGES_FOR_WORKERS ? Math.min(cores, 4) : 0;
}

/**
 * Writes every page through `writer`, or into `writer.directory` from the threads; returns
 * the keys in plan order and how many threads ran the templates.
 */
export async function renderEveryPage(
  pages: readonly PlannedPage[],
  env: RenderEnv,
  keying: RenderEnv,
  pagesKey: string,
  writer: Writer,
  templatesDir: string,
  threads: number,
): Promise<{ keys: string[]; threads: number }> {
  const keys: string[] = new Array(pages.length);
  const inThread = async (page: PlannedPage, i: number) => {
    const { output, key } = await renderAndKey(page, env, keying, pagesKey);
    keys[i] = key;
    await writer.write(page.output, output);
  };
  if (threads > 0 && !writer.directory) {
    throw new DatelineError("page worker threads write into the folder being built, and this writer has none", {
      hint: "pass threads 0 for writers without a directory (MemoryWriter)",
    });
  }
  const directory = threads > 0 ? writer.directory : undefined;
  if (!directory) {
    await forEachLimit(pages, IN_THREAD_CONCURRENCY, inThread);
    return { keys, threads: 0 };
  }
  // Generated files (term feeds, sitemaps) are made here, where the Library is, and written
  // and keyed by the threads: at 100,000 articles the writes of the 28,000 term feeds were
  // seconds of this thread, which is the bottleneck there. Site feeds stay here: their key
  // comes from a second rendering with stand-in bodies.
  const threaded: number[] = [];
  const here: number[] = [];
  pages.forEach((page, i) => (page.spec.kind === "feed" ? here : threaded).push(i));
  const setup: PageWorkerSetup = { templatesDir, directory, pagesKey };
  // Both run to the end even when one fails, so nothing writes into the folder once the
  // caller has thrown it away.
  const [templated, other] = await Promise.allSettled([
    runBatches<number, PageResult, PageResult & { ok: true }>({
      workerFile: workerFile(),
      threads,
      tasks: threaded,
      batchSize: BATCH_SIZE,
      label: "page rendering",
      workerData: setup,
      encode: (indexes) =>
        Promise.all(indexes.map(async (i): Promise<PageTask> => {
          const planned = pages[i]!;
          if (!isHtmlSpec(planned.spec)) return { output: planned.output, file: await renderPage(planned, env) };
          const page = planned as PlannedPage & { spec: HtmlSpec };
          const { data, label, standIn } = await keyableInput(page, env, keying);
          const task: PageTask = { output: page.output, json: keyedJson(data, standIn), label };
          if (standIn !== undefined && data.page.template === "article") task.bodyHtml = data.page.bodyHtml;
          return task;
        })),
      unwrap: (result) => {
        if (!result.ok) throw new DatelineError(result.message, result.hint === undefined ? {} : { hint: result.hint });
        return result;
      },
      onResult: ({ key, stat }, at) => {
        const i = threaded[at]!;
        keys[i] = key;
        writer.recordWritten?.(pages[i]!.output, stat);
      },
    }),
    forEachLimit(here, IN_THREAD_CONCURRENCY, (i) => inThread(pages[i]!, i)),
  ]);
  if (templated.status === "rejected") throw templated.reason;
  if (other.status === "rejected") throw other.reason;
  return { keys, threads: templated.value };
}
