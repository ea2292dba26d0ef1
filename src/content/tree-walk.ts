import type { Parent, RootContent } from "mdast";

/**
 * A preorder walk over a syntax tree, for the Markdown transforms that run on every article.
 * unist-util-visit allocates a parents array and a closure per node, which made visiting
 * about a tenth of the CPU a cold build spends loading articles (four visits per body); this
 * loop allocates nothing.
 *
 * The visitor returns nothing to go on (into the node's children, then its next sibling),
 * `STOP` to end the walk, or an index in `parent.children` to go on from there without
 * entering the node: what a visitor returns after replacing the node with others.
 */
export const STOP = false;

export type TreeVisitor = (node: RootContent, index: number, parent: Parent) => void | typeof STOP | number;

/** Walks everything below `root` (not `root` itself); false when a visitor stopped it. */
export function walkTree(root: Parent, visitor: TreeVisitor): boolean {
  const children = root.children;
  for (let i = 0; i < children.length; ) {
    const node = children[i]!;
    const next = visitor(node, i, root);
    if (next === STOP) return false;
    if (typeof next === "number") {
      i = next;
      continue;
    }
    if ("children" in node && !walkTree(node, visitor)) return false;
    i++;
  }
  return true;
}
