import { hash53 } from "../util/digest.js";

/**
 * Document ids for the search index: derived from each article's URL, so an article keeps
 * its id whatever else is added, removed or edited, and a patched index names documents
 * exactly as a full build does. An id is a 53-bit hash of the URL reduced below 36^8, in base
 * 36 padded to 8 characters so that string order is numeric order (postings are sorted by
 * id). The hash need not be cryptographic (nothing trusts an id), and every build computes
 * all ids, so it must be cheap: sha256 cost a third of a second per 10,000 articles here.
 *
 * ~41 bits make a clash unlikely (about 1 in 10 at a million articles) but not impossible,
 * so clashes are settled deterministically: URLs are taken in code-unit order and a URL whose
 * id is taken is hashed again with a counter until it finds a free one. The ids are thus a
 * function of the set of URLs alone, whichever way that set was reached.
 */
export const DOC_ID_LENGTH = 8;
const ID_SPACE = 36 ** DOC_ID_LENGTH;

export function idFor(url: string, attempt: number): string {
  const n = hash53(attempt === 0 ? url : `${url}\n${attempt}`) % ID_SPACE;
  return n.toString(36).padStart(DOC_ID_LENGTH, "0");
}


/** url → id for every URL given (URLs are unique in a site: the router checks collisions). */
export function assignDocIds(urls: Iterable<string>, hash: (url: string, attempt: number) => string = idFor): Map<string, string> {
  const sorted = [...new Set(urls)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const taken = new Set<string>();
  const ids = new Map<string, string>();
  // First pass: every URL whose own id is free keeps it, so a clash moves only the URLs
  // involved in it, never an unrelated article.
  const clashed: string[] = [];
  const first = sorted.map((url) => hash(url, 0));
  const counts = new Map<string, number>();
  for (const id of first) counts.set(id, (counts.get(id) ?? 0) + 1);
  sorted.forEach((url, i) => {
    const id = first[i]!;
    if (counts.get(id) === 1) {
      ids.set(url, id);
      taken.add(id);
    } else clashed.push(url);
  });
  // Clashing URLs: the first in order takes the shared id if nobody else did, the rest rehash.
  for (const url of clashed) {
    let attempt = 0;
    let id = hash(url, attempt);
    while (taken.has(id)) id = hash(url, ++attempt);
    ids.set(url, id);
    taken.add(id);
  }
  return ids;
}
