/**
 * The search tokenizer: the ONE definition of what a searchable word is, used by the indexer
 * here and, serialized by `tokenizerModule()`, by the reader's browser. Everything it needs is
 * inside `searchTokenizer` so that its source text alone is a complete, dependency-free
 * program: no imports, no outer variables, no TypeScript-only runtime features. The browser
 * and the build therefore run the very same code, and the index can never disagree with the
 * queries made against it.
 *
 * A word is a run of characters that are not spaces, punctuation or control characters. Each
 * word is lower-cased, decomposed (NFKD: `ﬁ` → `fi`, `é` → `e` + accent) with its combining
 * marks dropped, then split into letters/digits runs. Terms get a light plural stemmer
 * (Harman's S-stemmer: plurals only, so it rarely conflates unrelated words) and a short
 * English stopword list is dropped.
 */
export interface SearchTokenizer {
  /** The index terms of a text, in order, repeats kept (for term frequencies). */
  terms(text: string): string[];
  /** The terms of one word of running text (empty for stopwords and pure punctuation). */
  wordTerms(word: string): string[];
  /** The same, without stemming: the last query word is matched as a prefix of these. */
  wordForms(word: string): string[];
  /** Every word of `text` with its offsets, for highlighting matches in an excerpt. */
  words(text: string): { start: number; end: number; word: string }[];
  /** The shard (term prefix) a term is stored in. */
  shardOf(term: string): string;
  /** A shard's file name: safe on every file system and in a URL, distinct per shard. */
  shardFile(shard: string): string;
  /** Code points of a term that name its shard. */
  readonly shardPrefix: number;
}

export function searchTokenizer(): SearchTokenizer {
  const WORD = /[^\s\p{P}\p{C}\p{Z}]+/gu;
  const PART = /[\p{L}\p{N}]+/gu;
  const MARKS = /\p{M}+/gu;
  const NON_ASCII = /[^\x00-\x7f]/;
  const SHARD_PREFIX = 3;
  const STOPWORDS = new Set(
    ("a an and are as at be but by for from had has have he her his i if in into is it its " +
      "of on or our s she so t than that the their them then there these they this to was " +
      "we were which who will with you").split(" "),
  );

  function forms(word: string): string[] {
    let w = word.toLowerCase();
    if (NON_ASCII.test(w)) w = w.normalize("NFKD").replace(MARKS, "");
    return w.match(PART) ?? [];
  }

  // Harman's S-stemmer plus sibilant plurals; words of three letters or fewer are left alone
  // ("bus", "gas", "its").
  function stem(term: string): string {
    if (term.length <= 3) return term;
    if (term.endsWith("ies") && !term.endsWith("eies") && !term.endsWith("aies")) return `${term.slice(0, -3)}y`;
    // Sibilant plurals drop "es" ("glasses", "boxes", "churches"), which Harman leaves alone.
    if (/(?:ss|x|sh|ch)es$/.test(term)) return term.slice(0, -2);
    if (term.endsWith("es") && !term.endsWith("aes") && !term.endsWith("ees") && !term.endsWith("oes")) return term.slice(0, -1);
    if (term.endsWith("s") && !term.endsWith("us") && !term.endsWith("ss")) return term.slice(0, -1);
    return term;
  }

  function wordForms(word: string): string[] {
    return forms(word).filter((f) => !STOPWORDS.has(f));
  }

  function wordTerms(word: string): string[] {
    return wordForms(word).map(stem);
  }

  // Folding the whole text at once gives the same terms as folding word by word (words end
  // at spaces, punctuation and controls, none of which is a letter or digit, before or after
  // folding) and is several times faster on a long body.
  function terms(text: string): string[] {
    const out: string[] = [];
    for (const form of forms(text)) if (!STOPWORDS.has(form)) out.push(stem(form));
    return out;
  }

  function words(text: string): { start: number; end: number; word: string }[] {
    return [...text.matchAll(WORD)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, word: m[0] }));
  }

  function shardOf(term: string): string {
    return Array.from(term).slice(0, SHARD_PREFIX).join("");
  }

  // Plain lower-case ASCII names stay readable; anything else is spelled as UTF-8 hex after
  // an underscore, which no plain name contains.
  function shardFile(shard: string): string {
    if (/^[a-z0-9]+$/.test(shard)) return `${shard}.json`;
    const hex = Array.from(new TextEncoder().encode(shard), (b) => b.toString(16).padStart(2, "0")).join("");
    return `_${hex}.json`;
  }

  return { terms, wordTerms, wordForms, words, shardOf, shardFile, shardPrefix: SHARD_PREFIX };
}

/**
 * The tokenizer as an ES module for the browser, copied into the search bundle. Its text is
 * `searchTokenizer`'s own compiled source, so the two cannot drift apart. Its bytes are those
 * of the JavaScript Dateline runs as (tsc's lib/ for the CLI; a test runner's transform of
 * the TypeScript in tests), which is why the index settings key on this text.
 */
export function tokenizerModule(): string {
  return `// Generated by Dateline from src/search/tokenize.ts: the indexer runs this same code.\n` +
    `export const searchTokenizer = ${searchTokenizer.toString()};\n` +
    `export const tokenizer = searchTokenizer();\n`;
}
