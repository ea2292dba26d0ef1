import { GIVEN_NAMES } from "./gazetteer.js";
import { COMMON_CAPITALISED, COMPASS, DEMONYMS, MONTHS, ORG_HEADS, PLACE_HEADS, TITLES, WEEKDAYS } from "./lexicon.js";
import type { RegistryMatch } from "./matcher.js";
import type { Analysed, Token } from "./text.js";
import { KNOWN_ORGS, KNOWN_PLACES, isDemonymWord } from "./word-classes.js";

/**
 * A registry name found in the text may only be part of a longer name that is someone or
 * something else: `Ismail` (registered as the short form of one minister) inside `Ismail
 * Haniyeh`, `U.S.` inside `U.S. Defense Department`. Such matches are dropped, and the longer
 * name is left to the unregistered-name detector.
 */
export function insideLongerName(a: Analysed, m: RegistryMatch): boolean {
  // `US$20,000`: a currency, not the country.
  if (a.text.charAt(a.tokens[m.to - 1]!.end) === "$") return true;
  return extendsIntoLongerName(a, m.to) || endsAPersonsName(a, m.from, m.to) || continuesALongerName(a, m.from) || nameGoesOn(a, m) || placeNotSurname(a, m);
}

/**
 * `Paris` is registered as the short form of `Valeska Paris`, but in `Rome, Paris and Madrid`
 * it is the city: a person's one-word short form that is also a well-known place or body
 * counts only in a text that also gives the full name.
 */
function placeNotSurname(a: Analysed, m: RegistryMatch): boolean {
  if (m.entry.type !== "person" || m.to - m.from !== 1 || m.surface === m.entry.name) return false;
  if (!KNOWN_PLACES.has(m.surface) && !KNOWN_ORGS.has(m.surface)) return false;
  return !a.text.includes(m.entry.name);
}

/** Only spaces between two tokens: no comma, possessive or line break. */
const adjacent = (a: Analysed, left: Token, right: Token) => /^[ \t]+$/.test(right.gap) && a.text.slice(left.end, right.start).trim() === "";

/** A capitalised word that may continue a name (not a weekday, month, title or common word). */
const nameWord = (t: Token) => t.cap && !t.initial && !t.shouting && !WEEKDAYS.has(t.low) && !MONTHS.has(t.low) && !TITLES.has(t.low) && !COMMON_CAPITALISED.has(t.low);

/**
 * `Orvo Energia Arena` is a stadium, not Orvo Energia; `U.S. Defense Department` and `Senate
 * Armed Services Committee` are bodies of their own: a registry name followed by up to three
 * capitalised words that end in a place or organisation word.
 */
function extendsIntoLongerName(a: Analysed, to: number): boolean {
  let prev = a.tokens[to - 1]!;
  for (let k = to; k < Math.min(a.tokens.length, to + 3); k++) {
    const next = a.tokens[k]!;
    if (!next.cap || next.initial || next.shouting || !adjacent(a, prev, next)) return false;
    if (PLACE_HEADS.has(next.low) || ORG_HEADS.has(next.low)) return true;
    // Title words may sit inside a body's name (`Defense` in `Defense Department`).
    if (WEEKDAYS.has(next.low) || MONTHS.has(next.low) || COMMON_CAPITALISED.has(next.low)) return false;
    prev = next;
  }
  return false;
}

/**
 * `Saudi Interior Ministry` is not the registry's (Iraqi) `Interior Ministry`: a registry name
 * right after a capitalised word that is not a title or a common word belongs to a longer name.
 */
function continuesALongerName(a: Analysed, from: number): boolean {
  const prev = a.tokens[from - 1];
  const t = a.tokens[from]!;
  if (!prev || !prev.cap || !adjacent(a, prev, t)) return false;
  // `South East Asia`, `North Korea`: a capitalised compass word before a place is part of its name.
  if (COMPASS.has(prev.low)) return true;
  if (TITLES.has(prev.low) || COMMON_CAPITALISED.has(prev.low) || GIVEN_NAMES.has(prev.low)) return false;
  if (!prev.initial || DEMONYMS.has(prev.low)) return true;
  // `Valeska Paris` opening a sentence: an opening word the text never writes in lower case.
  return !new RegExp(`[\\s(]${escape(prev.low)}[\\s,.;:]`).test(a.text);
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `Michael Jordan` is not the country: a one-word registry name right after a given name. */
function endsAPersonsName(a: Analysed, from: number, to: number): boolean {
  const prev = a.tokens[from - 1];
  if (to - from !== 1 || !prev || !prev.cap) return false;
  return GIVEN_NAMES.has(prev.low) && adjacent(a, prev, a.tokens[from]!);
}

/**
 * `Ismail Haniyeh` is not the `Ismail` registered as another man's surname, and `North Carolina`
 * is not the `North` registered as short for North Korea: a one-word registered name followed
 * directly by another name word is part of a longer name (`North Korean` too: the demonym of a
 * longer place).
 */
function nameGoesOn(a: Analysed, m: RegistryMatch): boolean {
  if (m.to - m.from !== 1) return false;
  const next = a.tokens[m.to];
  if (!next || !adjacent(a, a.tokens[m.to - 1]!, next)) return false;
  // `North West Frontier Province`: a compass word goes on too.
  if (next.cap && !next.initial && COMPASS.has(next.low)) return true;
  if (!nameWord(next)) return false;
  if (!isDemonymWord(next.low)) return true;
  return KNOWN_PLACES.has(`${m.surface} ${next.text.replace(/n$|ns$/, "")}`);
}
