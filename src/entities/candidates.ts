import { CONNECTORS, MONTHS, NOT_NAMES, ORG_HEADS, ORG_STARTS, PLACE_HEADS, TITLES, COMPASS, WEEKDAYS, DEMONYMS } from "./lexicon.js";
import { refine, type Candidate, type ScanContext } from "./refine.js";
import type { Analysed, Token } from "./text.js";
import { ACRONYM, HYPHENATED_GIVEN, INNER_GAP, KNOWN_PLACES, PARTICLE_PREFIX, lower } from "./word-classes.js";

export type { Candidate } from "./refine.js";

/**
 * Names no registry knows, step one: runs of capitalised words (with the connectors, `&` and
 * possessives that may sit inside a name), split where `of` joins two names. Each run is then
 * cleaned and typed by refine.ts; each occurrence votes for a type, and extract.ts adds the
 * votes of one spelling up per text.
 */
type Context = ScanContext;

const IZAFE = /^\p{Lu}\p{Ll}+-(?:e|i|ul|ud|ut|ur|us|al|el|o)-\p{Lu}\p{Ll}+$/u;

export function findCandidates(a: Analysed, claimed: Uint8Array): Candidate[] {
  const { tokens } = a;
  const ctx: Context = { a, claimed, lowerUse: lowerCaseWords(tokens), mid: midSentenceCapitals(tokens) };
  const out: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!nameLike(tokens[i]!, claimed[i]!, true)) {
      i++;
      continue;
    }
    const j = spanEnd(ctx, i);
    for (const [from, to, afterOf] of splitAtOf(ctx, i, j)) out.push(...refine(ctx, from, to, afterOf));
    i = j;
  }
  return out;
}

function spanEnd(ctx: Context, i: number): number {
  const { a, claimed } = ctx;
  const { tokens } = a;
  let j = i + 1;
  while (j < tokens.length) {
    const t = tokens[j]!;
    const prev = tokens[j - 1]!;
    const between = a.text.slice(prev.end, t.start);
    if (!INNER_GAP.test(t.gap) && between !== " & ") break;
    // `Procter & Gamble`, `Social Science & Medicine`: an ampersand between capitalised words joins one name.
    if (/^ & $/.test(between) && nameLike(t, claimed[j]!, false) && !t.initial) {
      j++;
      continue;
    }
    if (between.trim() !== "") {
      // `Korean People's Army`: a possessive inside an organisation's name.
      if (joinsPossessive(ctx, i, j)) {
        j++;
        continue;
      }
      break;
    }
    if (nameLike(t, claimed[j]!, false) && !t.initial) {
      j++;
      continue;
    }
    // `Church of Scientology`, `Bank of the South`: a connector needs a name word after it.
    if (CONNECTORS.has(t.text) && t.text !== "the" && !claimed[j]) {
      let k = j + 1;
      if ((t.text === "of" || t.text === "for") && tokens[k]?.text === "the") k++;
      const next = tokens[k];
      if (next && nameLike(next, claimed[k]!, false) && INNER_GAP.test(next.gap) && (k === j + 1 || INNER_GAP.test(tokens[j + 1]!.gap))) {
        j = k + 1;
        continue;
      }
    }
    break;
  }
  return j;
}

function joinsPossessive(ctx: Context, from: number, j: number): boolean {
  const { tokens } = ctx.a;
  const left = tokens.slice(from, j).map((t) => t.text).join(" ");
  if (KNOWN_PLACES.has(left) || ACRONYM.test(left) || j - from > 3) return false;
  let k = j;
  while (k < tokens.length && k - j < 3 && nameLike(tokens[k]!, ctx.claimed[k]!, false) && (k === j || INNER_GAP.test(tokens[k]!.gap))) {
    if (ORG_HEADS.has(tokens[k]!.low)) return true;
    k++;
  }
  return false;
}

function nameLike(t: Token, claimed: number, first: boolean): boolean {
  if (claimed || t.shouting || !t.cap) return false;
  const w = t.low;
  if (WEEKDAYS.has(w) || MONTHS.has(w) || NOT_NAMES.has(w)) return false;
  if (/['’](?:ll|re|ve|d|m|t)$/i.test(t.text) || t.text === "I") return false;
  if (first && /^[IVXLC]+$/.test(t.text)) return false;
  // `H5N1`, `H1N1`: virus strains.
  if (/^\p{Lu}\d+\p{Lu}\d+$/u.test(t.text)) return false;
  // `Iranian-backed`, `Pro-Beijing`: a compound with a lower-case part is an adjective.
  if (!t.text.includes("-")) return true;
  if (/^(?:pro|anti|non|ex|post|pre|neo)-/i.test(t.text)) return false;
  // `Mazar-e-Sharif`, `Majlis-e-Amal`, `Hizb-ut-Tahrir`: Persian and Arabic joining particles.
  if (IZAFE.test(t.text)) return true;
  if (/-\p{Ll}/u.test(t.text) && !PARTICLE_PREFIX.test(t.text)) {
    if (first || !HYPHENATED_GIVEN.test(t.text) || /ed$/.test(t.text)) return false;
  }
  // `Iraq-Syria`: two names joined by a hyphen name neither alone.
  const parts = t.text.split("-");
  if (parts.length === 2 && parts.every((p) => KNOWN_PLACES.has(p) || DEMONYMS.has(lower(p)))) return false;
  return true;
}

/**
 * `Alvin Yeung of Civic Party` is two names; `Church of Scientology` and `Plains of Arafat` are
 * one. A name goes on past `of` only when the words before it are one word or end in a word
 * that takes a complement (Ministry of, Bank of, Plains of).
 */
function splitAtOf(ctx: Context, from: number, to: number): [number, number, boolean][] {
  const { tokens } = ctx.a;
  for (let k = from + 1; k < to - 1; k++) {
    if (tokens[k]!.text !== "of") continue;
    const head = tokens[k - 1]!.low;
    const takesOf = ORG_HEADS.has(head) || ORG_STARTS.has(head) || PLACE_HEADS.has(head) || TITLES.has(head) || COMPASS.has(head);
    if (k - from === 1 || takesOf) continue;
    const rightStart = tokens[k + 1]!.text === "the" ? k + 2 : k + 1;
    return [[from, k, false], ...splitAtOf(ctx, rightStart, to).map(([f, t]) => [f, t, true] as [number, number, boolean])];
  }
  return [[from, to, false]];
}

/** Words the text also uses in lower case are common words when they start a sentence. */
function lowerCaseWords(tokens: readonly Token[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) {
    const c = t.low.charCodeAt(0);
    if (!t.cap && ((c >= 97 && c <= 122) || (c > 127 && t.low.charAt(0) !== t.low.charAt(0).toUpperCase()))) out.add(t.low);
  }
  return out;
}

function midSentenceCapitals(tokens: readonly Token[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) if (!t.initial && !t.shouting && t.cap) out.add(t.text);
  return out;
}
