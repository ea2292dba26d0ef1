import type { Paragraph, Root, Text } from "mdast";
import { describe, expect, it } from "vitest";
import { STOP, walkTree } from "../src/content/tree-walk.js";

const text = (value: string): Text => ({ type: "text", value });
const tree = (): Root => ({
  type: "root",
  children: [
    { type: "heading", depth: 2, children: [text("a"), { type: "emphasis", children: [text("b")] }] },
    { type: "paragraph", children: [text("c"), text("d")] },
  ],
});

describe("walkTree", () => {
  it("visits every node below the root once, parents before children, in document order", () => {
    const seen: string[] = [];
    expect(walkTree(tree(), (node) => void seen.push(node.type === "text" ? node.value : node.type))).toBe(true);
    expect(seen).toEqual(["heading", "a", "emphasis", "b", "paragraph", "c", "d"]);
  });

  it("stops at STOP and says so", () => {
    const seen: string[] = [];
    const finished = walkTree(tree(), (node) => {
      seen.push(node.type);
      return node.type === "emphasis" ? STOP : undefined;
    });
    expect(finished).toBe(false);
    expect(seen).toEqual(["heading", "text", "emphasis"]);
  });

  it("goes on from the index a visitor returns, so nodes it inserted are not visited", () => {
    const root = tree();
    const seen: string[] = [];
    walkTree(root, (node, index, parent) => {
      if (node.type !== "text") return;
      seen.push(node.value);
      parent.children.splice(index, 1, text(`${node.value}1`), text(`${node.value}2`) as never);
      return index + 2;
    });
    expect(seen).toEqual(["a", "b", "c", "d"]);
    expect((root.children[1] as Paragraph).children.map((t) => (t as Text).value)).toEqual(["c1", "c2", "d1", "d2"]);
  });
});
