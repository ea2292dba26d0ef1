import type { Root } from "mdast";
import { entityMarkers, type MarkerSource } from "./entity-markers.js";
import { parseMarkdown, renderMarkdown, type MarkdownResult } from "./markdown.js";
import { readBody } from "./source.js";
import { DatelineError } from "../errors.js";

/** What rendering a body needs to know about its article: plain data, so it crosses threads. */
export type BodySource = Parameters<typeof readBody>[0] & MarkerSource;

/**
 * Parses an article's Markdown body (loading reads its text from the tree, and rendering can
 * take the tree from there). Content is checked before this, but a Markdown shape remark cannot
 * handle must still name its article rather than surface as a bare stack overflow.
 */
export function parseBody(file: string, text: string): Root {
  try {
    return parseMarkdown(text);
  } catch (error) {
    throw unrenderable(file, error);
  }
}

/**
 * Renders an article's Markdown body, its entities linked to markers (content/entity-markers.ts)
 * so the HTML depends on the article alone and can be cached with it. `parsed` is
 * parseBody(text) when the caller has it; rendering changes it.
 */
export async function renderBodyText(article: Pick<BodySource, "file"> & MarkerSource, text: string, parsed?: Root): Promise<MarkdownResult> {
  try {
    return await renderMarkdown(text, { entityLinks: entityMarkers(article) }, parsed);
  } catch (error) {
    throw unrenderable(article.file, error);
  }
}

function unrenderable(file: string, error: unknown): DatelineError {
  return new DatelineError(`${file}: the Markdown body could not be rendered: ${(error as Error).message}`, {
    cause: error,
    hint: "simplify the deepest nesting or the longest run of markup in this article; nothing was written",
  });
}

/** Reads an article's body again and renders it (builds that do not cache bodies). */
export async function renderArticleBody(article: BodySource): Promise<MarkdownResult> {
  return renderBodyText(article, await readBody(article));
}
