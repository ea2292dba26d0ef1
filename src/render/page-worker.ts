import { parentPort, workerData } from "node:worker_threads";
import { DatelineError } from "../errors.js";
import { writeIntoFresh, type WrittenStat } from "../write/writer.js";
import { TemplateRenderer } from "./eleventy.js";
import { pageKey } from "./page-keys.js";
import type { TemplateData } from "./views.js";

/**
 * A page-rendering worker thread (render/page-pool.ts): runs the templates over page data the
 * main thread built, writes each page straight into the folder being built, and sends back
 * only the page's key. Errors go back as text; a template error already names the template
 * file, line and page.
 */
export interface PageWorkerSetup {
  templatesDir: string;
  /** The fresh output folder being filled (nothing in it is ever overwritten). */
  directory: string;
  pagesKey: string;
}

/**
 * A page's view travels as the JSON it is keyed on (page-keys.ts keyedJson): parsing text is
 * cheaper than cloning an object graph, and the key needs that text anyway. An article page's
 * JSON carries the stand-in for its body; the body itself comes beside it.
 */
export type PageTask = TemplatedPage | GeneratedFile;

interface TemplatedPage {
  output: string;
  json: string;
  label: string;
  bodyHtml?: string;
}

/** A file the main thread made (a term feed, a sitemap): written here, keyed by its bytes. */
interface GeneratedFile {
  output: string;
  file: string | Uint8Array;
}

export type PageResult = { ok: true; key: string; stat: WrittenStat } | { ok: false; message: string; hint?: string | undefined };

const port = parentPort;
if (port) {
  const setup = workerData as PageWorkerSetup;
  let renderer: Promise<TemplateRenderer> | undefined;
  const made = new Set<string>();
  port.on("message", async (batch: { id: number; tasks: PageTask[] }) => {
    const results: PageResult[] = [];
    for (const task of batch.tasks) {
      try {
        if ("file" in task) {
          const stat = writeIntoFresh(setup.directory, task.output, task.file, made);
          results.push({ ok: true, key: pageKey(setup.pagesKey, task.output, task.file), stat });
          continue;
        }
        const data = JSON.parse(task.json) as TemplateData;
        if (task.bodyHtml !== undefined && data.page.template === "article") data.page.bodyHtml = task.bodyHtml;
        const html = await (await (renderer ??= TemplateRenderer.create(setup.templatesDir))).render(data, task.label);
        const stat = writeIntoFresh(setup.directory, task.output, html, made);
        results.push({ ok: true, key: pageKey(setup.pagesKey, task.output, task.json), stat });
      } catch (error) {
        const named = error instanceof DatelineError;
        results.push({ ok: false, message: named ? error.message : `writing ${task.output}: ${String((error as Error)?.message ?? error)}`, hint: named ? error.hint : undefined });
      }
    }
    port.postMessage({ id: batch.id, results });
  });
}
