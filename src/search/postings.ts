import { DatelineError } from "../errors.js";
import { encodeEntry } from "./format.js";
import type { SearchTokenizer } from "./tokenize.js";

/**
 * The inverted index of a full build, in compact arrays: each term's postings are packed
 * into one growing Uint32Array as `ordinal << 10 | tf`, where the ordinal is the document's
 * rank in doc-id order. Sorting those numbers sorts the postings by doc id, and a posting
 * costs 4 bytes instead of a small array (100,000 articles of ~300 distinct words: about
 * 120 MB rather than gigabytes of objects).
 */
const TF_BITS = 10;
/** Term frequencies are capped so they fit in their bits; patches cap them the same way. */
export const MAX_TF = (1 << TF_BITS) - 1;
const MAX_DOCS = 2 ** (32 - TF_BITS);

interface TermPostings {
  data: Uint32Array;
  length: number;
}

export class PostingsBuilder {
  readonly #terms = new Map<string, TermPostings>();

  /** `ids`: every document id, sorted; a document's ordinal is its position here. */
  constructor(private readonly ids: readonly string[]) {
    if (ids.length > MAX_DOCS) {
      throw new DatelineError(`the search index holds at most ${MAX_DOCS} articles; this archive has ${ids.length}`, {
        hint: "build with search turned off, or split the archive",
      });
    }
  }

  add(ordinal: number, terms: readonly string[], tfs: readonly number[]): void {
    for (let k = 0; k < terms.length; k++) {
      const term = terms[k]!;
      const tf = tfs[k]!;
      let entry = this.#terms.get(term);
      if (!entry) {
        entry = { data: new Uint32Array(4), length: 0 };
        this.#terms.set(term, entry);
      } else if (entry.length === entry.data.length) {
        const grown = new Uint32Array(entry.data.length * 2);
        grown.set(entry.data);
        entry.data = grown;
      }
      entry.data[entry.length++] = ((ordinal << TF_BITS) | Math.min(tf, MAX_TF)) >>> 0;
    }
  }

  get termCount(): number {
    return this.#terms.size;
  }

  /**
   * Every shard with its terms and their postings sorted by id, shards in name order. Terms
   * sharing a prefix are contiguous in sorted order, so each shard is one run of the sort.
   */
  *shards(tokenizer: SearchTokenizer): Generator<[shard: string, terms: [term: string, postings: string][]]> {
    for (const [shard, terms] of this.shardTerms(tokenizer)) yield [shard, terms.map((term) => [term, encodePacked(this.packed(term), this.ids)])];
  }

  /** Every shard with its terms, sorted, shards in name order: what `shards` encodes. */
  shardTerms(tokenizer: SearchTokenizer): [shard: string, terms: string[]][] {
    const terms = [...this.#terms.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const groups: [string, string[]][] = [];
    for (const term of terms) {
      const name = tokenizer.shardOf(term);
      const last = groups[groups.length - 1];
      if (last?.[0] === name) last[1].push(term);
      else groups.push([name, [term]]);
    }
    return groups;
  }

  /** A term's postings, packed as `add` stores them, in the order they were added (a view). */
  packed(term: string): Uint32Array {
    const entry = this.#terms.get(term)!;
    return entry.data.subarray(0, entry.length);
  }
}

/**
 * A term's packed postings sorted by id and written as format.ts `encodePostings` writes
 * them, straight from the numbers: a pair per posting was 25 million short-lived arrays at
 * 100,000 articles. Sorts `packed` in place. `ids`: every document id, sorted, as the
 * builder was given them.
 */
export function encodePacked(packed: Uint32Array, ids: readonly string[]): string {
  packed.sort();
  const parts = new Array<string>(packed.length);
  for (let k = 0; k < packed.length; k++) {
    const p = packed[k]!;
    parts[k] = encodeEntry(ids[p >>> TF_BITS]!, p & MAX_TF);
  }
  return parts.join(" ");
}
