import type { Image, ImageReference, Link, Root, RootContent, Text } from "mdast";
import { defaultSchema, type Schema } from "hast-util-sanitize";
import { toString } from "mdast-util-to-string";
import { remark } from "remark";
import remarkHtml from "remark-html";
import { remarkEntityLinks, type EntityLink } from "./entity-links.js";
import { bareUrlLinks, mayHoldTable, remarkGfmParts } from "./gfm.js";
import { parseWithPlainBlocks } from "./plain-blocks.js";
import { plainHtml } from "./plain-html.js";
import { slugify } from "./slug.js";
import { STOP, walkTree } from "./tree-walk.js";

/**
 * The one module that knows remark. Article bodies are untrusted: remark-html sanitizes with
 * GitHub's schema, so raw HTML (script, iframe, event handlers) is dropped and only http(s),
 * mailto and relative URLs survive in links and images. Heading ids are added before
 * sanitizing; GitHub's `user-content-` prefix is not needed because raw HTML, the only other
 * source of ids, never reaches the output. Images from other hosts become links to them: the
 * published site loads nothing from another origin (see the Content-Security-Policy in
 * `_headers`), and a reader still reaches the picture.
 */
export interface MarkdownResult {
  html: string;
  headings: { depth: number; id: string; text: string }[];
}

export { MARKDOWN_PIPELINE_VERSION } from "./markdown-version.js";

export interface MarkdownOptions {
  /**
   * Entity pages the body links to (first mention of each). They come from the registry, so a
   * cache of this HTML must key on the registry digest as well as on the article's digest.
   */
  entityLinks?: readonly EntityLink[];
}

const sanitizeSchema: Schema = {
  ...defaultSchema,
  clobberPrefix: "",
  // Editors' images may be relative to the article ("photo.jpg"), which the default allows.
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"] },
};

const pipeline = (tables: boolean) =>
  remark()
    .use(remarkGfmParts, { tables })
    .use(bareUrlLinks)
    .use(headingIds)
    .use(remarkEntityLinks)
    .use(externalImagesAsLinks)
    .use(remarkHtml, { sanitize: sanitizeSchema })
    .freeze();
const withTables = pipeline(true);
const withoutTables = pipeline(false);
/** Serialises trees that `needsSanitizing` cleared: see there. */
const unsanitized = remark().use(remarkHtml, { sanitize: false }).freeze();

/**
 * The body's syntax tree before our transforms, which is what loading reads the body's text
 * from (content/visible-text.ts). Parsing is most of what rendering costs, so a caller that
 * renders too passes this tree to renderMarkdown rather than have the body parsed twice.
 */
export function parseMarkdown(markdown: string): Root {
  const processor = mayHoldTable(markdown) ? withTables : withoutTables;
  return parseWithPlainBlocks(markdown, (text) => processor.parse(text) as Root);
}

/** `parsed`, when given, is parseMarkdown(markdown), which rendering changes in place. */
export async function renderMarkdown(markdown: string, options: MarkdownOptions = {}, parsed = parseMarkdown(markdown)): Promise<MarkdownResult> {
  const processor = mayHoldTable(markdown) ? withTables : withoutTables;
  const data: Record<string, unknown> = { entityLinks: options.entityLinks ?? [] };
  const tree = (await processor.run(parsed, { value: markdown, data })) as Root;
  const html = needsSanitizing(tree) ? processor.stringify(tree, { value: markdown, data }) : (plainHtml(tree) ?? unsanitized.stringify(tree));
  return { html: String(html), headings: (data.headings as MarkdownResult["headings"]) ?? [] };
}

/**
 * The same pipeline with every shortcut off (the table tokenizer always on, the sanitizer
 * always run): the reference the shortcuts are tested against, and nothing else.
 */
export async function renderMarkdownReference(markdown: string, options: MarkdownOptions = {}): Promise<MarkdownResult> {
  const file = await withTables.process({ value: markdown, data: { entityLinks: options.entityLinks ?? [] } });
  return { html: String(file), headings: (file.data.headings as MarkdownResult["headings"]) ?? [] };
}

/**
 * Sanitizing is a quarter of the cost of rendering a news article, and for most articles it
 * changes nothing: everything the Markdown can produce without raw HTML is in the sanitize
 * schema, except URLs with other schemes and the attributes of footnotes and task lists. So a
 * tree with no raw HTML, footnotes or task items, whose every URL is relative or http(s) (or
 * mailto for links), is serialised directly; any other goes through the sanitizer. A property
 * test (tests/markdown-fast-path.test.ts) holds the two paths to the same bytes.
 */
function needsSanitizing(tree: Root): boolean {
  return !walkTree(tree, (node) => (safeToSerialise(node) ? undefined : STOP));
}

function safeToSerialise(node: RootContent): boolean {
  switch (node.type) {
    case "html":
    case "footnoteReference":
    case "footnoteDefinition":
      return false;
    case "listItem":
      return typeof node.checked !== "boolean";
    case "link":
    case "definition":
      return plainUrl(node.url, true);
    case "image":
      return plainUrl(node.url, false);
    default:
      return true;
  }
}

/** A URL the sanitizer keeps as it is: no scheme (as it reads schemes), or an allowed one. */
function plainUrl(url: string, isLink: boolean): boolean {
  if (url.startsWith("http://") || url.startsWith("https://") || (isLink && url.startsWith("mailto:"))) return true;
  const colon = url.indexOf(":");
  if (colon < 0) return true;
  const before = (c: string) => {
    const at = url.indexOf(c);
    return at > -1 && at < colon;
  };
  return before("/") || before("?") || before("#");
}

/**
 * Ids an article page holds besides its headings': the layout's skip-link target and the
 * article template's own headings (templates/), and the footnote section's heading. A body
 * heading with the same text is numbered as a repeat (`## Content` → `content-2`), so the
 * page keeps one element per id and the skip link lands on the page, not on a heading.
 * Templates that add ids of their own should prefix them, as `related-heading` does.
 */
export const RESERVED_PAGE_IDS: readonly string[] = ["content", "corrections-heading", "related-heading", "footnote-label"];
/** Footnotes and their references take ids under this prefix (remark-gfm with our sanitizer). */
const FOOTNOTE_ID_PREFIX = "user-content-";

/** Stable ids from heading text (`## Border talks` → `border-talks`), numbered on repeats. */
function headingIds() {
  return (tree: Root, file: { data: Record<string, unknown> }) => {
    const taken = new Set(RESERVED_PAGE_IDS);
    /** The last number each base was given, so the next repeat starts looking after it. */
    const repeats = new Map<string, number>();
    const headings: MarkdownResult["headings"] = [];
    walkTree(tree, (node) => {
      if (node.type !== "heading") return;
      const text = toString(node, { includeHtml: false });
      const slug = slugify(text) || "section";
      // `## User content fn 1` would take a footnote's id; no footnote id starts with `h-`.
      const base = slug.startsWith(FOOTNOTE_ID_PREFIX) ? `h-${slug}` : slug;
      // Numbered until free: `## Intro`, `## Intro`, `## Intro 2` must not share `intro-2`.
      let n = repeats.get(base) ?? 1;
      let id = base;
      while (taken.has(id)) id = `${base}-${++n}`;
      repeats.set(base, n);
      taken.add(id);
      node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id } };
      headings.push({ depth: node.depth, id, text });
    });
    file.data.headings = headings;
  };
}

/** `https://…`, `data:…`, `//host/…`: anything that is not a path on this site. */
const NOT_A_SITE_PATH = /^(?:[a-z][a-z0-9+.-]*:|[/\\]{2})/i;

function externalImagesAsLinks() {
  return (tree: Root) => {
    const definitions = new Map<string, string>();
    walkTree(tree, (node) => {
      if (node.type === "definition") definitions.set(node.identifier, node.url);
    });
    walkTree(tree, (node, index, parent) => {
      if (node.type !== "image" && node.type !== "imageReference") return;
      const image = node as Image | ImageReference;
      const url = image.type === "image" ? image.url : definitions.get(image.identifier);
      if (url === undefined || !NOT_A_SITE_PATH.test(url.trim())) return;
      const link: Link = { type: "link", url, children: [{ type: "text", value: image.alt || url }] };
      parent.children.splice(index, 1, link as never);
    });
  };
}

export type { Text };
