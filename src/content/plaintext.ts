/**
 * Word count and excerpt of a body, from its prose as the page shows it (content/visible-text.ts).
 */
export interface PlainText {
  wordCount: number;
  firstParagraph: string;
}

const EXCERPT_LENGTH = 240;

export function plainText(prose: string): PlainText {
  const first = firstParagraph(prose)?.replace(/\s+/g, " ").trim() ?? "";
  return { wordCount: countWords(prose), firstParagraph: truncate(first, EXCERPT_LENGTH) };
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** A Chinese or Japanese character, or a word of any other script that runs up to one. */
const CJK_AWARE_WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}])(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}'’-])*/gu;

/**
 * Words as a reader counts them. Chinese and Japanese put no spaces between words, so each of
 * their characters counts as one, as word counts and reading times for those languages are
 * reckoned; an 8,800-character report is not a 3-minute read. Text without them takes the
 * plain pattern, which is several times cheaper.
 */
function countWords(prose: string): number {
  return (prose.match(CJK.test(prose) ? CJK_AWARE_WORD : WORD) ?? []).length;
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
