import { ENTITY_TYPES } from "../content/article.js";
import { nameKey } from "../content/slug.js";
import type { Library } from "../model/library.js";

/**
 * Articles that share entities and tags with this one, ranked by what they share (an entity
 * counts double: it is the more specific link), newer first on ties. Only articles listed
 * under this one's own terms are scored, so the cost follows the size of those lists.
 */
const ENTITY_WEIGHT = 2;
const TAG_WEIGHT = 1;
/** Terms shared by more articles than this say little about relatedness and cost the most. */
const MAX_TERM_SIZE = 5_000;

interface Memo {
  lists: Map<string, number[]>;
  /** Scores by article index, all zero between calls: cheaper than a Map per article. */
  scores: Int32Array;
}

/** Per library: the same list is wanted by an article's page and by incremental builds. */
const memo = new WeakMap<Library, Memo>();

export function relatedArticles(library: Library, index: number, count: number): number[] {
  let known = memo.get(library);
  if (!known) memo.set(library, (known = { lists: new Map(), scores: new Int32Array(library.articles.length) }));
  const key = `${index}:${count}`;
  let related = known.lists.get(key);
  if (!related) known.lists.set(key, (related = computeRelated(library, index, count, known.scores)));
  return related;
}

function computeRelated(library: Library, index: number, count: number, scores: Int32Array): number[] {
  if (count === 0) return [];
  const article = library.articles[index]!;
  const touched: number[] = [];
  const addAll = (articles: readonly number[] | undefined, weight: number) => {
    if (!articles || articles.length > MAX_TERM_SIZE) return;
    for (const other of articles) {
      if (other === index) continue;
      if (scores[other] === 0) touched.push(other);
      scores[other] = scores[other]! + weight;
    }
  };
  for (const type of ENTITY_TYPES) {
    for (const name of article.entities[type]) addAll(library.entitiesByName[type].get(nameKey(name))?.articles, ENTITY_WEIGHT);
  }
  for (const name of article.tags) addAll(library.tagsByName.get(nameKey(name))?.articles, TAG_WEIGHT);
  // The best `count` by score, then newer first (lower index = newer: Library.articles is
  // sorted newest first). A short insertion list instead of sorting every scored article:
  // popular terms score thousands of articles to keep five.
  const best: number[] = [];
  const before = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  for (const candidate of touched) {
    if (best.length === count && !before(candidate, best[count - 1]!)) continue;
    let at = best.length === count ? count - 1 : best.length;
    while (at > 0 && before(candidate, best[at - 1]!)) at--;
    best.splice(at, 0, candidate);
    if (best.length > count) best.pop();
  }
  for (const i of touched) scores[i] = 0;
  // A copy just as long: `best` grew with room to spare, and every article's list is kept.
  return best.slice();
}

/**
 * Every article's related list after an edit, reusing the lists of the build before where
 * nothing they are computed from changed. `before` holds those lists by place then, the ids
 * then, and where each article now was then (undefined for a new one). A list is scored over
 * the articles of the article's own tags and entities and ties go to the newer, so it is
 * computed again when the article changed, when one of its terms' article lists changed
 * (`termChanged`, asked of every term), or when a changed article is listed under one of
 * its terms (it may have moved past the others); otherwise it is the list before, followed
 * by id to where its articles are now.
 */
export function relatedAfterEdit(
  library: Library,
  count: number,
  before: { related: readonly number[][]; ids: readonly string[]; was: readonly (number | undefined)[] },
  changed: ReadonlySet<number>,
  termChanged: (url: string) => boolean,
): number[][] {
  const again = new Set(changed);
  const terms = [library.tags, ...ENTITY_TYPES.map((type) => library.entities[type])];
  for (const list of terms) {
    for (const term of list) {
      if (termChanged(term.url) || term.articles.some((i) => changed.has(i))) for (const i of term.articles) again.add(i);
    }
  }
  const now = new Map(library.articles.map((a, i) => [a.id, i]));
  return library.articles.map((_, i) => {
    const at = before.was[i];
    const list = at === undefined ? undefined : before.related[at];
    if (again.has(i) || !list) return relatedArticles(library, i, count);
    const moved = list.map((j) => now.get(before.ids[j]!));
    return moved.every((j) => j !== undefined) ? (moved as number[]) : relatedArticles(library, i, count);
  });
}
