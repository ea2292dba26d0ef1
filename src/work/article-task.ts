import { readFile } from "node:fs/promises";
import type { Article } from "../content/article.js";
import type { SourceFile } from "../content/discover.js";
import { loadArticle } from "../content/load.js";
import { DiagnosticBag, type Diagnostic } from "../diagnostics.js";
import { compileRegistry, type CompiledRegistry } from "../entities/matcher.js";
import type { RegistryEntry } from "../entities/types.js";

/**
 * One article's loading: read, parse and validate the frontmatter, find entity mentions with
 * the registry. A pure function of the file, the time zone and the registry, so it runs the
 * same in a worker thread or in-process, and its result can be cached by the file's digest.
 * (Markdown is rendered later: its entity links depend on the whole library.)
 */
export interface ArticleTask {
  file: SourceFile;
  timezone: string;
  registry: { digest: string; entries: RegistryEntry[] };
}

export interface ArticleTaskResult {
  /** The article when it loaded without errors. */
  article?: Article;
  diagnostics: Diagnostic[];
}

/** Compiled once per registry and thread: tasks arrive in batches, each with its own copy. */
const compiled = new Map<string, CompiledRegistry>();

export async function runArticleTask(task: ArticleTask): Promise<ArticleTaskResult> {
  const bag = new DiagnosticBag();
  let bytes: Uint8Array;
  try {
    bytes = await readFile(task.file.absolutePath);
  } catch (error) {
    bag.error(task.file.displayPath, undefined, "file/unreadable", `cannot read the file: ${(error as Error).message}`,
      "check that the file exists and is readable");
    return { diagnostics: bag.list() };
  }
  let registry = compiled.get(task.registry.digest);
  if (!registry) compiled.set(task.registry.digest, (registry = compileRegistry(task.registry.entries)));
  const article = loadArticle(task.file, bytes, { timezone: task.timezone, registry }, bag);
  return article ? { article, diagnostics: bag.list() } : { diagnostics: bag.list() };
}
