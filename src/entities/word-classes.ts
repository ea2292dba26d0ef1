import { CITIES, COUNTRIES, ORGANIZATIONS, REGIONS, WORLD_CITIES } from "./gazetteer.js";
import { DEMONYMS, ROLE_NOUNS, SPEECH_VERBS } from "./lexicon.js";
import type { Analysed } from "./text.js";

/**
 * What a word or a run of words is known to be, shared by the scanner, the cleaner and the
 * typer of unregistered names: gazetteer sets, demonyms, acronyms and dateline places.
 */
export const KNOWN_PLACES = new Set([...COUNTRIES, ...CITIES, ...WORLD_CITIES, ...REGIONS]);
export const KNOWN_ORGS = new Set(ORGANIZATIONS);
export const COUNTRY_SET = new Set(COUNTRIES);
/** `Bangladeshis`, `Texans`, `New Zealander`: people of a place, not a name of one. */
export const isDemonymWord = (low: string) => DEMONYMS.has(low) || (low.endsWith("s") && DEMONYMS.has(low.slice(0, -1)));
export const INNER_GAP = /^[ \t\u00a0]+$/;
export const ACRONYM = /^(?:\p{Lu}[\p{Lu}\p{N}&]{1,6}|(?:\p{Lu}\.){2,4})$/u;
/** `Chung-tai`, `Ka-ki`: hyphenated given names written in the Cantonese and Korean way. */
export const HYPHENATED_GIVEN = /^\p{Lu}\p{Ll}{1,5}-\p{Ll}{1,6}$/u;
export const PARTICLE_PREFIX = /^(?:al|el|ad|as|an|ash|bin|ibn|abu|abd)-\p{Lu}/iu;

/** `Waziristan`, `Bedfordshire`: word endings that only place names have. */
export const PLACE_SHAPED = /^\p{Lu}\p{Ll}{2,}(?:stan|shire)$/u;

export const lower = (w: string) => w.toLowerCase().replace(/’/g, "'");
export const toTitleCase = (w: string) => w.charAt(0) + w.slice(1).toLowerCase();

/** `WASHINGTON (Reuters) -`, `LONDON, March 3`: a place in capitals opening a paragraph. */
export function isDateline(a: Analysed, from: number, to: number): boolean {
  const t = a.tokens[to - 1]!;
  if (!a.tokens[from]!.initial || !/^\p{Lu}{3,}$/u.test(t.text)) return false;
  return KNOWN_PLACES.has(toTitleCase(t.text)) || /^(?:,|\s\(|\s[-–—])/.test(a.text.slice(t.end, t.end + 3));
}

/**
 * `Merkel said`, `Obama, who spoke in Chicago,`: a lone word that speaks or is described by
 * `who` is a person's name (a plural such as `Doctors said` is not taken).
 */
export function speaks(a: Analysed, to: number, word: string): boolean {
  const next = a.tokens[to];
  if (!next || next.sentence !== a.tokens[to - 1]!.sentence) return false;
  if (next.gap === ", " && (next.low === "who" || next.low === "whose")) return true;
  return next.gap === " " && SPEECH_VERBS.has(next.low) && !/[^s]s$/.test(word);
}

/**
 * `Valeska Paris, an Australian woman,`, `... Paris, 42,`, `... Paris, who`, and for words
 * that end in a place, `... Paris said`: the words from `from` to `to` (ending at offset `end`)
 * are someone's name, so the place or body they end with is not what is meant.
 */
export function describedAsPerson(a: Analysed, from: number, to: number, end: number, place: boolean): boolean {
  const { tokens, text } = a;
  const next = tokens[to];
  if (!next || next.sentence !== tokens[from]!.sentence) return false;
  const between = text.slice(end, next.start);
  if (between === " ") return place && SPEECH_VERBS.has(next.low);
  if (between !== ", ") return false;
  if (next.low === "who" || next.low === "whose") return true;
  if (/^\d{1,3}$/.test(next.text) && text.charAt(next.end) === ",") return true;
  let k = next.low === "a" || next.low === "an" || next.low === "the" ? to + 1 : to;
  for (const stop = k + 3; k < stop && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (k > to && (t.gap !== " " || t.sentence !== next.sentence)) return false;
    if (!t.cap && ROLE_NOUNS.has(t.low)) return true;
  }
  return false;
}
