/**
 * A cheap plain-text view of a Markdown body for word counts and excerpts, computed while
 * loading without running remark: loading must stay fast at 100,000 articles.
 */
export interface PlainText {
  wordCount: number;
  firstParagraph: string;
}

const EXCERPT_LENGTH = 240;

export function plainText(markdown: string, stripped = stripMarkdown(markdown)): PlainText {
  const words = stripped.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  const first = firstParagraph(stripped)?.replace(/\s+/g, " ").trim() ?? "";
  return { wordCount: words?.length ?? 0, firstParagraph: truncate(first, EXCERPT_LENGTH) };
}

const PARAGRAPH_BREAK = /\n\s*\n/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The first of `text.split(/\n\s*\n/)` with a letter or digit, found without splitting the
 * whole body: the break cannot match an empty string, so these are split's pieces exactly.
 */
function firstParagraph(text: string): string | undefined {
  for (let start = 0; ; ) {
    PARAGRAPH_BREAK.lastIndex = start;
    const found = PARAGRAPH_BREAK.exec(text);
    const piece = text.slice(start, found ? found.index : text.length);
    if (LETTER_OR_DIGIT.test(piece)) return piece;
    if (!found) return undefined;
    start = found.index + found[0].length;
  }
}

/**
 * Each pass runs only when the text holds what its pattern cannot match without (a `#`, a
 * `](`, …): most news bodies have no headings, links, quotes or emphasis, and a pass over a
 * body costs as much whether it finds anything or not. The result is the same either way.
 */
export function stripMarkdown(markdown: string): string {
  let text = markdown;
  if (text.includes("```") || text.includes("~~~")) text = text.replace(/```[\s\S]*?```|~~~[\s\S]*?~~~/g, "");
  if (text.includes("<!--")) text = text.replace(/<!--[\s\S]*?-->/g, "");
  text = stripTags(text);
  if (text.includes("#")) text = text.replace(/^\s{0,3}#{1,6}\s+.*$/gm, "");
  if (text.includes("](")) {
    text = text.replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1");
    text = text.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
  }
  if (text.includes("][")) text = text.replace(/\[([^\]]*)\]\[[^\]]*\]/g, "$1");
  if (text.includes("]:")) text = text.replace(/^\s{0,3}\[[^\]]+\]:.*$/gm, "");
  if (text.includes(">")) text = text.replace(/^\s{0,3}>\s?/gm, "");
  text = text.replace(/^\s{0,3}(?:[-*+]|\d+[.)])\s+/gm, "");
  if (EMPHASIS_MARK.test(text)) text = text.replace(/(\*\*|__|\*|_|~~|`)(?=\S)([^\n]*?\S)\1/g, "$2");
  return text;
}

const EMPHASIS_MARK = /[*_`]|~~/;

/**
 * `<` up to the next `>` on its line, removed as `/<[^>\n]+>/g` would, in linear time: that
 * regex looked from every `<` to the end of its line, and a line of 50,000 `<` took 7 s.
 */
function stripTags(text: string): string {
  let out = "";
  let last = 0;
  // The next `>` and line break after the current `<`; text.length when there is none. Each
  // is looked for again only once the scan has passed it, so no stretch is searched twice.
  let gt = -1;
  let nl = -1;
  for (let i = text.indexOf("<"); i !== -1; ) {
    if (gt <= i) gt = nextIndex(text, ">", i + 1);
    if (nl <= i) nl = nextIndex(text, "\n", i + 1);
    if (gt < nl && gt > i + 1) {
      out += text.slice(last, i);
      last = gt + 1;
      i = text.indexOf("<", last);
    } else i = text.indexOf("<", i + 1);
  }
  return out + text.slice(last);
}

function nextIndex(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at === -1 ? text.length : at;
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, "")}…`;
}
