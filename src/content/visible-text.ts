import type { FootnoteDefinition, Nodes, Parent, Root } from "mdast";

/**
 * The text a reader sees in an article's body, read from its syntax tree (content/markdown.ts
 * parseMarkdown) rather than from the Markdown, so it cannot disagree with the page: raw HTML
 * is dropped from the page whole (remark-html gives the sanitizer no `raw` nodes), so its text
 * is none of this either, while text between inline tags (`<b>word</b>`) is shown and kept;
 * character references and escapes are already decoded; a footnote marker is a link to the
 * note, not text. Code blocks are left out, as they always were: code is not prose to search,
 * count or summarise. Nothing here imports remark, so loading can use it without loading it.
 */
export interface VisibleText {
  /**
   * The prose: paragraphs, lists, quotes and tables, a blank line between blocks and line
   * breaks where the body has them. Headings and footnotes are not in it: word counts, the
   * default summary and entity mentions are made from it (content/plaintext.ts, entities/).
   */
  prose: string;
  /** Everything to search: the prose, headings in place and cited footnotes after, on one line. */
  search: string;
}

export function visibleText(tree: Root): VisibleText {
  const out = new Out();
  blocks(tree.children, "\n\n", out);
  // The page lists the notes that are cited, in the order they are first cited, after the body.
  out.searchOnly++;
  for (const id of out.cited) {
    const note = out.notes.get(id);
    if (note) {
      out.write("\n\n");
      blocks(note.children, "\n\n", out);
    }
  }
  return { prose: out.prose.join(""), search: collapseSpaces(out.search.join("")).trim() };
}

/**
 * `text.replace(/\s+/g, " ")`, without replacing each single space by itself: most of a
 * body's whitespace is single spaces, and doing so was a quarter of what visibleText cost.
 */
export function collapseSpaces(text: string): string {
  return text.replace(NOT_ONE_SPACE, " ");
}

/** A run of whitespace other than one plain space. */
const NOT_ONE_SPACE = /[^\S ]\s*| \s+/g;

class Out {
  prose: string[] = [];
  search: string[] = [];
  /** Above 0 inside a heading or a footnote: text for search only. */
  searchOnly = 0;
  /** The first definition of each footnote, which is the one the page shows. */
  notes = new Map<string, FootnoteDefinition>();
  cited = new Set<string>();

  write(text: string): void {
    this.search.push(text);
    if (this.searchOnly === 0) this.prose.push(text);
  }
}

/** Blocks with `between` between them: a blank line, or a line break in a tight list item. */
function blocks(nodes: readonly Nodes[], between: string, out: Out): void {
  for (let i = 0; i < nodes.length; i++) {
    if (i > 0) out.write(between);
    block(nodes[i]!, out);
  }
}

function block(node: Nodes, out: Out): void {
  switch (node.type) {
    case "paragraph":
      return inline(node, out);
    case "heading":
      out.searchOnly++;
      inline(node, out);
      out.searchOnly--;
      return;
    case "blockquote":
      return blocks(node.children, "\n\n", out);
    case "list":
      // A tight list's items are one paragraph of text to the summary, as its lines were.
      for (let i = 0; i < node.children.length; i++) {
        const item = node.children[i]!;
        if (i > 0) out.write(node.spread ? "\n\n" : "\n");
        blocks(item.children, node.spread || item.spread ? "\n\n" : "\n", out);
      }
      return;
    case "table":
      for (let r = 0; r < node.children.length; r++) {
        if (r > 0) out.write("\n");
        const cells = node.children[r]!.children;
        for (let c = 0; c < cells.length; c++) {
          // A separator that is not a word gap: a name cannot run from one cell into the next.
          if (c > 0) out.write(" | ");
          inline(cells[c]!, out);
        }
      }
      return;
    case "footnoteDefinition":
      if (!out.notes.has(node.identifier)) out.notes.set(node.identifier, node);
      return;
    case "code":
    case "html":
    case "definition":
    case "thematicBreak":
      return;
    default:
      if ("children" in node) inline(node, out);
  }
}

function inline(parent: Parent, out: Out): void {
  for (const node of parent.children as Nodes[]) {
    switch (node.type) {
      case "text":
      case "inlineCode":
        out.write(node.value);
        break;
      case "break":
        out.write("\n");
        break;
      case "image":
      case "imageReference":
        out.write(node.alt ?? "");
        break;
      case "footnoteReference":
        out.cited.add(node.identifier);
        break;
      case "html":
        break;
      default:
        // Emphasis, strikethrough, links: their text.
        if ("children" in node) inline(node, out);
    }
  }
}
