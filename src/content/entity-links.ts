import type { Link, Parent, Root, RootContent, Text } from "mdast";

/**
 * A remark transform that links the first mention of each entity in an article body to the
 * entity's page. A different name for the same entity (`PMF`, `Hashd al-Shaabi` after `Popular
 * Mobilization Forces`) is linked at its first use too, so readers learn what it stands for; a
 * short form contained in a linked name (`Miri` after `Muqdad Miri`) is not. Never inside links,
 * headings, code, HTML or images, and only on word boundaries (`Iraq’s` yes, `Iraqi` never).
 */
export interface EntityLink {
  /** The exact strings that name the entity in this article, as the extractor found them. */
  mentions: readonly string[];
  /** Already prefixed and encoded. */
  href: string;
}

const SKIP = new Set(["link", "linkReference", "heading", "code", "inlineCode", "html", "definition", "image", "imageReference", "footnoteDefinition"]);
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

export function remarkEntityLinks() {
  return (tree: Root, file: { data: Record<string, unknown> }) => {
    const links = file.data.entityLinks as readonly EntityLink[] | undefined;
    if (!links?.length) return;
    // Longest first, so `Popular Mobilization Forces` wins over a shorter alias at the same place.
    const patterns = links
      .flatMap((link, index) => link.mentions.filter((m) => m.length > 0).map((text) => ({ text, index })))
      .sort((a, b) => b.text.length - a.text.length);
    walk(tree, patterns, links, new Map());
  };
}

/** Entity index → the names already linked for it. */
type Linked = Map<number, string[]>;

function walk(parent: Parent, patterns: { text: string; index: number }[], links: readonly EntityLink[], done: Linked): void {
  for (let i = 0; i < parent.children.length; i++) {
    const node = parent.children[i] as RootContent;
    if (SKIP.has(node.type)) continue;
    if (node.type === "text") {
      const replaced = linkText(node, patterns, links, done);
      if (replaced) {
        parent.children.splice(i, 1, ...(replaced as never[]));
        i += replaced.length - 1;
      }
    } else if ("children" in node) walk(node as Parent, patterns, links, done);
  }
}

/** Splits a text node around the first mentions of entities not linked yet; undefined if none. */
function linkText(node: Text, patterns: { text: string; index: number }[], links: readonly EntityLink[], done: Linked): (Text | Link)[] | undefined {
  const out: (Text | Link)[] = [];
  let rest = node.value;
  for (;;) {
    let best: { at: number; text: string; index: number } | undefined;
    for (const p of patterns) {
      if (done.get(p.index)?.some((linked) => linked.includes(p.text))) continue;
      const at = findWord(rest, p.text);
      if (at >= 0 && (!best || at < best.at)) best = { at, ...p };
    }
    if (!best) break;
    if (best.at > 0) out.push({ type: "text", value: rest.slice(0, best.at) });
    out.push({ type: "link", url: links[best.index]!.href, title: null, children: [{ type: "text", value: best.text }] });
    done.set(best.index, [...(done.get(best.index) ?? []), best.text]);
    rest = rest.slice(best.at + best.text.length);
  }
  if (out.length === 0) return undefined;
  if (rest) out.push({ type: "text", value: rest });
  return out;
}

function findWord(text: string, word: string): number {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = at > 0 ? text[at - 1]! : "";
    const after = text[at + word.length] ?? "";
    if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after)) return at;
  }
  return -1;
}
