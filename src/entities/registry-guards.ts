import { GIVEN_NAMES } from "./gazetteer.js";
import { CLUB_PREFIXES, COMMON_CAPITALISED, COMPASS, DEMONYMS, MONTHS, NAME_OPENERS, ORG_HEADS, ORG_STARTS, PLACE_HEADS, REGION_MODIFIERS, TITLES, WEEKDAYS } from "./lexicon.js";
import type { RegistryMatch } from "./matcher.js";
import type { Analysed, Token } from "./text.js";
import { KNOWN_ORGS, KNOWN_PLACES, describedAsPerson, isDemonymWord } from "./word-classes.js";

/**
 * A registry name found in the text may only be part of a longer name that is someone or
 * something else: `Ismail` (registered as the short form of one minister) inside `Ismail
 * Haniyeh`, `U.S.` inside `U.S. Defense Department`. Such matches are dropped, and the longer
 * name is left to the unregistered-name detector. A registered name is an editor's explicit
 * statement, though: a capitalised word beside it makes it part of a longer name only when
 * something says the two form one (a given name, a compass point, a known name, a word that
 * opens names, capitals mid-sentence), not when the word only opens the sentence or says which
 * part of a place is meant (`Northern Iraq`).
 */
export function insideLongerName(a: Analysed, m: RegistryMatch): boolean {
  return extendsIntoLongerName(a, m) || endsAPersonsName(a, m.from, m.to) || continuesALongerName(a, m) || nameGoesOn(a, m);
}

/** Not the registered entity at all, whatever the detector finds there: a currency, or a city that is also someone's surname. */
export function notTheEntity(a: Analysed, m: RegistryMatch): boolean {
  // `US$20,000`: a currency, not the country.
  return a.text.charAt(m.end) === "$" || placeNotSurname(a, m);
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
const adjacent = (a: Analysed, left: Token, right: Token) => follows(a, left.end, right);
/** Only spaces between offset `end` (where a word or a matched name ends) and the token `right`. */
const follows = (a: Analysed, end: number, right: Token) => /^[ \t]+$/.test(a.text.slice(end, right.start));

/** A capitalised word that may continue a name (not a weekday, month, title or common word). */
const nameWord = (t: Token) => t.cap && !t.initial && !t.shouting && !WEEKDAYS.has(t.low) && !MONTHS.has(t.low) && !TITLES.has(t.low) && !COMMON_CAPITALISED.has(t.low);

/**
 * `Orvo Energia Arena` is a stadium, not Orvo Energia; `U.S. Defense Department` and `Senate
 * Armed Services Committee` are bodies of their own: a registry name followed by up to three
 * capitalised words that end in a place or organisation word.
 */
function extendsIntoLongerName(a: Analysed, m: RegistryMatch): boolean {
  const to = m.to;
  let end = m.end;
  for (let k = to; k < Math.min(a.tokens.length, to + 3); k++) {
    const next = a.tokens[k]!;
    if (!next.cap || next.initial || next.shouting || !follows(a, end, next)) return false;
    if (PLACE_HEADS.has(next.low) || ORG_HEADS.has(next.low)) return true;
    // Title words may sit inside a body's name (`Defense` in `Defense Department`).
    if (WEEKDAYS.has(next.low) || MONTHS.has(next.low) || COMMON_CAPITALISED.has(next.low)) return false;
    end = next.end;
  }
  return false;
}

/**
 * `Saudi Interior Ministry` is not the registry's (Iraqi) `Interior Ministry`, and `Valeska Paris`
 * is not the city: a registry name right after a capitalised word that forms a name with it.
 */
function continuesALongerName(a: Analysed, m: RegistryMatch): boolean {
  const { tokens } = a;
  const prev = tokens[m.from - 1];
  if (!prev || !prev.cap || !adjacent(a, prev, tokens[m.from]!)) return false;
  // `Northern Ireland`, `New Mexico`, `American Samoa`: the two words are a known name of their own.
  const joined = `${prev.text} ${m.surface}`;
  if (KNOWN_PLACES.has(joined) || KNOWN_ORGS.has(joined)) return true;
  const type = m.entry.type;
  // `Northern Iraq`, `Downtown Baghdad`: a part of the place, unless the modifier goes on a name
  // before it (`University of Southern Indiana`). Before a body it names another body
  // (`Central Election Commission` is not the registered `Election Commission`).
  if (type === "place" && REGION_MODIFIERS.has(prev.low)) return continuesAName(a, m.from - 1);
  // `South East Asia`, `North Korea`: a compass point before a place is part of its name.
  if (COMPASS.has(prev.low)) return true;
  // `Port Marren`, `St. Petersburg`, `Kataib Hezbollah`, `Real Madrid` (before the titles: `St.`
  // is one too; but `As` is no club).
  const opener = NAME_OPENERS.has(prev.low) || ORG_STARTS.has(prev.low) || (CLUB_PREFIXES.has(prev.low) && !COMMON_CAPITALISED.has(prev.low));
  if (type !== "person" && opener) return true;
  if (TITLES.has(prev.low) || COMMON_CAPITALISED.has(prev.low) || GIVEN_NAMES.has(prev.low)) return false;
  // The demonym of another country makes another body (`Saudi Interior Ministry`); before a
  // place or a person it only describes them (`Kurdish Erbil`, `Syrian Bashar Assad`).
  if (DEMONYMS.has(prev.low)) return type === "organization";
  if (!prev.initial) return true;
  // Opening a sentence, capitals prove nothing: an opening word the text also writes in lower
  // case is a common word, and so is any other, unless the text shows it to be a name.
  if (new RegExp(`[\\s(]${escape(prev.low)}[\\s,.;:]`).test(a.text)) return false;
  // `Valeska Paris`: before a person's surname, a capitalised word is most often a given name.
  if (type === "person") return true;
  return capitalisedElsewhere(a, prev) || describedAsPerson(a, m.from, m.to, m.end, type === "place");
}

/** Token `k` (a region modifier) goes on a name before it: `University of Southern`, `Kurdistan Region Northern`. */
function continuesAName(a: Analysed, k: number): boolean {
  const { tokens } = a;
  const before = tokens[k - 1];
  if (!before || !adjacent(a, before, tokens[k]!)) return false;
  if (before.cap) return !before.initial && nameWord(before) && !isDemonymWord(before.low);
  const head = tokens[k - 2];
  return /^(?:of|for|de|del|di|da|du|la|le|al|el)$/.test(before.text) && head !== undefined && head.cap && adjacent(a, head, before);
}

/** `Valeska` opening a sentence and capitalised again later: a name in this text, not a common word. */
function capitalisedElsewhere(a: Analysed, t: Token): boolean {
  return a.tokens.some((u) => u !== t && u.text === t.text && !u.initial && !u.shouting);
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
  if (!next || !follows(a, m.end, next)) return false;
  // `North West Frontier Province`: a compass word goes on too.
  if (next.cap && !next.initial && COMPASS.has(next.low)) return true;
  if (!nameWord(next)) return false;
  if (!isDemonymWord(next.low)) return true;
  return KNOWN_PLACES.has(`${m.surface} ${next.text.replace(/n$|ns$/, "")}`);
}
