import { readFileSync } from "node:fs";
import type { Article } from "../content/article.js";
import type { SourceFile } from "../content/discover.js";
import { loadArticle, type LoadSink } from "../content/load.js";
import { parseBody, renderBodyText } from "../content/body.js";
import type { MarkdownResult } from "../content/markdown.js";
import { DiagnosticBag, type Diagnostic } from "../diagnostics.js";
import { compileRegistry, type CompiledRegistry } from "../entities/matcher.js";
import type { RegistryEntry } from "../entities/types.js";
import { docContent, type DocContent } from "../search/docs.js";
import { searchTokenizer, type SearchTokenizer } from "../search/tokenize.js";

/**
 * One article's loading: read, parse and validate the frontmatter, find entity mentions with
 * the registry, render the body. A pure function of the file, the time zone and the registry,
 * so it runs the same in a worker thread or in-process, and its result can be cached by the
 * file's digest. The body links entities to markers that page rendering resolves once the
 * Library knows which entities have pages (content/entity-markers.ts), so the file is read
 * and its frontmatter parsed once per build, not once to load and again to render.
 */
export interface ArticleTask {
  file: SourceFile;
  timezone: string;
  registry: { digest: string; entries: RegistryEntry[] };
}

export interface ArticleTaskResult {
  /** The article when it loaded without errors. */
  article?: Article;
  /** Its rendered body, with entity markers. */
  body?: MarkdownResult;
  /** Its search text and terms, made here while the body is in hand (search/docs.ts). */
  search?: DocContent;
  diagnostics: Diagnostic[];
}

/** Compiled once per registry and thread: tasks arrive in batches, each with its own copy. */
const compiled = new Map<string, CompiledRegistry>();

export async function runArticleTask(task: ArticleTask): Promise<ArticleTaskResult> {
  const bag = new DiagnosticBag();
  let bytes: Uint8Array;
  try {
    // Synchronous: this runs on a worker thread with nothing else to do, and fs/promises costs
    // four thread-pool round trips per file (open, stat, read, close), about 0.1 ms each article.
    bytes = readFileSync(task.file.absolutePath);
  } catch (error) {
    bag.error(task.file.displayPath, undefined, "file/unreadable", `cannot read the file: ${(error as Error).message}`,
      "check that the file exists and is readable");
    return { diagnostics: bag.list() };
  }
  let registry = compiled.get(task.registry.digest);
  if (!registry) compiled.set(task.registry.digest, (registry = compileRegistry(task.registry.entries)));
  const source: LoadSink = {};
  const article = loadArticle(task.file, bytes, { timezone: task.timezone, registry, parse: parseBody }, bag, source);
  if (!article) return { diagnostics: bag.list() };
  const body = await renderBodyText(article, source.body ?? "", source.tree);
  const search = docContent(article.title, source.search ?? "", (tokenizer ??= searchTokenizer()));
  return { article, body, search, diagnostics: bag.list() };
}

let tokenizer: SearchTokenizer | undefined;
