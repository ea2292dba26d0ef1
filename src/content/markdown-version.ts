/**
 * Bump when the output of the Markdown pipeline (markdown.ts) changes, so cached HTML is not
 * reused. Kept apart from markdown.ts so cache keys can be computed without loading remark.
 */
export const MARKDOWN_PIPELINE_VERSION = "5";
