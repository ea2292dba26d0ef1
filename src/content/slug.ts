/**
 * The one place that turns names into URL segments. Rules:
 * - Unicode NFC, then case-folded, so `Syria`, `syria` and `SYRIA` are one slug.
 * - Latin letters lose their accents (`São Paulo` → `sao-paulo`); a few letters that do not
 *   decompose are spelled out (`ß` → `ss`, `Ø` → `o`). Greek letters lose theirs too (capitals
 *   are written without them: `ΑΘΗΝΑ` is `Αθήνα`), and the vowel points Arabic and Hebrew
 *   usually leave out are dropped (`العِراق` is `العراق`), with the Arabic stretching stroke.
 * - Letters and digits of other scripts are kept as they are (NFC, lower case): `بغداد` stays
 *   readable and is stable; browsers percent-encode it on the wire.
 * - Everything else becomes a single hyphen; no leading, trailing or doubled hyphens, so a slug
 *   can never be `.`, `..`, contain `/` or `\`, or be empty unless the name had no letters or digits.
 */

const SPELLED_OUT: Readonly<Record<string, string>> = {
  ß: "ss",
  ẞ: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  đ: "d",
  ð: "d",
  þ: "th",
  ł: "l",
  ı: "i",
  ħ: "h",
  ŧ: "t",
  ŋ: "n",
};

const COMBINING_MARK = /\p{M}/gu;
/** Letters whose accents are optional spelling: a name written with or without them is one name. */
const ACCENTED_LETTER = /[\p{Script=Latin}\p{Script=Greek}]\p{M}+/gu;
/**
 * Arabic harakat, Quranic annotation signs and tatweel; Hebrew cantillation and niqqud. Not
 * the other marks of these scripts, nor any Devanagari sign: those change the letter.
 */
const OPTIONAL_POINTS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7]/gu;
/** Marks stay: in Devanagari or Arabic they are part of the letter they follow. */
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}\p{M}]+/gu;
/** A mark with no letter before it (after a hyphen, or first) belongs to nothing. */
const ORPHAN_MARKS = /(^|-)\p{M}+/gu;
/** Keeps slugs usable as file names on every file system (255 bytes) with room for suffixes. */
const MAX_SLUG_LENGTH = 80;

/**
 * The identity of a name: two names with the same key are the same tag or entity. Indexing
 * an archive asks for the key of the same few thousand names hundreds of thousands of times
 * (every mention of every entity in every article), so keys are remembered; the memo is
 * dropped when it grows past a bound, so memory stays flat whatever the archive.
 */
export function nameKey(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    if (nameKeys.size >= MAX_REMEMBERED_KEYS) nameKeys.clear();
    key = foldName(name);
    nameKeys.set(name, key);
  }
  return key;
}

/**
 * nameKey without the memo, for text seen once (a headline searched for names): remembered,
 * 100,000 headlines pushed out the names that are asked for again and again, and nameKey went
 * from 0.4 s of a 10,000-article build to 4.2 s of a 100,000-article one.
 */
export function foldName(name: string): string {
  // Printable ASCII words with single spaces are already NFKC and collapsed: lower case is
  // the whole key. Most names in an English archive are, and past the memo's bound (an
  // archive of 100,000 articles names more than that) the full path cost seconds.
  return PLAIN_ASCII_NAME.test(name) ? name.toLowerCase() : collapseWhitespace(name.normalize("NFKC")).toLowerCase().normalize("NFC");
}

const PLAIN_ASCII_NAME = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

const nameKeys = new Map<string, string>();
const MAX_REMEMBERED_KEYS = 200_000;

/** Returns "" when the text has no letters or digits: callers report that as a content error. */
export function slugify(text: string): string {
  // Strip accents only from Latin and Greek letters, and only the optional points of Arabic
  // and Hebrew: elsewhere marks are part of the letter (Devanagari vowel signs, the breve of
  // Cyrillic й) and removing them changes the word. Accents go
  // before letters are spelled out, so `ǣ` (æ with a macron) becomes `ae` like `æ` does.
  const bare = text.normalize("NFKC").toLowerCase().normalize("NFD").replace(ACCENTED_LETTER, (m) => m.replace(COMBINING_MARK, "")).replace(OPTIONAL_POINTS, "");
  let out = "";
  for (const ch of bare) out += SPELLED_OUT[ch] ?? ch;
  out = out.normalize("NFC").replace(NOT_LETTER_OR_DIGIT, "-").replace(ORPHAN_MARKS, "$1").replace(/-{2,}/g, "-").replace(/^-+|-+$/g, "");
  if (out.length > MAX_SLUG_LENGTH) out = truncateAtHyphen(out, MAX_SLUG_LENGTH);
  return out;
}

function truncateAtHyphen(slug: string, max: number): string {
  const chars = [...slug].slice(0, max).join("");
  const cut = chars.lastIndexOf("-");
  return (cut > max / 2 ? chars.slice(0, cut) : chars).replace(/-+$/g, "");
}

function collapseWhitespace(s: string): string {
  return s.replace(/\s+/gu, " ").trim();
}

/** Trims and collapses runs of whitespace: the spelling we display. */
export function cleanName(name: string): string {
  return collapseWhitespace(name.normalize("NFC"));
}
