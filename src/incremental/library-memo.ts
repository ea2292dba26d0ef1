import type { Article } from "../content/article.js";
import { DiagnosticBag } from "../diagnostics.js";
import { buildLibrary, published, type Library, type LibraryOptions, type PublishedArticle } from "../model/library.js";

/**
 * Keeps the last Library a session built, and makes the next one from it when no article
 * changed in anything the Library is made of: an edit to an article's text that leaves its
 * date, slug, tags, authors, entities and the entity mentions in its text (with their
 * sentences) as they were. That is most edits, and indexing 10,000 articles again is about a
 * third of a second of a rebuild in `dateline serve`.
 *
 * What the Library is made of is defined by exclusion: every field of an article counts
 * except the few listed in SHOWN_ONLY, which only the article's own page, card and feed entry
 * show. A field added to Article later therefore counts until someone decides it need not.
 */
const SHOWN_ONLY = new Set<string>([
  "digest", "title", "summary", "excerpt", "image", "canonical", "corrections", "updated",
  "redirectFrom", "mediaRefs", "media", "wordCount", "bodyLine", "structure", "sourcePath",
]);

interface Kept {
  inputs: readonly Article[];
  /** id → the article (of `inputs`) each of the Library's copies was made from. */
  byId: Map<string, Article>;
  key: string;
  now: number;
  library: Library;
}

export class LibraryMemo {
  #kept: Kept | undefined;
  #patched = false;

  /** An article of the last build, for a warm-up run of the article pipeline (build.ts prepareForEdits). */
  get anyArticle(): Article | undefined {
    return this.#kept?.inputs[0];
  }

  /** Whether the last Library was made from the one before rather than built in full. */
  get patched(): boolean {
    return this.#patched;
  }

  /** The Library of `articles`: patched from the kept one when that is exactly equivalent, else built. */
  build(articles: readonly Article[], options: LibraryOptions, bag: DiagnosticBag): Library {
    const key = optionsKey(options);
    const patched = this.#kept && patch(this.#kept, articles, key, options);
    this.#patched = patched !== undefined;
    if (patched) {
      this.#kept = patched;
      return patched.library;
    }
    const own = new DiagnosticBag();
    const library = buildLibrary(articles, options, own);
    bag.addAll(own.list());
    // A Library with problems (collisions) is never the base of another: the next build must
    // report them again, which only building in full does.
    this.#kept = own.list().length === 0 ? { inputs: [...articles], byId: new Map(articles.map((a) => [a.id, a])), key, now: options.now, library } : undefined;
    return library;
  }
}

/** Everything besides the articles that a Library is made of, except `now` (see `shown`). */
function optionsKey(options: LibraryOptions): string {
  const { now: _now, registry, ...rest } = options;
  return JSON.stringify({ ...rest, registry: registry?.digest ?? "" });
}

function patch(kept: Kept, articles: readonly Article[], key: string, options: LibraryOptions): Kept | undefined {
  if (kept.key !== key || kept.inputs.length !== articles.length) return undefined;
  const shown = (a: Article, now: number) => (options.drafts || !a.draft) && (options.future || a.date.epochMs <= now);
  const changed = new Map<string, Article>();
  for (let i = 0; i < articles.length; i++) {
    const before = kept.inputs[i]!;
    const after = articles[i]!;
    // A future article whose time has come, or a draft published: the listings change.
    if (shown(before, kept.now) !== shown(after, options.now)) return undefined;
    if (after === before) continue;
    if (after.id !== before.id || indexed(after) !== indexed(before)) return undefined;
    changed.set(after.id, after);
  }
  const byId = kept.byId;
  for (const [id, article] of changed) byId.set(id, article);
  // A copy is made again for a changed article and for one whose media (files beside it,
  // resolved every build, kept as the same array while unchanged) changed; the others are
  // the kept copies, which nothing changes once their Library is made.
  const copies = kept.library.articles.map((p): PublishedArticle => {
    const article = byId.get(p.id)!;
    if (!changed.has(p.id) && article.media === p.media) return p;
    const copy = published(article, p.year, p.month, p.day, p.url);
    // `entities` is the one field buildLibrary rewrites (to canonical names): taken from the kept copy.
    copy.entities = p.entities;
    return copy;
  });
  return { inputs: [...articles], byId, key, now: options.now, library: { ...kept.library, articles: copies } };
}

/** What of an article the Library is made of, as one comparable string. */
function indexed(article: Article): string {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(article)) if (!SHOWN_ONLY.has(name)) fields[name] = value;
  return JSON.stringify(fields);
}
