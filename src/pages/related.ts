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

/** Per library: the same list is wanted by an article's page and by incremental builds. */
const memo = new WeakMap<Library, Map<string, number[]>>();

export function relatedArticles(library: Library, index: number, count: number): number[] {
  let known = memo.get(library);
  if (!known) memo.set(library, (known = new Map()));
  const key = `${index}:${count}`;
  let related = known.get(key);
  if (!related) known.set(key, (related = computeRelated(library, index, count)));
  return related;
}

function computeRelated(library: Library, index: number, count: number): number[] {
  if (count === 0) return [];
  const article = library.articles[index]!;
  const scores = new Map<number, number>();
  const addAll = (articles: readonly number[] | undefined, weight: number) => {
    if (!articles || articles.length > MAX_TERM_SIZE) return;
    for (const other of articles) if (other !== index) scores.set(other, (scores.get(other) ?? 0) + weight);
  };
  for (const type of ENTITY_TYPES) {
    for (const name of article.entities[type]) addAll(library.entitiesByName[type].get(nameKey(name))?.articles, ENTITY_WEIGHT);
  }
  for (const name of article.tags) addAll(library.tagsByName.get(nameKey(name))?.articles, TAG_WEIGHT);
  // Lower index = newer, because Library.articles is sorted newest first.
  return [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, count).map(([i]) => i);
}
