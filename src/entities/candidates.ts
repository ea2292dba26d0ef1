import { CONNECTORS, MONTHS, NOT_NAMES, ORG_HEADS, ORG_STARTS, PLACE_HEADS, TITLES, COMPASS, WEEKDAYS, DEMONYMS } from "./lexicon.js";
import { refine, type Candidate, type ScanContext } from "./refine.js";
import type { Analysed, Token } from "./text.js";
import { GIVEN_NAMES } from "./gazetteer.js";
import { ACRONYM, HYPHENATED_GIVEN, INNER_GAP, KNOWN_ORGS, KNOWN_PLACES, PARTICLE_PREFIX, isDemonymWord, lower } from "./word-classes.js";

export type { Candidate } from "./refine.js";

/**
 * Names no registry knows, step one: runs of capitalised words (with the connectors, `&` and
 * possessives that may sit inside a name), split where `of` joins two names. Each run is then
 * cleaned and typed by refine.ts; each occurrence votes for a type, and extract.ts adds the
 * votes of one spelling up per text.
 */
type Context = ScanContext;

/** `Noor Ahmad Jan`, `Pham Tai Thu`: inside a name, a short weekday or month spelling is a name word. */
const SHORT_DATE_WORD = /^(?:Jan|Mar|Jun|Jul|Sun|Mon|Wed|Thu|Sat|Fri)$/;

const IZAFE = /^\p{Lu}\p{Ll}+-(?:e|i|ul|ud|ut|ur|us|al|el|o|au|aux|en|sur|sous|de|des|du|la|le|les|upon|on|am|an|der)-\p{Lu}\p{Ll}+$/u;

export function findCandidates(a: Analysed, claimed: Uint8Array): Candidate[] {
  const { tokens } = a;
  const ctx: Context = { a, claimed, lowerUse: lowerCaseWords(tokens), mid: midSentenceCapitals(tokens) };
  const out: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!nameLike(tokens[i]!, claimed[i]!, true)) {
      const based = claimed[i] ? undefined : basedIn(tokens[i]!);
      if (based) out.push({ from: i, to: i + 1, ...based });
      i++;
      continue;
    }
    const j = spanEnd(ctx, i);
    for (const [from, to, afterOf] of splitAtOf(ctx, i, j)) out.push(...refine(ctx, from, to, afterOf));
    i = j;
  }
  return out;
}

/** `a Washington-based institute`: the place a body is based in, named inside an adjective. */
function basedIn(t: Token): Omit<Candidate, "from" | "to"> | undefined {
  if (!t.cap || t.shouting || !(t.low.endsWith("-based") || t.low.endsWith("-headquartered"))) return undefined;
  const m = /^(\p{Lu}[\p{L}\p{M}.]+)-(?:based|headquartered)$/u.exec(t.text);
  if (!m || isDemonymWord(lower(m[1]!))) return undefined;
  const name = m[1]!;
  const org = KNOWN_ORGS.has(name) && !KNOWN_PLACES.has(name);
  return { surface: name, votes: { person: 0, organization: org ? 6 : 0, place: org ? 0 : 4 }, titled: false };
}

function spanEnd(ctx: Context, i: number): number {
  const { a, claimed } = ctx;
  const { tokens } = a;
  let j = i + 1;
  while (j < tokens.length) {
    const t = tokens[j]!;
    const prev = tokens[j - 1]!;
    const between = a.text.slice(prev.end, t.start);
    // `Professional Footballers' Association`: a plural possessive may sit inside a name too.
    if (!INNER_GAP.test(t.gap) && between !== " & " && !/^['’] $/.test(between)) break;
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
    // `including the U.S. U.S. officials said`: the same word twice is a sentence boundary the text lost.
    if (t.text === prev.text) break;
    if (nameLike(t, claimed[j]!, false) && !t.initial) {
      j++;
      continue;
    }
    // `University of North Carolina at Chapel Hill`: a campus after `at`.
    if (t.text === "at" && !claimed[j] && /^(?:the )?university of /i.test(`${tokens[i]!.low} ${tokens[i + 1]?.low ?? ""} ${tokens[i + 2]?.low ?? ""} `)) {
      const next = tokens[j + 1];
      if (next && nameLike(next, claimed[j + 1]!, false) && INNER_GAP.test(next.gap) && !next.initial) {
        j += 2;
        continue;
      }
    }
    if (t.text === "and" && !claimed[j]) {
      const end = andJoinsBody(ctx, i, j);
      if (end > 0) {
        j = end;
        continue;
      }
    }
    // `Church of Scientology`, `Bank of the South`: a connector needs a name word after it.
    if (CONNECTORS.has(t.text) && t.text !== "the" && !claimed[j]) {
      let k = j + 1;
      if ((t.text === "of" || t.text === "for") && tokens[k]?.text === "the") k++;
      // `Ursula von der Leyen`, `Mohammed bin al-Hassan`: particles may come two at a time.
      else if (t.text !== "of" && t.text !== "for" && tokens[k] && CONNECTORS.has(tokens[k]!.text) && tokens[k]!.text !== "the" && INNER_GAP.test(tokens[k]!.gap)) k++;
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

/** Head words of a body's own name: after `and` they start a second name, not the rest of the first. */
const COLLECTIONS = new Set("museum gallery library archive archives garden gardens theatre theater".split(" "));
const SECOND_BODY = new Set("university college institute ministry department bank company party council committee agency corporation".split(" "));

/**
 * `Food and Agriculture Organization`, `Institute for Science and International Security`: `and`
 * inside one body's name. It joins when the words after it end in an organisation word and
 * the word before it is a lone unknown word, or when the name began with a word such as
 * `Institute` and went on with `for`/`of`, and what follows is not a second body.
 */
function andJoinsBody(ctx: Context, from: number, j: number): number {
  const { tokens } = ctx.a;
  let k = j + 1;
  while (k < tokens.length && k - j <= 4 && nameLike(tokens[k]!, ctx.claimed[k]!, false) && INNER_GAP.test(tokens[k]!.gap) && !tokens[k]!.initial) k++;
  if (k === j + 1) return -1;
  const left = tokens.slice(tokens[from]!.low === "the" ? from + 1 : from, j);
  if (left.length === 0) return -1;
  const right = tokens.slice(j + 1, k);
  const leftName = left.map((t) => t.text).join(" ");
  const rightName = right.map((t) => t.text).join(" ");
  // `Matthew Ingram of The Globe and Mail`: a known name with `and` inside it, however the run began.
  for (let s = 0; s < left.length; s++) {
    const tail = left.slice(s).map((t) => t.text).join(" ");
    if (KNOWN_ORGS.has(`${tail} and ${rightName}`)) return k;
  }
  const ofAt = left.findIndex((t) => t.text === "for" || t.text === "of");
  const opened = ofAt > 0 && (ORG_STARTS.has(left[ofAt - 1]!.low) || ORG_HEADS.has(left[ofAt - 1]!.low));
  // `Green Party of England and Wales`: two places after a body's `of`.
  const placesAfterOf = opened && KNOWN_PLACES.has(left.slice(ofAt + 1).map((t) => t.text).join(" ")) && KNOWN_PLACES.has(rightName);
  if (placesAfterOf) return k;
  if (KNOWN_PLACES.has(leftName) || KNOWN_ORGS.has(leftName) || KNOWN_PLACES.has(rightName) || KNOWN_ORGS.has(rightName)) return -1;
  const rightHead = right[right.length - 1]!.low;
  const lone = left.length === 1 && !left[0]!.initial && !GIVEN_NAMES.has(left[0]!.low) && !ORG_HEADS.has(left[0]!.low);
  if (lone && ORG_HEADS.has(rightHead)) return k;
  // `Tang Teaching Museum and Art Gallery`: one site housing two collections.
  if (COLLECTIONS.has(left[left.length - 1]!.low) && COLLECTIONS.has(rightHead) && right.length <= 2) return k;
  if (opened && !right.some((t) => SECOND_BODY.has(t.low) || ORG_STARTS.has(t.low))) return k;
  return -1;
}

function joinsPossessive(ctx: Context, runStart: number, j: number): boolean {
  const { tokens } = ctx.a;
  // Only the words after the run's last connector own the possessive (`Members of the Korean People's Army`).
  let from = j;
  while (from > runStart && !CONNECTORS.has(tokens[from - 1]!.text)) from--;
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
  if ((WEEKDAYS.has(w) || MONTHS.has(w)) && !(first === false && SHORT_DATE_WORD.test(t.text))) return false;
  if (NOT_NAMES.has(w)) return false;
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
    // `Shares of Microsoft`, `Members of the Sea Org`: a plain word opening the sentence does not start a name.
    if (k - from === 1 && tokens[from]!.initial && !takesOf) return splitAtOf(ctx, tokens[k + 1]!.text === "the" ? k + 2 : k + 1, to);
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
