import { setFlagsFromString } from "node:v8";

/**
 * How far V8 lets the heap grow past what survived its last full collection before it
 * collects again, in percent. V8 picks that factor itself, up to 4× on a machine with a lot of
 * memory: measured on a 30,000-article build, the main thread kept ~300 MB alive yet its heap
 * grew to 1.1 GB before a full collection, and peak RSS reached 1.36 GB. A build's live data
 * is the archive's metadata, which only grows, while what rendering allocates dies with each
 * page, so collecting early costs little: the same build peaked at 0.67 GB with 30 and
 * 0.59 GB with 10, no slower either way (at 100,000 articles: 1.9 GB with 30). Each full
 * collection marks the live heap, so a smaller factor means more of them while the archive
 * is loaded; 15 keeps that to a few seconds at 100,000 articles.
 */
export const HEAP_GROWING_PERCENT = 15;

const FLAG = "--heap-growing-percent";

/**
 * Sets the factor for this process and its worker threads (V8 flags are per process), unless
 * node was started with its own `--heap-growing-percent`. For a command-line process only:
 * it is a process-wide setting, which a library must not change under its host. Returns the
 * percent set, or undefined when the user's own flag stands.
 */
export function limitHeapGrowth(percent = HEAP_GROWING_PERCENT, execArgv: readonly string[] = process.execArgv): number | undefined {
  if (execArgv.some((arg) => arg === FLAG || arg.startsWith(`${FLAG}=`) || arg.startsWith("--heap_growing_percent"))) return undefined;
  // V8 reads this flag each time it sets the next collection's limit, so setting it after
  // start-up takes effect from the next collection on (unlike the heap's maximum size).
  setFlagsFromString(`${FLAG}=${percent}`);
  return percent;
}
