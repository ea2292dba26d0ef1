import type { EntityType } from "../content/article.js";
import { GIVEN_NAMES } from "./gazetteer.js";
import {
  COMPASS, CONNECTORS, FACILITY_WORDS, GROUP_NOUNS, LOCATIVE, ORG_HEADS, ORG_NOUNS_AFTER, ORG_STARTS, PLACE_ACRONYMS, PLACE_HEADS,
  PLACE_NOUNS, ROLE_NOUNS, SPEECH_VERBS, ORG_NOUNS_BEFORE, SPORT_ROLES, CLUB_PREFIXES,
} from "./lexicon.js";
import type { Analysed } from "./text.js";
import { ACRONYM, PLACE_SHAPED, COUNTRY_SET, HYPHENATED_GIVEN, INNER_GAP, KNOWN_ORGS, KNOWN_PLACES, isDateline, isDemonymWord, speaks, toTitleCase } from "./word-classes.js";

/**
 * Names no registry knows, step three: votes for person, organisation or place from the name
 * itself (gazetteers, head words, given names) and from the words around it (titles, `in`,
 * `said`, lists, appositions).
 */
const HOLDING_NOUNS = new Set("shares share stake stakes stock investors investment shareholders subsidiary unit division owner".split(" "));
const TEAM_PLURAL = /^\p{Lu}\p{Ll}{2,}[^s]s$|^Sox$/u;
const SURNAME_PARTICLES = new Set("von van der den de da del della di du dos das le la ter ten".split(" "));

export function typeVotes(a: Analysed, from: number, to: number, ws: string[], titled: boolean, afterOf: boolean): Record<EntityType, number> {
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
  // `South Waziristan`, `North Darfur`: a compass word opening a name.
  else if (rest > 0) v.place += 2.5;
  if (PLACE_SHAPED.test(ws[ws.length - 1]!)) v.place += 4;
  // `Azahari bin Husin`, `Mohammed bin Salman`: a patronymic particle inside a name.
  if (ws.length > 2 && ws.slice(1, -1).some((w) => /^(?:bin|ibn|bint|binti)$/.test(w))) v.person += 3;
  if (before && ORG_NOUNS_BEFORE.has(beforeWord) && !before.cap) v.organization += 3;
  // `Aceh, Indonesia`: a place followed by the country or state it is in.
  const comma = at(to + 1);
  if (after && after.gap === ", " && KNOWN_PLACES.has(after.text) && comma?.gap !== " ") v.place += 3;
  // `the Kearny, New Jersey building`: ... also when that place has two or three words.
  else if (after && after.gap === ", " && after.cap) {
    const next = [after.text, at(to + 1)?.text, at(to + 2)?.text];
    if (KNOWN_PLACES.has(next.slice(0, 2).join(" ")) || KNOWN_PLACES.has(next.join(" "))) v.place += 3;
  }
  // `Tirin Kot, the capital of Uruzgan province`: an apposition naming a kind of place.
  if (after && after.gap === ", " && (after.low === "the" || after.low === "a") && PLACE_NOUNS.has(at(to + 1)?.low ?? "")) v.place += 3;
  if (ws.length === 1 && ACRONYM.test(name)) {
    if (PLACE_ACRONYMS.has(firstLower)) v.place += 4;
    else v.organization += 3;
  }
  if (ORG_HEADS.has(lastLower)) v.organization += 4;
  if (ORG_STARTS.has(firstLower) && ws.length > 1) v.organization += 3;
  if (PLACE_HEADS.has(lastLower) && ws.length > 1) v.place += 3;
  if (PLACE_HEADS.has(firstLower) && ws[1] === "of") v.place += 3;
  // `Green Party of England`, `London School of Hygiene`: a body's word before `of` inside the name.
  const hasOf = ws.includes("of");
  if (hasOf && ws.some((w, k) => k > 0 && ws[k + 1] === "of" && ORG_HEADS.has(w.toLowerCase()) && !PLACE_HEADS.has(w.toLowerCase()))) v.organization += 4;
  // `Mary & Leigh Block Museum of Art`: a site word before `of` inside the name.
  else if (hasOf && ws.some((w, k) => k > 0 && ws[k + 1] === "of" && PLACE_HEADS.has(w.toLowerCase()))) v.place += 3;
  if (COMPASS.has(lastLower) && ws.length > 1) v.place += 3;
  if (/^(?:port|mount|mt\.?|lake|fort|saint|st\.?|san|santa|são|sao|cape|gulf|isle|masjid|stadio|estadio|stade|stadion)$/.test(firstLower) && ws.length > 1) v.place += 3;
  // `Kennedy Space Center`, `Metro Toronto Convention Centre`: a centre named for what it houses is a site.
  if ((lastLower === "center" || lastLower === "centre") && ws.length > 2 && FACILITY_WORDS.has(tokens[to - 2]!.low)) v.place += 5;
  // `Procter & Gamble`, `Social Science & Medicine`: an ampersand name is a firm or a publication.
  if (a.text.slice(tokens[from]!.start, tokens[to - 1]!.end).includes(" & ") && !PLACE_HEADS.has(lastLower)) v.organization += 2.5;
  // `Thomas Sam, 42, and his wife`: a name with an age in apposition is a person.
  if (after && after.gap === ", " && /^\d{1,3}$/.test(after.text) && /^,/.test(a.text.slice(after.end, after.end + 1))) v.person += 3;
  // `Environment Canada`, `Air France`, `Radio Free Asia`: a common word before a country names a body.
  const lastPlace = ws.length === 2 && COUNTRY_SET.has(ws[1]!) && !KNOWN_PLACES.has(name);
  // ... and a club's prefix before a city names the club (`Real Madrid`, `Inter Milan`).
  if (ws.length === 2 && CLUB_PREFIXES.has(firstLower) && KNOWN_PLACES.has(ws[1]!)) v.organization += 6;
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
  // `shares in BHP Billiton`, `a stake in X`, `a unit of X`: what is owned or traded is a company.
  const owned = (prep === "in" || prep === "of") && HOLDING_NOUNS.has(at(prepIndex - 1)?.low ?? "");
  if (owned) v.organization += 4;
  else if (prep && LOCATIVE.has(prep) && (at(prepIndex - 1)?.low ?? "") !== "according") v.place += ws.length === 1 ? 1.5 : 1;
  if (prep === "to" && (at(prepIndex - 1)?.low ?? "") === "according") v.organization += 1;
  if (afterOf) v.organization += 2;
  if ((prep === "from" || prep === "of" || prep === "at") && GROUP_NOUNS.has(at(prepIndex - 1)?.low ?? "")) v.organization += 2.5;
  if (possessive && after && after.cap) v.organization += 1;
  if (ws.length === 1 && speaks(a, to, name)) v.person += 1.5;
  else if (after && SPEECH_VERBS.has(after.low)) {
    v.person += 1;
    v.organization += 0.5;
  }
  // `New York Yankees`, `Boston Red Sox`: a city or state and a plural is a sports team.
  if (ws.length > 1 && TEAM_PLURAL.test(ws[ws.length - 1]!)) {
    for (let k = Math.max(1, ws.length - 2); k < ws.length && k <= 3; k++) if (KNOWN_PLACES.has(ws.slice(0, k).join(" "))) v.organization += 7;
  }
  // `Liverpool striker Mohamed Salah`: a place before a sports role is a club.
  if (afterWord && SPORT_ROLES.has(afterWord)) v.organization += 8;
  // `Fidel CASTRO`: a surname written in capitals after a given name, in running text.
  if (ws.length === 2 && /^\p{Lu}\p{Ll}+$/u.test(ws[0]!) && /^\p{Lu}{3,}$/u.test(ws[1]!) && !KNOWN_ORGS.has(ws[1]!) && !ORG_HEADS.has(lastLower)) v.person += 4;
  // `J.K. Rowling`, `George W. Bush`: initials beside a plain surname.
  const initials = ws.some((w) => /^(?:\p{Lu}\.){1,3}$/u.test(w) && !PLACE_ACRONYMS.has(w.toLowerCase()));
  if (initials && ws.length >= 2 && !ORG_HEADS.has(lastLower) && !KNOWN_ORGS.has(name) && /^\p{Lu}\p{Ll}/u.test(ws[ws.length - 1]!)) v.person += 4;
  // What is left: two to four plain capitalised words are most often a person's name.
  // Particles of family names (`Ursula von der Leyen`) may sit between them.
  const inner = ws.filter((w, k) => !(k > 0 && k < ws.length - 1 && SURNAME_PARTICLES.has(w)));
  const plain = inner.every((w) => /^(?:(?:al|el|Al|El)-)?\p{Lu}(?:\p{Ll}+\p{Lu})?[\p{Ll}\p{M}'’]+(?:-\p{L}[\p{Ll}\p{M}]+)*$/u.test(w));
  if (plain && inner.length >= 2 && ws.length <= 5 && !inner.some((w) => CONNECTORS.has(w))) v.person += 1.5;
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
