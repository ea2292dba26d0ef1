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
 * Articles to process from which a build keeps the factor above. A build that takes most
 * articles from the cache keeps little garbage either way, and V8's own factor makes it about
 * 10% faster (a warm build of 100,000 articles: 22.9 s instead of 25.2 s; one edit in a
 * running `dateline serve` of 10,000: about a quarter faster).
 */
export const LIMIT_FROM_ARTICLES = 2000;

/**
 * For the command line: limits heap growth now (commands that load the whole archive
 * without the cache keep the limit) and returns what a build calls once it knows how many
 * articles it must process, which keeps the limit for a large load and gives V8 its own
 * factor back otherwise. Undefined when node was started with its own
 * `--heap-growing-percent`, which then stands for the whole run.
 */
export function heapGrowthPolicy(execArgv: readonly string[] = process.execArgv): ((articlesToProcess: number) => void) | undefined {
  if (limitHeapGrowth(HEAP_GROWING_PERCENT, execArgv) === undefined) return undefined;
  // 0 is V8's default: no fixed factor, its own heuristics.
  return (articlesToProcess) => setFlagsFromString(`${FLAG}=${articlesToProcess >= LIMIT_FROM_ARTICLES ? HEAP_GROWING_PERCENT : 0}`);
}

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
