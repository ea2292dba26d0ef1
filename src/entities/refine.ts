import type { EntityType } from "../content/article.js";
import { GIVEN_NAMES } from "./gazetteer.js";
import {
  CLUB_PREFIXES, COMMON_CAPITALISED, COMPASS, CONNECTORS, EVENT_HEADS, NAME_OPENERS, NOT_NAMES_ALONE, ORG_HEADS, ORG_STARTS, PLACE_ACRONYMS, REGION_MODIFIERS, ROLE_NOUNS,
  TITLE_HEADS, TITLES, WORK_NOUNS,
} from "./lexicon.js";
import type { Analysed, Token } from "./text.js";
import { typeVotes } from "./type-votes.js";
import { ACRONYM, PLACE_SHAPED, KNOWN_ORGS, speaks, KNOWN_PLACES, describedAsPerson, isDateline, isDemonymWord } from "./word-classes.js";

/**
 * Names no registry knows, step two: a capitalised run cleaned of what capitals do not prove
 * (sentence-initial common words, demonyms, titles and ranks, events) and then typed.
 */
export interface Candidate {
  from: number;
  to: number;
  surface: string;
  votes: Record<EntityType, number>;
  /** A title or role word said this is a person: a strong cue. */
  titled: boolean;
}

export interface ScanContext {
  a: Analysed;
  claimed: Uint8Array;
  /** Words the text also writes in lower case. */
  lowerUse: Set<string>;
  /** Words the text capitalises mid-sentence. */
  mid: Set<string>;
}

export function refine(ctx: ScanContext, from: number, to: number, afterOf: boolean): Candidate[] {
  const out: Candidate[] = [];
  const one = refineOne(ctx, from, to, afterOf, out);
  if (one) out.push(one);
  return out;
}

/** `U.S. President Joe Biden`, `Treasury Secretary Janet Yellen`: where a job title ends, or -1. */
function jobTitleEnd(tokens: readonly Token[], from: number, to: number): number {
  for (let k = from + 1; k <= Math.min(from + 3, to - 2); k++) {
    if (!TITLE_HEADS.has(tokens[k]!.low) || /\.$/.test(tokens[k]!.text)) continue;
    // `Assistant Secretary of State Christopher Hill`: the department is part of the title.
    if (tokens[k + 1]?.text === "of" && k + 3 < to) k += 2;
    const rest = tokens.slice(k + 1, to);
    if (rest.length >= 2 || GIVEN_NAMES.has(rest[0]!.low)) return k;
  }
  return -1;
}

function refineOne(ctx: ScanContext, from: number, to: number, afterOf: boolean, extra: Candidate[]): Candidate | undefined {
  const { a, lowerUse, mid } = ctx;
  const { tokens } = a;
  const words = () => tokens.slice(from, to).map((t) => t.text);
  // A sentence-initial word is a name only when nothing says it is a common word.
  const first = tokens[from]!;
  if (first.initial) {
    const w = first.low;
    // A known body opening a sentence is named (`Reuters reported`), not a `(Reuters)` dateline credit.
    const knownOrg = KNOWN_ORGS.has(first.text) && !first.gap.endsWith("(");
    const known = KNOWN_PLACES.has(first.text) || knownOrg || GIVEN_NAMES.has(w) || isDateline(a, from, to) || PLACE_SHAPED.test(first.text);
    const single = to - from === 1;
    // `WHO says`: a common word written in capitals is an acronym.
    const capitals = /^\p{Lu}{2,}$/u.test(first.text) && (KNOWN_ORGS.has(first.text) || PLACE_ACRONYMS.has(w));
    // `South Korea agreed`: a compass word opening a longer name belongs to it.
    const compass = !single && COMPASS.has(w);
    const common = !capitals && !compass && (COMMON_CAPITALISED.has(w) || (single && lowerUse.has(w) && !known) || (single && TITLES.has(w)));
    const unproven = single && !known && !mid.has(first.text) && !ACRONYM.test(first.text) && !speaks(a, to, first.text);
    // `Actor Tom Hanks said`: a role noun opening the sentence, before a name.
    const role = !single && ROLE_NOUNS.has(w) && !GIVEN_NAMES.has(w);
    if (common || unproven || role || opensKnownPlace(ctx, from, to)) from++;
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
  // `North Korean Vice Foreign Minister Kim Kye-gwan`: a two-word demonym before a title.
  if (to - from > 3 && KNOWN_PLACES.has(`${tokens[from]!.text} ${tokens[from + 1]!.text.replace(/n$/, "")}`) && TITLES.has(tokens[from + 2]!.low)) from += 2;
  // Demonyms: `Syrian President Bashar Assad` loses `Syrian`; `Iraqi Army` keeps it.
  while (to - from > 1 && isDemonymWord(tokens[from]!.low) && !KNOWN_PLACES.has(words().join(" ")) && !endsInOrg() && !hasOrgWord()) from++;
  while (to - from > 1 && isDemonymWord(tokens[to - 1]!.low)) to--;
  // `in Downtown Baghdad`, `Greater Ankara`: the modifier says which part of a known place is meant.
  if (to - from > 1 && REGION_MODIFIERS.has(tokens[from]!.low) && !KNOWN_PLACES.has(words().join(" ")) && KNOWN_PLACES.has(words().slice(1).join(" "))) from++;
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
  // `Downtown` left over from `Downtown Baghdad` once the registry has taken `Baghdad`.
  if (tokens.slice(from, to).every((t) => isDemonymWord(t.low) || TITLES.has(t.low) || COMPASS.has(t.low) || REGION_MODIFIERS.has(t.low))) return undefined;
  const low = tokens[from]!.low;
  const knownAcronym = /^\p{Lu}{2,}$/u.test(ws[0]!) && PLACE_ACRONYMS.has(low);
  if (ws.length === 1 && !KNOWN_ORGS.has(ws[0]!) && !knownAcronym && (COMMON_CAPITALISED.has(low) || NOT_NAMES_ALONE.has(low))) return undefined;
  // Events and holidays (`Waitangi Day`, `World Cup`) are not people, organisations or places.
  if (ws.length > 1 && EVENT_HEADS.has(tokens[to - 1]!.low)) return undefined;
  const joined = ws.join(" ");
  if (/ers?$/.test(joined) && KNOWN_PLACES.has(joined.replace(/ers?$/, ""))) return undefined;
  // `Sri Lankan`, `South Korean`, `Costa Rican`: the demonym of a place of two words.
  if (ws.length > 1 && /ns?$/.test(joined) && KNOWN_PLACES.has(joined.replace(/ns?$/, ""))) return undefined;
  // `Operation Medusa`: a military operation is an event.
  if (ws.length > 1 && tokens[from]!.low === "operation") return undefined;
  // `NZ$26 million`: a currency code.
  if (a.text.charAt(tokens[to - 1]!.end) === "$") return undefined;
  if (isWorkTitle(a, from, to, joined)) return undefined;

  const surface = a.text.slice(tokens[from]!.start, tokens[to - 1]!.end);
  return { from, to, surface, votes: typeVotes(a, from, to, ws, titled, afterOf), titled };
}

/**
 * `Rain Ankara today`, `Downtown Baghdad was quiet`: a word opening the sentence before a
 * known place is no part of its name unless something says so, as for a registered name (it
 * opens names, `Real Madrid` included, the text capitalises it elsewhere, or describes the two
 * words as a person).
 */
function opensKnownPlace(ctx: ScanContext, from: number, to: number): boolean {
  const { a, mid } = ctx;
  const { tokens } = a;
  const first = tokens[from]!;
  const w = first.low;
  if (to - from < 2 || GIVEN_NAMES.has(w) || COMPASS.has(w) || NAME_OPENERS.has(w) || ORG_STARTS.has(w) || CLUB_PREFIXES.has(w) || mid.has(first.text)) return false;
  const rest = a.text.slice(tokens[from + 1]!.start, tokens[to - 1]!.end);
  const whole = a.text.slice(first.start, tokens[to - 1]!.end);
  if (!KNOWN_PLACES.has(rest) || KNOWN_PLACES.has(whole) || KNOWN_ORGS.has(whole) || KNOWN_PLACES.has(first.text) || KNOWN_ORGS.has(first.text)) return false;
  return !describedAsPerson(a, from, to, tokens[to - 1]!.end, true);
}

/**
 * `the book Blown for Good`, `the 1969 film Easy Rider`, `"The Internet Explorer 6 Countdown"`:
 * a name after a word for a work, or filling a quotation on its own, is a title, not a person,
 * body or place (unless it is a known name).
 */
function isWorkTitle(a: Analysed, from: number, to: number, name: string): boolean {
  if (KNOWN_PLACES.has(name) || KNOWN_ORGS.has(name)) return false;
  const { tokens } = a;
  const before = tokens[from - 1];
  let k = from - 1;
  // Skip a year: `the 1969 film Easy Rider`.
  if (before && /^\d{4}$/.test(before.text)) k--;
  const noun = tokens[k === from - 1 ? from - 1 : k];
  if (before && noun && !noun.cap && WORK_NOUNS.has(noun.low) && noun.sentence === tokens[from]!.sentence && /^ $/.test(tokens[from]!.gap)) return true;
  const start = tokens[from]!.start;
  const end = tokens[to - 1]!.end;
  const opens = /["“]$/.test(a.text.slice(Math.max(0, start - 1), start));
  const closes = /^[.,!?]?["”]/.test(a.text.slice(end, end + 2));
  return opens && closes && to - from > 1;
}
