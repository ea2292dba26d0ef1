/**
 * Tokens and sentences of plain text, with offsets, for the entity extractor. Hand-written
 * rather than a tokenizer library: it only has to find words, their capitalisation and the
 * sentence they start, and it must cost well under a millisecond per thousand words.
 */
export interface Token {
  /** The word as written, without a trailing possessive (`Iraq’s` → `Iraq`). */
  text: string;
  /** For comparisons: straight apostrophes, NFC. */
  key: string;
  /** `key` in lower case. */
  low: string;
  /** Starts with a capital (or `al-` and a capital). */
  cap: boolean;
  start: number;
  end: number;
  /** Index of the sentence holding it. */
  sentence: number;
  /** First word of a sentence, of a line, or after an opening quote: capitals prove nothing. */
  initial: boolean;
  /** The characters between the previous token and this one. */
  gap: string;
  /** Inside a line written in capitals (a headline): capitals prove nothing either. */
  shouting: boolean;
}

export interface Sentence {
  start: number;
  end: number;
}

export interface Analysed {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

// A word: letters/digits with inner apostrophes, hyphens, periods (U.S.) and ampersands.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-'’.&][\p{L}\p{N}\p{M}]+)*\.?/gu;
const POSSESSIVE = /['’]s$/u;

/** Short words ending in a period that do not end a sentence. */
const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "prof", "gen", "brig", "col", "lt", "maj", "capt", "cpt", "sgt", "cmdr", "adm", "gov", "sen",
  "rep", "rev", "st", "mt", "ft", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr",
  "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "fig", "approx",
  "dept", "est", "pres", "supt", "insp", "cpl", "pvt", "hon", "messrs",
]);

export function isAbbreviation(word: string): boolean {
  const w = word.replace(/\.$/, "").toLowerCase();
  return ABBREVIATIONS.has(w) || /^\p{Lu}$/u.test(word.replace(/\.$/, "")) || /^(?:\p{L}\.)+\p{L}$/u.test(w);
}

const OPENING_QUOTE = /["“‘'(\[]\s*$/u;
const SENTENCE_END = /[.!?]["”’')\]]*\s*$/u;
const COLON_END = /:\s*$/u;
const PARAGRAPH_BREAK = /\n[ \t]*\n/;

export function analyse(text: string): Analysed {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let sentenceStart = 0;
  let previousEnd = 0;
  let lineShouting = false;
  let lineEnd = -1;
  let match: RegExpExecArray | null;
  WORD.lastIndex = 0;
  while ((match = WORD.exec(text))) {
    let word = match[0];
    const start = match.index;
    // One space is by far the most common gap: skip the allocation for it.
    const gap = start === previousEnd + 1 && text.charCodeAt(previousEnd) === 32 ? " " : text.slice(previousEnd, start);
    if (start >= lineEnd) {
      const next = text.indexOf("\n", start);
      lineEnd = next === -1 ? text.length : next;
      lineShouting = isShouting(text.slice(start, lineEnd));
    }
    // Most gaps are one space: only look closer at the others.
    const plain = gap === " ";
    // A blank line ends a paragraph; a single line break inside a Markdown paragraph does not.
    const newSentence = tokens.length === 0 || (!plain && (PARAGRAPH_BREAK.test(gap) || SENTENCE_END.test(gap)));
    if (newSentence && tokens.length > 0) {
      // The closing punctuation (`.”`, `)`) belongs to the sentence it ends.
      sentences.push({ start: sentenceStart, end: previousEnd + (/^\S*/.exec(gap)?.[0].length ?? 0) });
      sentenceStart = start;
    }
    // A sentence-final period belongs to the sentence, not the word (`Gen.` and `U.S.` keep theirs).
    if (word.charCodeAt(word.length - 1) === 46 && !isAbbreviation(word)) word = word.slice(0, -1);
    const bare = (word.includes("'") || word.includes("’")) && POSSESSIVE.test(word) && word.length > 3 ? word.slice(0, -2) : word;
    const key = wordKey(bare);
    tokens.push({
      text: bare,
      key,
      low: key.toLowerCase(),
      cap: isCapitalised(bare),
      start,
      end: start + bare.length,
      sentence: sentences.length,
      initial: newSentence || (!plain && (OPENING_QUOTE.test(gap) || COLON_END.test(gap))),
      gap,
      shouting: lineShouting,
    });
    previousEnd = start + word.length;
  }
  sentences.push({ start: sentenceStart, end: text.length });
  return { text, tokens, sentences };
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Straight apostrophes and NFC, so `Iraq’s` and `Iraq's` are one word. */
export function wordKey(word: string): string {
  return NON_ASCII.test(word) ? word.replace(/’/g, "'").normalize("NFC") : word;
}

/** A line of several words with (almost) no lower-case letters: a headline in capitals. */
function isShouting(line: string): boolean {
  let upper = 0;
  let lowerCount = 0;
  let spaces = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      if (++lowerCount > 3 && lowerCount * 4 > upper) return false;
    } else if (c >= 65 && c <= 90) upper++;
    else if (c === 32) spaces++;
    else if (c > 127) {
      const ch = line[i]!;
      if (ch !== ch.toUpperCase()) lowerCount++;
      else if (ch !== ch.toLowerCase()) upper++;
    }
  }
  return upper >= 8 && upper > lowerCount * 4 && spaces >= 2;
}

export function sentenceText(a: Analysed, index: number): string {
  const s = a.sentences[index];
  return s ? a.text.slice(s.start, s.end).replace(/\s+/g, " ").trim() : "";
}

const PARTICLE = /^(?:al|el|ad|ash|as|an|bin|ibn|van|von|de|da|di|du|la|le)-\p{Lu}/u;
const UPPER_START = /^[\p{Lu}\p{Lt}]/u;

export function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128 && !(c >= 97 && c <= 122)) return false;
  if (c < 128) return word.length > 3 && word.includes("-") && PARTICLE.test(word);
  return UPPER_START.test(word) || PARTICLE.test(word);
}
