import { analyse, wordKey, type Analysed } from "./text.js";
import type { RegistryEntry } from "./types.js";

/**
 * Finds registry names and aliases in text: token by token, longest match first, on word
 * boundaries (a name must start and end on whole words, so `Iraq` never matches inside
 * `Iraqi`), possessives already split off by the tokenizer. What sits between, before and after
 * a name's words (`&` in `Procter & Gamble`, `++` in `C++ Foundation`, `'s` in `People's
 * Liberation Army`) must be in the text as written: the tokenizer drops such characters, and a
 * name compared by its words alone either never matched or matched `C Foundation` too. Matching
 * is case-sensitive, since capitals are what tell `Miri` the person from a common word, except in
 * lines written in capitals (headlines), where words are compared in upper case.
 */
export interface CompiledRegistry {
  entries: readonly RegistryEntry[];
  /** First word → the names starting with it, longest first. */
  byFirst: Map<string, Pattern[]>;
  byFirstUpper: Map<string, Pattern[]>;
}

interface Pattern {
  words: string[];
  upper: string[];
  /** What separates word k - 1 from word k (index 0 unused), spacing and apostrophes folded. */
  seps: string[];
  /** Only single spaces between the words and nothing around them: the common, fast case. */
  plain: boolean;
  prefix: string;
  suffix: string;
  entry: RegistryEntry;
}

export interface RegistryMatch {
  entry: RegistryEntry;
  /** Token range, end exclusive. */
  from: number;
  to: number;
  /** Character range of the exact text matched, end exclusive (a prefix or suffix such as `#` or `++` included). */
  start: number;
  end: number;
  /** The exact text matched. */
  surface: string;
}

const compiled = new WeakMap<readonly RegistryEntry[], CompiledRegistry>();

export { wordKey };

export function nameWords(name: string): string[] {
  return analyse(name).tokens.map((t) => t.key);
}

/** Runs of white space as one space, curly apostrophes straight: how separators are compared. */
const foldSep = (s: string) => s.replace(/[\s\u00a0]+/g, " ").replace(/’/g, "'");

/** The words of a name, what separates them, and what comes before the first and after the last. */
function patternOf(name: string, entry: RegistryEntry): Pattern | undefined {
  const { tokens } = analyse(name);
  if (tokens.length === 0) return undefined;
  const words = tokens.map((t) => t.key);
  const seps = tokens.map((t, k) => (k === 0 ? "" : foldSep(name.slice(tokens[k - 1]!.end, t.start))));
  const prefix = foldSep(name.slice(0, tokens[0]!.start));
  const suffix = foldSep(name.slice(tokens[tokens.length - 1]!.end));
  const plain = prefix === "" && suffix === "" && seps.every((s, k) => k === 0 || s === " ");
  return { words, upper: words.map((w) => w.toUpperCase()), seps, plain, prefix, suffix, entry };
}

/** Characters that glue onto a word to make another name (`C++`, `C#`, `F#`): `C` does not match there. */
const GLUED = (c: number) => c === 43 || c === 35;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Compiles once per registry array: the build and the API reuse the index for every article. */
export function compileRegistry(entries: readonly RegistryEntry[]): CompiledRegistry {
  const cached = compiled.get(entries);
  if (cached) return cached;
  const byFirst = new Map<string, Pattern[]>();
  const byFirstUpper = new Map<string, Pattern[]>();
  for (const entry of entries) {
    for (const name of [entry.name, ...(entry.aliases ?? [])]) {
      const pattern = patternOf(name, entry);
      if (!pattern) continue;
      add(byFirst, pattern.words[0]!, pattern);
      add(byFirstUpper, pattern.upper[0]!, pattern);
    }
  }
  for (const map of [byFirst, byFirstUpper]) for (const list of map.values()) list.sort((a, b) => b.words.length - a.words.length || b.prefix.length + b.suffix.length - a.prefix.length - a.suffix.length);
  const result = { entries, byFirst, byFirstUpper };
  compiled.set(entries, result);
  return result;
}

function add(map: Map<string, Pattern[]>, key: string, pattern: Pattern): void {
  const list = map.get(key);
  if (list) list.push(pattern);
  else map.set(key, [pattern]);
}

/** Only spaces may separate the words of a name: a comma or a line break ends it. */
const INNER_GAP = /^[ \t\u00a0]+$/;

/** Registries listed first win ties: the article's own frontmatter comes before the shared file. */
export function matchRegistry(a: Analysed, registries: readonly CompiledRegistry[]): RegistryMatch[] {
  const matches: RegistryMatch[] = [];
  const { tokens } = a;
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    const shouting = token.shouting;
    const key = token.key;
    let found: Pattern | undefined;
    for (const registry of registries) {
      const candidates = shouting ? registry.byFirstUpper.get(key.toUpperCase()) : registry.byFirst.get(key);
      const p = longestAt(a, i, candidates, shouting, registry);
      if (p && (!found || p.words.length > found.words.length)) found = p;
    }
    if (found) {
      const to = i + found.words.length;
      const start = token.start - found.prefix.length;
      const end = tokens[to - 1]!.end + found.suffix.length;
      matches.push({ entry: found.entry, from: i, to, start, end, surface: a.text.slice(start, end) });
      i = to;
    } else i++;
  }
  return matches;
}

function longestAt(a: Analysed, i: number, candidates: Pattern[] | undefined, shouting: boolean, registry: CompiledRegistry): Pattern | undefined {
  const { tokens } = a;
  let found: Pattern | undefined;
  for (const p of candidates ?? []) {
    if (found && p.words.length < found.words.length) break;
    const words = shouting ? p.upper : p.words;
    if (i + words.length > tokens.length) continue;
    let ok = true;
    for (let k = 1; k < words.length && ok; k++) {
      const t = tokens[i + k]!;
      const w = t.key;
      ok = (shouting ? w.toUpperCase() : w) === words[k];
      if (!ok) break;
      // A possessive may only end the name: `Iraq’s Interior Ministry` is two names, unless the
      // name itself has one there (`Korean People's Army`).
      const between = a.text.slice(tokens[i + k - 1]!.end, t.start);
      ok = p.seps[k] === " " ? between === " " || INNER_GAP.test(between) : !/[\n\r]/.test(between) && same(foldSep(between), p.seps[k]!, shouting);
    }
    if (!ok || !(p.plain ? !GLUED(a.text.charCodeAt(tokens[i + words.length - 1]!.end)) : affixesMatch(a, i, i + words.length, p, shouting))) continue;
    if (!found) found = p;
    else found = preferred(a, found, p, registry);
  }
  return found;
}

const same = (text: string, written: string, shouting: boolean) => (shouting ? text.toUpperCase() === written.toUpperCase() : text === written);

/** The name's leading and trailing characters (`#`, `++`, `'s`) are in the text, on word boundaries. */
function affixesMatch(a: Analysed, from: number, to: number, p: Pattern, shouting: boolean): boolean {
  const { text, tokens } = a;
  const start = tokens[from]!.start - p.prefix.length;
  const end = tokens[to - 1]!.end + p.suffix.length;
  if (start < 0 || !same(foldSep(text.slice(start, tokens[from]!.start)), p.prefix, shouting)) return false;
  if (!same(foldSep(text.slice(tokens[to - 1]!.end, end)), p.suffix, shouting)) return false;
  if (p.prefix !== "" && start > 0 && WORD_CHAR.test(text.charAt(start - 1))) return false;
  const after = text.charAt(end);
  return !(p.suffix !== "" && WORD_CHAR.test(after)) && !GLUED(after.charCodeAt(0));
}

/**
 * One spelling registered for two entries (`Paris` the city, and `Paris` as the short form of
 * `Valeska Paris`): the entry whose full name the text also uses wins; else the entry this is
 * the canonical name of; else the first registered.
 */
function preferred(a: Analysed, x: Pattern, y: Pattern, registry: CompiledRegistry): Pattern {
  const fullInText = (p: Pattern) => p.entry.name.includes(" ") && fullNames(a, registry).has(p.entry.name);
  if (fullInText(x) !== fullInText(y)) return fullInText(x) ? x : y;
  const canonical = (p: Pattern) => nameWords(p.entry.name).join(" ") === p.words.join(" ");
  if (canonical(x) !== canonical(y)) return canonical(x) ? x : y;
  return x;
}

const textNames = new WeakMap<Analysed, Set<string>>();

/** Registered multi-word names that occur in the text, computed once per text and only when needed. */
function fullNames(a: Analysed, registry: CompiledRegistry): Set<string> {
  let names = textNames.get(a);
  if (!names) {
    names = new Set(registry.entries.filter((e) => e.name.includes(" ") && a.text.includes(e.name)).map((e) => e.name));
    textNames.set(a, names);
  }
  return names;
}
