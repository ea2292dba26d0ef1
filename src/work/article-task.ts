import { readFile } from "node:fs/promises";
import type { Article } from "../content/article.js";
import type { SourceFile } from "../content/discover.js";
import { loadArticle } from "../content/load.js";
import { renderMarkdown, type MarkdownResult } from "../content/markdown.js";
import { DiagnosticBag, type Diagnostic } from "../diagnostics.js";

/**
 * The unit of work a cold build spends its time on: read one article, parse and validate its
 * frontmatter, and turn its body into HTML. It is a pure function of the file and the
 * options, so it runs the same in a worker thread or in-process, and its result can be cached
 * by the file's digest.
 */
export interface ArticleTask {
  file: SourceFile;
  timezone: string;
}

export interface ArticleTaskResult {
  /** The article when it loaded without errors. */
  article?: Article;
  diagnostics: Diagnostic[];
  markdown?: MarkdownResult;
}

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
  const sink: { body?: string } = {};
  const article = loadArticle(task.file, bytes, { timezone: task.timezone }, bag, sink);
  if (!article || sink.body === undefined) return { diagnostics: bag.list() };
  return { article, diagnostics: bag.list(), markdown: await renderMarkdown(sink.body) };
}
