import type { EntityType } from "../content/article.js";
import { CITIES, COUNTRIES, GIVEN_NAMES, ORGANIZATIONS, REGIONS, WORLD_CITIES } from "./gazetteer.js";
import {
  COMMON_CAPITALISED, COMPASS, CONNECTORS, DEMONYMS, EVENT_HEADS, FACILITY_WORDS, LOCATIVE, MONTHS, NOT_NAMES, ORG_HEADS, ORG_NOUNS_AFTER, ORG_STARTS, GROUP_NOUNS,
  PLACE_ACRONYMS,
  PLACE_HEADS, PLACE_NOUNS, ROLE_NOUNS, SPEECH_VERBS, TITLE_HEADS, TITLES, WEEKDAYS,
} from "./lexicon.js";
import { isCapitalised, type Analysed, type Token } from "./text.js";

/**
 * Names no registry knows: runs of capitalised words, cleaned of what capitals do not prove
 * (sentence-initial words, weekdays, months, demonyms, titles) and typed from cues around
 * them. Each occurrence votes for a type; the votes of one spelling are added up per text.
 */
export interface Candidate {
  from: number;
  to: number;
  surface: string;
  votes: Record<EntityType, number>;
  /** A title or role word said this is a person: a strong cue. */
  titled: boolean;
}

export const KNOWN_PLACES = new Set([...COUNTRIES, ...CITIES, ...WORLD_CITIES, ...REGIONS]);
const KNOWN_ORGS = new Set(ORGANIZATIONS);
const COUNTRY_SET = new Set(COUNTRIES);
/** `Bangladeshis`, `Texans`, `New Zealander`: people of a place, not a name of one. */
const isDemonymWord = (low: string) => DEMONYMS.has(low) || (low.endsWith("s") && DEMONYMS.has(low.slice(0, -1)));
const INNER_GAP = /^[ \t\u00a0]+$/;
export const ACRONYM = /^(?:\p{Lu}[\p{Lu}\p{N}&]{1,6}|(?:\p{Lu}\.){2,4})$/u;
/** `Chung-tai`, `Ka-ki`: hyphenated given names written in the Cantonese and Korean way. */
const HYPHENATED_GIVEN = /^\p{Lu}\p{Ll}{1,5}-\p{Ll}{1,6}$/u;
const PARTICLE_PREFIX = /^(?:al|el|ad|as|an|ash|bin|ibn|abu|abd)-\p{Lu}/iu;

const lower = (w: string) => w.toLowerCase().replace(/’/g, "'");

interface Context {
  a: Analysed;
  claimed: Uint8Array;
  lowerUse: Set<string>;
  mid: Set<string>;
}

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
  // `Iranian-backed`, `Pro-Beijing`: a compound with a lower-case part is an adjective.
  if (!t.text.includes("-")) return true;
  if (/^(?:pro|anti|non|ex|post|pre|neo)-/i.test(t.text)) return false;
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

function refine(ctx: Context, from: number, to: number, afterOf: boolean): Candidate[] {
  const out: Candidate[] = [];
  const one = refineOne(ctx, from, to, afterOf, out);
  if (one) out.push(one);
  return out;
}

/** `U.S. President Joe Biden`, `Treasury Secretary Janet Yellen`: where a job title ends, or -1. */
function jobTitleEnd(tokens: readonly Token[], from: number, to: number): number {
  for (let k = from + 1; k <= Math.min(from + 3, to - 2); k++) {
    if (!TITLE_HEADS.has(tokens[k]!.low) || /\.$/.test(tokens[k]!.text)) continue;
    const rest = tokens.slice(k + 1, to);
    if (rest.length >= 2 || GIVEN_NAMES.has(rest[0]!.low)) return k;
  }
  return -1;
}

function refineOne(ctx: Context, from: number, to: number, afterOf: boolean, extra: Candidate[]): Candidate | undefined {
  const { a, lowerUse, mid } = ctx;
  const { tokens } = a;
  const words = () => tokens.slice(from, to).map((t) => t.text);
  // A sentence-initial word is a name only when nothing says it is a common word.
  const first = tokens[from]!;
  if (first.initial) {
    const w = first.low;
    // A known body opening a sentence is named (`Reuters reported`), not a `(Reuters)` dateline credit.
    const knownOrg = KNOWN_ORGS.has(first.text) && !first.gap.endsWith("(");
    const known = KNOWN_PLACES.has(first.text) || knownOrg || GIVEN_NAMES.has(w) || isDateline(a, from, to);
    const single = to - from === 1;
    const common = COMMON_CAPITALISED.has(w) || (single && lowerUse.has(w) && !known) || (single && TITLES.has(w));
    const unproven = single && !known && !mid.has(first.text) && !ACRONYM.test(first.text);
    if (common || unproven) from++;
  }
  while (from < to && (CONNECTORS.has(tokens[from]!.text) || (tokens[from]!.text === "The" && !KNOWN_PLACES.has(words().join(" "))))) from++;
  while (to > from && CONNECTORS.has(tokens[to - 1]!.text)) to--;
  if (from >= to) return undefined;

  let titled = false;
  // A job title after other words: the words before it may name a place (`U.S.`); the rest is a person.
  const job = ORG_HEADS.has(tokens[to - 1]!.low) ? -1 : jobTitleEnd(tokens, from, to);
  if (job > 0) {
    let placeEnd = from;
    while (placeEnd < job && !TITLES.has(tokens[placeEnd]!.low)) placeEnd++;
    const prefix = tokens.slice(from, placeEnd).map((t) => t.text).join(" ");
    // ... or an organisation (`NASA Administrator Charles Bolden`, `FBI Director`).
    const body = KNOWN_ORGS.has(prefix) || ACRONYM.test(prefix);
    if (placeEnd > from && (KNOWN_PLACES.has(prefix) || PLACE_ACRONYMS.has(prefix.toLowerCase()) || body)) {
      const ws = tokens.slice(from, placeEnd).map((t) => t.text);
      extra.push({ from, to: placeEnd, surface: a.text.slice(tokens[from]!.start, tokens[placeEnd - 1]!.end), votes: typeVotes(a, from, placeEnd, ws, false, false), titled: false });
    }
    from = job + 1;
    titled = true;
  }
  let ws = words();
  const endsInOrg = () => ORG_HEADS.has(tokens[to - 1]!.low);
  // `Greek Ministry of Culture`, `Italian Supreme Court of Cassation`: an organisation word inside the name.
  const hasOrgWord = () => tokens.slice(from + 1, to).some((t) => (ORG_HEADS.has(t.low) || ORG_STARTS.has(t.low)) && !TITLES.has(t.low));
  // Demonyms: `Syrian President Bashar Assad` loses `Syrian`; `Iraqi Army` keeps it.
  while (to - from > 1 && isDemonymWord(tokens[from]!.low) && !KNOWN_PLACES.has(words().join(" ")) && !endsInOrg() && !hasOrgWord()) from++;
  while (to - from > 1 && isDemonymWord(tokens[to - 1]!.low)) to--;
  ws = words();
  // Titles: strip through the last title head (`Brig. Gen.`, `Prime Minister`, `Interior Minister`).
  let lastHead = -1;
  for (let k = 0; k < ws.length && TITLES.has(tokens[from + k]!.low); k++) if (TITLE_HEADS.has(tokens[from + k]!.low)) lastHead = k;
  if (lastHead >= 0 && !endsInOrg()) {
    if (lastHead === ws.length - 1) return undefined;
    // `Secretary of State` is a title through and through.
    if (CONNECTORS.has(tokens[from + lastHead + 1]!.text)) return undefined;
    from += lastHead + 1;
    titled = true;
  }
  // A trailing title is a job, not part of the name (`Los Angeles Sheriff`).
  while (to - from > 1 && TITLE_HEADS.has(tokens[to - 1]!.low)) to--;
  ws = words();
  if (tokens.slice(from, to).every((t) => isDemonymWord(t.low) || TITLES.has(t.low) || COMPASS.has(t.low))) return undefined;
  if (ws.length === 1 && COMMON_CAPITALISED.has(tokens[from]!.low)) return undefined;
  // Events and holidays (`Waitangi Day`, `World Cup`) are not people, organisations or places.
  if (ws.length > 1 && EVENT_HEADS.has(tokens[to - 1]!.low)) return undefined;
  const joined = ws.join(" ");
  if (/ers?$/.test(joined) && KNOWN_PLACES.has(joined.replace(/ers?$/, ""))) return undefined;
  // `NZ$26 million`: a currency code.
  if (a.text.charAt(tokens[to - 1]!.end) === "$") return undefined;

  const surface = a.text.slice(tokens[from]!.start, tokens[to - 1]!.end);
  return { from, to, surface, votes: typeVotes(a, from, to, ws, titled, afterOf), titled };
}

const toTitleCase = (w: string) => w.charAt(0) + w.slice(1).toLowerCase();

/** `WASHINGTON (Reuters) -`, `LONDON, March 3`: a place in capitals opening a paragraph. */
function isDateline(a: Analysed, from: number, to: number): boolean {
  const t = a.tokens[to - 1]!;
  if (!a.tokens[from]!.initial || !/^\p{Lu}{3,}$/u.test(t.text)) return false;
  return KNOWN_PLACES.has(toTitleCase(t.text)) || /^(?:,|\s\(|\s[-–—])/.test(a.text.slice(t.end, t.end + 3));
}

function typeVotes(a: Analysed, from: number, to: number, ws: string[], titled: boolean, afterOf: boolean): Record<EntityType, number> {
  const { tokens } = a;
  const v: Record<EntityType, number> = { person: 0, organization: 0, place: 0 };
  const name = ws.join(" ");
  const firstLower = tokens[from]!.low;
  const lastLower = tokens[to - 1]!.low;
  const sentence = tokens[from]!.sentence;
  const at = (k: number) => {
    const t = tokens[k];
    return t && t.sentence === sentence ? t : undefined;
  };
  const before = at(from - 1);
  const beforeWord = before ? before.low : "";
  // Skip an article or a possessive: `near the Al-Bukamal crossing`, `fighters from Iraq’s Hashd al-Shaabi`.
  const possessed = before !== undefined && /^['’]s/.test(a.text.slice(before.end, tokens[from]!.start));
  const prepIndex = beforeWord === "the" || possessed ? from - 2 : from - 1;
  const prep = at(prepIndex)?.low ?? "";
  const after = at(to);
  const afterWord = after && /^\p{Ll}/u.test(after.text) && INNER_GAP.test(after.gap) ? after.low : "";
  const possessive = a.text.slice(tokens[to - 1]!.end, tokens[to - 1]!.end + 2).match(/^['’]s/);

  if (KNOWN_PLACES.has(name)) v.place += 6;
  // `LONDON, March 3 (Reuters) -`: a dateline in capitals names a place.
  if (ws.length === 1 && /^\p{Lu}{3,}$/u.test(name)) {
    if (KNOWN_PLACES.has(toTitleCase(name))) v.place += 7;
    if (isDateline(a, from, to)) v.place += 4;
  }
  if (KNOWN_ORGS.has(name)) v.organization += 6;
  // `YouTube`, `PayPal`: a capital inside a word marks a brand or company.
  if (ws.length === 1 && /^\p{Lu}?\p{Ll}+\p{Lu}\p{Ll}/u.test(name)) v.organization += 2.5;
  // `said Mauer`: the speaker is usually a person.
  if (before && SPEECH_VERBS.has(beforeWord) && ws.length === 1) v.person += 1.5;
  let rest = 0;
  while (rest < ws.length - 1 && COMPASS.has(ws[rest]!.toLowerCase())) rest++;
  if (rest > 0 && KNOWN_PLACES.has(ws.slice(rest).join(" "))) v.place += 5;
  // `Aceh, Indonesia`: a place followed by the country or state it is in.
  const comma = at(to + 1);
  if (after && after.gap === ", " && KNOWN_PLACES.has(after.text) && comma?.gap !== " ") v.place += 3;
  if (ws.length === 1 && ACRONYM.test(name)) {
    if (PLACE_ACRONYMS.has(firstLower)) v.place += 4;
    else v.organization += 3;
  }
  if (ORG_HEADS.has(lastLower)) v.organization += 4;
  if (ORG_STARTS.has(firstLower) && ws.length > 1) v.organization += 3;
  if (PLACE_HEADS.has(lastLower) && ws.length > 1) v.place += 3;
  if (PLACE_HEADS.has(firstLower) && ws[1] === "of") v.place += 3;
  if (COMPASS.has(lastLower) && ws.length > 1) v.place += 3;
  if (/^(?:port|mount|mt\.?|lake|fort|saint|st\.?|san|santa|são|sao|cape|gulf|isle|masjid)$/.test(firstLower) && ws.length > 1) v.place += 3;
  // `Kennedy Space Center`, `Metro Toronto Convention Centre`: a centre named for what it houses is a site.
  if ((lastLower === "center" || lastLower === "centre") && ws.length > 2 && FACILITY_WORDS.has(tokens[to - 2]!.low)) v.place += 5;
  // `Procter & Gamble`, `Social Science & Medicine`: an ampersand name is a firm or a publication.
  if (a.text.slice(tokens[from]!.start, tokens[to - 1]!.end).includes(" & ") && !PLACE_HEADS.has(lastLower)) v.organization += 2.5;
  // `Thomas Sam, 42, and his wife`: a name with an age in apposition is a person.
  if (after && after.gap === ", " && /^\d{1,3}$/.test(after.text) && /^,/.test(a.text.slice(after.end, after.end + 1))) v.person += 3;
  // `Environment Canada`, `Air France`, `Radio Free Asia`: a common word before a country names a body.
  const lastPlace = ws.length === 2 && COUNTRY_SET.has(ws[1]!) && !KNOWN_PLACES.has(name);
  if (lastPlace && !GIVEN_NAMES.has(firstLower) && !COMPASS.has(firstLower) && !isDemonymWord(firstLower)) v.organization += 2.5;
  // `Kenya, Uganda and Rwanda`, `Google, Amazon and Foo`: names in one list are usually of one type.
  const neighbour = listNeighbour(a, from, to);
  if (neighbour && KNOWN_PLACES.has(neighbour)) v.place += 1.5;
  else if (neighbour && KNOWN_ORGS.has(neighbour)) v.organization += 1.5;
  if (titled) v.person += 6;
  if (beforeWord && ROLE_NOUNS.has(beforeWord) && /^\p{Ll}/u.test(before!.text)) v.person += 3;
  if (GIVEN_NAMES.has(firstLower)) v.person += ws.length > 1 ? 3 : 2;
  if (ws.length >= 2 && ws.length <= 4 && ws.slice(1).some((w) => HYPHENATED_GIVEN.test(w))) v.person += 3;
  if (beforeWord === "of" && PLACE_NOUNS.has((at(from - 2)?.low ?? ""))) v.place += 4;
  if (afterWord && (PLACE_NOUNS.has(afterWord) || PLACE_HEADS.has(afterWord))) v.place += 2;
  if (afterWord && ORG_NOUNS_AFTER.has(afterWord)) v.organization += 3;
  // `Khaled Al-Maeena, editor at large`: an apposition naming a role.
  if (after && /^,\s$/.test(after.gap)) {
    const role = ["a", "an", "the"].includes(after.low) ? at(to + 1) : after;
    if (role && !role.cap && ROLE_NOUNS.has(role.low)) v.person += 2;
  }
  if (prep && LOCATIVE.has(prep) && (at(prepIndex - 1)?.low ?? "") !== "according") v.place += ws.length === 1 ? 1.5 : 1;
  if (prep === "to" && (at(prepIndex - 1)?.low ?? "") === "according") v.organization += 1;
  if (afterOf) v.organization += 2;
  if ((prep === "from" || prep === "of" || prep === "at") && GROUP_NOUNS.has(at(prepIndex - 1)?.low ?? "")) v.organization += 2.5;
  if (possessive && after && after.cap) v.organization += 1;
  if (after && SPEECH_VERBS.has(after.low)) {
    v.person += 1;
    v.organization += 0.5;
  }
  // What is left: two to four plain capitalised words are most often a person's name.
  const plain = ws.every((w) => /^(?:(?:al|el|Al|El)-)?\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{L}[\p{Ll}\p{M}]+)*$/u.test(w));
  if (plain && ws.length >= 2 && ws.length <= 4 && !ws.some((w) => CONNECTORS.has(w))) v.person += 1.5;
  if (ws.some((w) => w === "of")) v.organization += 1;
  if (ws.length === 1) v.organization += 0.5;
  return v;
}

/** The one-word name before or after a name in a list (`X, Y`, `X and Y`, `X, and Y`), if any. */
function listNeighbour(a: Analysed, from: number, to: number): string | undefined {
  const { tokens } = a;
  const first = tokens[from]!;
  const prev = tokens[from - 1];
  if (prev && first.gap === ", " && prev.cap && prev.sentence === first.sentence) return prev.text;
  if (prev && (prev.low === "and" || prev.low === "or") && /^,? $/.test(prev.gap) && tokens[from - 2]?.cap) return tokens[from - 2]!.text;
  const next = tokens[to];
  if (next && next.gap === ", " && next.cap && next.sentence === first.sentence && !next.initial) return next.text;
  if (next && (next.low === "and" || next.low === "or") && /^,? $/.test(next.gap) && tokens[to + 1]?.cap) return tokens[to + 1]!.text;
  return undefined;
}

export function bestType(v: Record<EntityType, number>): EntityType {
  if (v.place >= v.person && v.place >= v.organization && v.place > 0) return "place";
  if (v.person >= v.organization && v.person > 0) return "person";
  return "organization";
}
