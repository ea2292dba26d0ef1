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
  /** The one shard holding every term that starts with `prefix`, if the prefix names one. */
  prefixShard(prefix: string): string | undefined;
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

  // Chinese and Japanese are written without spaces between words. With no dictionary to
  // split them, a run of their characters is indexed as overlapping pairs (中国经济 → 中国,
  // 国经, 经济), as search engines without one do: a word inside a sentence is found by its
  // pairs, and a query of several characters must match all of its own pairs. A character
  // standing alone is its own term. Korean is written with spaces, so it is left as words.
  const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]/u;
  const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]+/gu;

  function forms(word: string): string[] {
    let w = word.toLowerCase();
    if (!NON_ASCII.test(w)) return w.match(PART) ?? [];
    w = w.normalize("NFKD").replace(MARKS, "");
    const parts = w.match(PART) ?? [];
    return CJK.test(w) ? parts.flatMap(cjkPairs) : parts;
  }

  function cjkPairs(part: string): string[] {
    if (!CJK.test(part)) return [part];
    const out: string[] = [];
    let last = 0;
    for (const run of part.matchAll(CJK_RUN)) {
      const at = run.index ?? 0;
      if (at > last) out.push(part.slice(last, at));
      const chars = Array.from(run[0]);
      if (chars.length === 1) out.push(chars[0]!);
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
      last = at + run[0].length;
    }
    if (last < part.length) out.push(part.slice(last));
    return out;
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

  // A form's term, or "" for a stopword: a body repeats most of its words, and an archive's
  // bodies share most of theirs. Bounded, so a hostile text of distinct words stays cheap.
  const TERM_MEMO_LIMIT = 50000;
  const termOf = new Map<string, string>();
  function term(form: string): string {
    let t = termOf.get(form);
    if (t === undefined) {
      t = STOPWORDS.has(form) ? "" : stem(form);
      if (termOf.size < TERM_MEMO_LIMIT) termOf.set(form, t);
    }
    return t;
  }

  // The text is taken in runs between spaces and control characters. A run of ASCII is split
  // at its non-alphanumerics and lower-cased, which is what folding does to ASCII; a run with
  // anything else is folded as a whole. Folding runs one at a time gives the terms folding the
  // whole text gives: nothing folds across a space or a control (they are not letters, not
  // marks and not case-ignorable, so not even a final sigma looks past one). Most of a news
  // body is ASCII, and a scan of it is several times cheaper than the Unicode regexes.
  function terms(text: string): string[] {
    const out: string[] = [];
    const push = (form: string) => {
      const t = term(form);
      if (t !== "") out.push(t);
    };
    const n = text.length;
    let i = 0;
    while (i < n) {
      while (i < n && text.charCodeAt(i) <= 32) i++;
      const runStart = i;
      const emitted = out.length;
      let part = -1;
      let ascii = true;
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c <= 32) break;
        if (c >= 128) {
          ascii = false;
          break;
        }
        const alnum = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
        if (alnum) {
          if (part < 0) part = i;
        } else if (part >= 0) {
          push(text.slice(part, i).toLowerCase());
          part = -1;
        }
      }
      if (ascii) {
        if (part >= 0) push(text.slice(part, i).toLowerCase());
        continue;
      }
      out.length = emitted;
      while (i < n && text.charCodeAt(i) > 32) i++;
      for (const form of forms(text.slice(runStart, i))) push(form);
    }
    return out;
  }

  function words(text: string): { start: number; end: number; word: string }[] {
    return [...text.matchAll(WORD)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, word: m[0] }));
  }

  // A Chinese or Japanese term is a pair of characters: its shard is its first character, or
  // every pair would be a file of its own.
  function shardLength(first: string | undefined): number {
    return first !== undefined && CJK.test(first) ? 1 : SHARD_PREFIX;
  }

  function shardOf(term: string): string {
    const chars = Array.from(term);
    return chars.slice(0, shardLength(chars[0])).join("");
  }

  // The one shard holding every term that starts with `prefix`, when the prefix is long
  // enough to name it; otherwise the caller looks through the shards whose names start with it.
  function prefixShard(prefix: string): string | undefined {
    const chars = Array.from(prefix);
    return chars.length >= shardLength(chars[0]) ? shardOf(prefix) : undefined;
  }

  // Plain lower-case ASCII names stay readable; anything else is spelled as UTF-8 hex after
  // an underscore, which no plain name contains.
  function shardFile(shard: string): string {
    if (/^[a-z0-9]+$/.test(shard)) return `${shard}.json`;
    const hex = Array.from(new TextEncoder().encode(shard), (b) => b.toString(16).padStart(2, "0")).join("");
    return `_${hex}.json`;
  }

  return { terms, wordTerms, wordForms, words, shardOf, prefixShard, shardFile, shardPrefix: SHARD_PREFIX };
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
