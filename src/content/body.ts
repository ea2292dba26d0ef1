import type { EntityLink } from "./entity-links.js";
import { renderMarkdown, type MarkdownResult } from "./markdown.js";
import { readBody } from "./source.js";
import { DatelineError } from "../errors.js";

/** What rendering a body needs to know about its article: plain data, so it crosses threads. */
export type BodySource = Parameters<typeof readBody>[0];

/**
 * Reads an article's body again and renders it. Content is checked before rendering, but a
 * Markdown shape remark cannot handle must still name its article rather than surface as a
 * bare stack overflow.
 */
export async function renderArticleBody(article: BodySource, entityLinks: readonly EntityLink[]): Promise<MarkdownResult> {
  const text = await readBody(article);
  try {
    return await renderMarkdown(text, { entityLinks });
  } catch (error) {
    throw new DatelineError(`${article.file}: the Markdown body could not be rendered: ${(error as Error).message}`, {
      cause: error,
      hint: "simplify the deepest nesting or the longest run of markup in this article; nothing was written",
    });
  }
}
