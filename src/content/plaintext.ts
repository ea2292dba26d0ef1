/**
 * Word count and excerpt of a body, from its prose as the page shows it (content/visible-text.ts).
 */
export interface PlainText {
  wordCount: number;
  firstParagraph: string;
}

const EXCERPT_LENGTH = 240;

export function plainText(prose: string): PlainText {
  const words = prose.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  const first = firstParagraph(prose)?.replace(/\s+/g, " ").trim() ?? "";
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

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, "")}…`;
}
