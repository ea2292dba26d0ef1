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
  // Only the first paragraph with a letter or digit is wanted: the rest are not normalized.
  const found = stripped.split(/\n\s*\n/).find((p) => /[\p{L}\p{N}]/u.test(p));
  const first = found === undefined ? "" : found.replace(/\s+/g, " ").trim();
  return { wordCount: words?.length ?? 0, firstParagraph: truncate(first, EXCERPT_LENGTH) };
}

export function stripMarkdown(markdown: string): string {
  const withoutHtml = stripTags(markdown.replace(/```[\s\S]*?```|~~~[\s\S]*?~~~/g, "").replace(/<!--[\s\S]*?-->/g, ""));
  return withoutHtml
    .replace(/^\s{0,3}#{1,6}\s+.*$/gm, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, "$1")
    .replace(/^\s{0,3}\[[^\]]+\]:.*$/gm, "")
    .replace(/^\s{0,3}>\s?/gm, "")
    .replace(/^\s{0,3}(?:[-*+]|\d+[.)])\s+/gm, "")
    .replace(/(\*\*|__|\*|_|~~|`)(?=\S)([^\n]*?\S)\1/g, "$2");
}

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
