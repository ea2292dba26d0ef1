import type { EntityType } from "../content/article.js";
import { findCandidates } from "./candidates.js";
import { bestType } from "./type-votes.js";
import { compileRegistry, matchRegistry, type CompiledRegistry, type RegistryMatch } from "./matcher.js";
import { insideLongerName, notTheEntity } from "./registry-guards.js";
import { analyse, isCapitalised, sentenceText, type Analysed } from "./text.js";
import type { EntityMention, ExtractedEntity, RegistryEntry } from "./types.js";

/**
 * Entity extraction from an article body: registry names first (they are certain), then
 * short forms of what was found (a surname after the full name, an acronym introduced in
 * parentheses), then unregistered candidates in what is left. A pure function of the text
 * and the registries, so its result can be cached by (content digest, registry digest).
 */
export interface ExtractOptions {
  registry?: readonly RegistryEntry[];
}

/** The public API: each entity once, with the exact strings that named it, in order of appearance. */
export function extractEntities(text: string, options: ExtractOptions = {}): ExtractedEntity[] {
  const registries = options.registry ? [compileRegistry(options.registry)] : [];
  return findEntities(text, registries).groups.map(({ name, type, mentions }) => ({ name, type, mentions }));
}

interface Group {
  name: string;
  type: EntityType;
  registered: boolean;
  mentions: string[];
  firstToken: number;
}

const ACRONYM = /^(?:\p{Lu}[\p{Lu}\p{N}&]{1,7}|(?:\p{Lu}\.){2,4})$/u;

/** Entities with the sentence of their first mention and whether a registry named them. */
export function analyseEntities(text: string, registries: readonly CompiledRegistry[]): EntityMention[] {
  const { a, groups } = findEntities(text, registries);
  return groups.map((g) => ({
    name: g.name,
    type: g.type,
    mentions: g.mentions,
    registered: g.registered,
    sentence: sentenceText(a, a.tokens[g.firstToken]!.sentence),
  }));
}

function findEntities(text: string, registries: readonly CompiledRegistry[]): { a: Analysed; groups: Group[] } {
  const a = analyse(text);
  const claimed = new Uint8Array(a.tokens.length);
  const groups = new Map<string, Group>();
  /** Records a spelling, and keeps the earliest token for the sentence of the first mention. */
  const mention = (g: Group, surface: string, token: number) => {
    if (!g.mentions.includes(surface)) g.mentions.push(surface);
    if (token < g.firstToken) g.firstToken = token;
  };

  const shortForms = new Map<string, Group>();
  /** A registry match taken: its entity, and the short forms it introduces. */
  const take = (m: RegistryMatch) => {
    const key = `${m.entry.type}\0${m.entry.name}`;
    let g = groups.get(key);
    if (!g) {
      g = { name: m.entry.name, type: m.entry.type, registered: true, mentions: [], firstToken: m.from };
      groups.set(key, g);
    }
    mention(g, m.surface, m.from);
    claimed.fill(1, m.from, m.to);
    if (m.to - m.from >= 2 && g.type === "person") shortForms.set(a.tokens[m.to - 1]!.key, g);
    const acronym = parenthesised(a, m.to);
    if (acronym !== undefined && !claimed[m.to]) shortForms.set(a.tokens[m.to]!.key, g);
  };
  /** Short forms of registry names: `Miri` after `Muqdad Miri`, `PMF` after `(PMF)`. */
  const takeShortForms = () => {
    a.tokens.forEach((t, i) => {
      const g = claimed[i] ? undefined : shortForms.get(t.key);
      if (g && standsAlone(a, i)) {
        mention(g, t.text, i);
        claimed[i] = 1;
      }
    });
  };

  // 1. Registry names and aliases.
  /** Matches dropped as part of a longer name, by first token: the detector gets to say whether there is one. */
  let dropped: Map<number, RegistryMatch> | undefined;
  for (const m of matchRegistry(a, registries)) {
    if (notTheEntity(a, m)) continue;
    if (insideLongerName(a, m)) (dropped ??= new Map()).set(m.from, m);
    else take(m);
  }
  // 2. Short forms of registry names.
  if (shortForms.size) takeShortForms();

  // 3. Unregistered names in what is left. Where the detector, which strips demonyms, titles and
  // opening words, finds exactly a dropped registry name and nothing longer, the words beside it
  // did not make another name after all (`Actor Tom Hanks`), and the registry's entity is meant:
  // it is taken with its short forms, and the rest of the text is scanned again (rarely needed).
  let candidates = findCandidates(a, claimed);
  if (dropped) {
    const revived = candidates.filter((c) => dropped!.get(c.from)?.to === c.to);
    if (revived.length) {
      for (const c of revived) take(dropped.get(c.from)!);
      if (shortForms.size) takeShortForms();
      candidates = findCandidates(a, claimed);
    }
  }
  const bySurface = new Map<string, { votes: Record<EntityType, number>; first: number; words: number; titled: boolean }>();
  const acronymOf = new Map<string, string>();
  for (const c of candidates) {
    const s = bySurface.get(c.surface);
    if (s) {
      for (const k of Object.keys(c.votes) as EntityType[]) s.votes[k] += c.votes[k];
      s.titled ||= c.titled;
    } else bySurface.set(c.surface, { votes: { ...c.votes }, first: c.from, words: c.to - c.from, titled: c.titled });
    if (parenthesised(a, c.to) !== undefined) acronymOf.set(a.tokens[c.to]!.text, c.surface);
  }
  // An acronym introduced in parentheses is the name before it.
  const canonical = new Map<string, string>();
  for (const [acronym, full] of acronymOf) if (bySurface.has(acronym) && acronym !== full) canonical.set(acronym, full);
  // A single word that ends a longer person's name is that person (`Montalvo`).
  const lastWords = new Map<string, string>();
  const wordOf = new Map<string, string>();
  for (const [surface, s] of bySurface) {
    if (s.words < 2) continue;
    const words = surface.split(/\s+/);
    if (bestType(s.votes) === "person") lastWords.set(words[words.length - 1]!, surface);
    for (const w of words) if (!wordOf.has(w)) wordOf.set(w, surface);
  }
  for (const [surface, s] of bySurface) {
    if (s.words !== 1 || canonical.has(surface)) continue;
    const full = lastWords.get(surface);
    if (full) canonical.set(surface, full);
    else {
      // A lone word of a longer name takes its type when nothing else spoke for one.
      const of = wordOf.get(surface);
      const strongest = Math.max(s.votes.person, s.votes.organization, s.votes.place);
      if (of && strongest < 2) s.votes[bestType(bySurface.get(of)!.votes)] += 2;
    }
  }
  for (const [surface, s] of bySurface) {
    const full = canonical.get(surface);
    const target = full ? bySurface.get(full)! : s;
    if (!full) continue;
    // A surname counts toward its person; it cannot make them a place (`Paris` after `Valeska Paris`).
    if (lastWords.get(surface) === full) target.votes.person += s.votes.person * 0.5;
    else for (const k of Object.keys(s.votes) as EntityType[]) target.votes[k] += s.votes[k] * 0.5;
  }
  for (const c of candidates) {
    const full = canonical.get(c.surface) ?? c.surface;
    const s = bySurface.get(full)!;
    // One capitalised word, said once, with no cue at all (no list, title, context or second use)
    // is as often a capitalised common word, a product or a nickname as a name: not proof enough.
    if (s.words === 1 && Math.max(s.votes.person, s.votes.organization, s.votes.place) <= 0.5) continue;
    const type = bestType(s.votes);
    const key = `${type}\0${full}`;
    let g = groups.get(key);
    if (!g) {
      g = { name: full, type, registered: false, mentions: [], firstToken: c.from };
      groups.set(key, g);
    }
    mention(g, c.surface, c.from);
  }

  return { a, groups: [...groups.values()].sort((x, y) => x.firstToken - y.firstToken) };
}

/** The acronym in `(PMF)` right after token `at - 1`, or undefined. */
function parenthesised(a: Analysed, at: number): string | undefined {
  const t = a.tokens[at];
  if (!t || !/^\s*\($/.test(t.gap) || !ACRONYM.test(t.text)) return undefined;
  return a.text.slice(t.end, t.end + 1) === ")" ? t.text : undefined;
}

/** A short form counts only as a word of its own, not inside a longer capitalised name. */
function standsAlone(a: Analysed, i: number): boolean {
  const prev = a.tokens[i - 1];
  const next = a.tokens[i + 1];
  const joined = (x: { gap: string } | undefined) => x !== undefined && /^[ \t]+$/.test(x.gap);
  if (prev && joined(a.tokens[i]) && isCapitalised(prev.text) && !prev.initial && a.text.slice(prev.end, a.tokens[i]!.start).trim() === "") {
    if (!/^(?:Mr|Mrs|Ms|Dr|Gen|Col|Brig|Sen|Gov|President|Minister)\.?$/.test(prev.text)) return false;
  }
  if (next && joined(next) && isCapitalised(next.text) && a.text.slice(a.tokens[i]!.end, next.start).trim() === "") return false;
  return true;
}

