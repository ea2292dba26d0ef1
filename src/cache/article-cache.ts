import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import type { Article } from "../content/article.js";
import type { SourceFile } from "../content/discover.js";
import type { MarkdownResult } from "../content/markdown.js";
import { packDocContent, unpackDocContent, type DocContent, type DocContents } from "../search/docs.js";
import type { Diagnostic } from "../diagnostics.js";
import { digest } from "../util/digest.js";
import { CACHE_FORMAT_VERSION } from "./keys.js";
import { HtmlPack, type PackedAt, type PackRef } from "./html-pack.js";
import { FORMAT, INDEX_FILE, readIndex, statSignature, writeAtomically, type Entry, type IndexBody } from "./article-index.js";

/**
 * Per-article results of loading (metadata and its warnings) and of Markdown (HTML with entity
 * markers, and headings), kept between builds in `<cacheDir>/articles/`: the entries in 256
 * shard files, the HTML in one pack, and `articles.json` naming the pack and the shards. An entry is
 * reused only when the article key (see keys.ts) and the file's location and stat signature
 * (inode, size, mtime and ctime in nanoseconds, as git's index does) all match; the digest of
 * the file's text is stored with it and is what the HTML belongs to.
 *
 * The index file starts with a header line carrying the format, version and a sha256 of the
 * rest, and names each shard with the sha256 of its contents: a corrupt, truncated or foreign
 * file is detected and the cache rebuilt, never trusted. Shards exist so that an edit rewrites
 * one small file instead of the whole index (250 MB at 100,000 articles); a shard is written
 * under a new name and the index renamed over the old one, so a build killed while saving
 * leaves the previous, consistent cache.
 */
const SHARDS = 256;
/** A pack with more dead bytes than this share of its size is rewritten. */
const MAX_DEAD_SHARE = 0.5;

/** "kept": the same process's cache from its previous build, not read again (BuildSession). */
export type CacheState = "fresh" | "loaded" | "kept" | "rebuilt-corrupt" | "rebuilt-version" | "refreshed";

export class ArticleCache {
  readonly #entries: Map<string, Entry>;
  #pack: HtmlPack;
  /** Shards as they are on disk; those in #dirty are rewritten on save. */
  readonly #shards: Record<string, [string, string]>;
  readonly #dirty = new Set<string>();
  #indexChanged: boolean;
  readonly #used = new Set<string>();
  #closed = false;
  /** After `settle`: each article's digest and body only; nothing is stored or saved any more. */
  #bodies: Map<string, SettledBody> | undefined;
  #state: CacheState;
  /** The index file as this process last read or wrote it: see `continues`. */
  #indexSig: string | undefined;

  private constructor(
    readonly dir: string,
    readonly key: string,
    state: CacheState,
    entries: Map<string, Entry>,
    pack: HtmlPack,
    shards: Record<string, [string, string]> = {},
    dirty: Iterable<string> = [],
  ) {
    this.#entries = entries;
    this.#pack = pack;
    this.#shards = shards;
    for (const shard of dirty) this.#dirty.add(shard);
    this.#state = state;
    this.#indexChanged = state !== "loaded";
  }

  get state(): CacheState {
    return this.#state;
  }

  /** Opens the cache in `dir`; `refresh` ignores what is there (`--no-cache`). */
  static open(dir: string, key: string, refresh = false): ArticleCache {
    mkdirSync(dir, { recursive: true });
    if (!refresh) {
      const loaded = readIndex(dir);
      if (loaded.ok && existsSync(join(dir, loaded.body.pack))) {
        // Entries made with another key (another registry, version…) are dropped, and their shards rewritten.
        const entries = new Map<string, Entry>();
        const stale = new Set<string>();
        for (const [id, entry] of loaded.entries) {
          if (entry.key === key) entries.set(id, entry);
          else stale.add(shardOf(id));
        }
        const cache = new ArticleCache(dir, key, "loaded", entries, HtmlPack.open(join(dir, loaded.body.pack), false), loaded.body.shards, stale);
        cache.#indexSig = loaded.sig;
        return cache;
      }
      const state: CacheState = loaded.ok || loaded.reason === "missing" ? "fresh" : loaded.reason === "version" ? "rebuilt-version" : "rebuilt-corrupt";
      return ArticleCache.empty(dir, key, state);
    }
    return ArticleCache.empty(dir, key, "refreshed");
  }

  private static empty(dir: string, key: string, state: CacheState): ArticleCache {
    return new ArticleCache(dir, key, state, new Map(), HtmlPack.open(join(dir, newPackName()), true));
  }

  /**
   * Whether this cache, saved at the end of the previous build, can serve the next build in
   * the same process (`dateline serve`) as it is in memory, instead of being read again: same
   * folder and key, not closed, and nothing else has written the index since (a
   * `dateline build` in another terminal, say), which the index file's stat signature shows.
   */
  continues(dir: string, key: string): boolean {
    return !this.#closed && !this.#bodies && dir === this.dir && key === this.key && this.#indexSig !== undefined && this.#indexSig === statSignature(join(dir, INDEX_FILE));
  }

  /** Starts another build on this cache (after `continues` said it may). */
  resume(): void {
    this.#used.clear();
    if (this.#pack.closed) this.#pack = HtmlPack.open(this.#pack.path, false);
    this.#state = "kept";
  }

  /** The cached article for `file`, when its stat signature says it has not changed. */
  lookup(file: SourceFile, sig: string): { article: Article; diagnostics: Diagnostic[] } | undefined {
    const entry = this.entryFor(file);
    if (!entry || entry.sig !== sig) return undefined;
    this.#used.add(file.contentPath);
    if (entry.shown !== file.displayPath) this.reshow(entry, file);
    return { article: entry.article, diagnostics: entry.diagnostics };
  }

  /** The entry made for this file at this place with this cache's key, whatever its signature. */
  private entryFor(file: SourceFile): Entry | undefined {
    const entry = this.#entries.get(file.contentPath);
    return entry && entry.key === this.key && entry.path === file.absolutePath ? entry : undefined;
  }

  /**
   * Names the file as this run shows it: paths in messages are relative to the working
   * directory, and a build run from another folder (a script, `--config ../site/…`) must not
   * process the whole archive again for that. Only the article's own file name changes; the
   * entry takes it, so the next run from there finds it as it is.
   */
  private reshow(entry: Entry, file: SourceFile): void {
    const before = entry.shown;
    entry.article = { ...entry.article, file: file.displayPath };
    entry.diagnostics = entry.diagnostics.map((d) => (d.file === before ? { ...d, file: file.displayPath } : d));
    entry.shown = file.displayPath;
    this.#dirty.add(shardOf(file.contentPath));
  }

  /**
   * The cached article for `file` when its stat signature changed but its text did not: a
   * fresh clone, a copy, a restored backup or a hard link (which changes the ctime) touches
   * every file of an archive without changing one. Like git's index, a signature mismatch
   * means "look at the contents", not "changed": the text's digest is compared with the
   * cached one, and on a match the entry takes the new signature. `textDigest` is called only
   * when there is an entry to compare with, so files new to the cache are not read twice.
   */
  revalidate(file: SourceFile, sig: string, textDigest: () => string | undefined): { article: Article; diagnostics: Diagnostic[] } | undefined {
    const entry = this.entryFor(file);
    if (!entry || entry.article.digest !== textDigest()) return undefined;
    entry.sig = sig;
    this.#dirty.add(shardOf(file.contentPath));
    return this.lookup(file, sig);
  }

  store(file: SourceFile, sig: string, article: Article, diagnostics: Diagnostic[], body?: MarkdownResult, search?: DocContent): void {
    const entry: Entry = { key: this.key, sig, path: file.absolutePath, shown: file.displayPath, article, diagnostics };
    // Straight to the pack: 10,000 bodies never sit in memory at once.
    if (body) entry.body = { headings: body.headings, html: this.#pack.append(body.html) };
    if (search) entry.search = this.#pack.append(packDocContent(search));
    this.#entries.set(file.contentPath, entry);
    this.#used.add(file.contentPath);
    this.#dirty.add(shardOf(file.contentPath));
  }

  /** The article's rendered body, or undefined — also when the pack does not hold it intact. */
  markdown(article: Article): MarkdownResult | undefined {
    if (this.#bodies) {
      const settled = this.#bodies.get(article.id);
      if (!settled || settled.digest !== article.digest || this.#pack.closed) return undefined;
      const html = settled.html === undefined ? undefined : this.#pack.read(settled.html);
      return html === undefined ? undefined : { html, headings: settled.headings };
    }
    const entry = this.#entries.get(article.id);
    if (!entry?.body || entry.article.digest !== article.digest) return undefined;
    const html = this.#pack.read(entry.body.html);
    if (html === undefined) {
      // Damaged: forget the HTML so it is rendered again.
      delete entry.body;
      this.#dirty.add(shardOf(article.id));
      return undefined;
    }
    return { html, headings: entry.body.headings };
  }

  /** The article's search content as loading made it, or undefined (not stored, or damaged). */
  searchContent(article: Article): DocContent | undefined {
    if (this.#pack.closed) return undefined;
    const settled = this.#bodies?.get(article.id);
    const entry = this.#bodies ? undefined : this.#entries.get(article.id);
    const ref = settled ? settled.digest === article.digest && settled.search : entry && entry.article.digest === article.digest && entry.search;
    return ref ? readSearchContent(this.#pack, ref) : undefined;
  }

  storeMarkdown(article: Article, markdown: MarkdownResult): void {
    // Settled: the entries are saved and gone; the next build renders this body again.
    if (this.#bodies) return;
    const entry = this.#entries.get(article.id);
    if (!entry || entry.article.digest !== article.digest) return;
    entry.body = { headings: markdown.headings, html: this.#pack.append(markdown.html) };
    this.#dirty.add(shardOf(article.id));
  }

  /**
   * Saves now, then keeps of each entry only what reading its body needs (the text's digest
   * and where the HTML is in the pack), for a build that has loaded every article and will
   * neither look one up nor store one again: a build that renders every page. The rest of an
   * entry — the article as loaded, its warnings, paths and stat signature, ~1.2 KB an article
   * (heap snapshot, 10,000 articles) — is then garbage while the pages are rendered, instead
   * of at the peak of the build. Afterwards `storeMarkdown` and `save` do nothing; a body the
   * pack lost is rendered again by this build and by the next one.
   */
  settle(): void {
    if (this.#closed || this.#bodies) return;
    this.save();
    this.#pack = HtmlPack.open(this.#pack.path, false);
    const bodies = new Map<string, SettledBody>();
    for (const [id, entry] of this.#entries) {
      bodies.set(id, entry.body
        ? { digest: entry.article.digest, headings: entry.body.headings, html: entry.body.html, search: entry.search }
        : { digest: entry.article.digest, headings: [], html: undefined, search: entry.search });
    }
    this.#entries.clear();
    this.#used.clear();
    this.#bodies = bodies;
  }

  /**
   * Closes the cache (see `close`) and returns what reads each article's search content from
   * the pack meanwhile: only where it is, a few dozen bytes an article, is kept. The reader
   * has its own handle on the pack; `done` closes it.
   */
  closeForSearch(): SearchContentReader {
    this.save();
    const refs = new Map<string, { digest: string; ref: PackRef }>();
    if (this.#bodies) {
      for (const [id, settled] of this.#bodies) if (settled.search) refs.set(id, { digest: settled.digest, ref: settled.search });
    } else {
      for (const [id, entry] of this.#entries) if (entry.search) refs.set(id, { digest: entry.article.digest, ref: entry.search });
    }
    const pack = refs.size > 0 ? HtmlPack.open(this.#pack.path, false) : undefined;
    this.close();
    const current = (article: Article) => {
      const found = refs.get(article.id);
      return found && pack && !pack.closed && found.digest === article.digest ? { pack, ref: found.ref } : undefined;
    };
    return {
      content: (article) => {
        const found = current(article);
        return found && readSearchContent(found.pack, found.ref);
      },
      where: (article) => {
        const found = current(article);
        return found && { pack: found.pack.path, ref: found.ref };
      },
      done: () => pack?.close(),
    };
  }

  /**
   * Saves, then forgets every entry, for a build that needs nothing more from the cache: at
   * 100,000 articles the entries hold ~100 MB that the search index can use instead. Lookups
   * find nothing afterwards, and saving again does nothing.
   */
  close(): void {
    this.save();
    this.#bodies = undefined;
    this.#pack.close();
    this.#entries.clear();
    this.#used.clear();
    this.#closed = true;
  }

  /** Writes the shards that changed and the index (dropping entries for files that are gone). */
  save(): void {
    if (this.#closed) return;
    if (this.#bodies) return this.#pack.close();
    for (const id of [...this.#entries.keys()]) {
      if (!this.#used.has(id)) {
        this.#entries.delete(id);
        this.#dirty.add(shardOf(id));
      }
    }
    const live = [...this.#entries.values()].reduce((n, e) => n + (e.body?.html.length ?? 0) + (e.search?.length ?? 0), 0);
    if (this.#pack.size > 1_000_000 && live < this.#pack.size * (1 - MAX_DEAD_SHARE)) this.compact();
    if (this.#dirty.size === 0 && !this.#indexChanged) return this.#pack.close();
    const byShard = new Map<string, [string, Entry][]>([...this.#dirty].map((shard) => [shard, []]));
    for (const [id, entry] of this.#entries) byShard.get(shardOf(id))?.push([id, entry]);
    for (const [shard, entries] of byShard) {
      delete this.#shards[shard];
      if (entries.length === 0) continue;
      // Sorted, so the same entries always make the same file.
      const text = JSON.stringify(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      const sha = digest(text);
      const name = `shard-${shard}-${sha.slice(0, 16)}.json`;
      writeAtomically(join(this.dir, name), text);
      this.#shards[shard] = [name, sha];
    }
    const body: IndexBody = { pack: basename(this.#pack.path), shards: this.#shards };
    const text = JSON.stringify(body);
    const header = JSON.stringify({ format: FORMAT, version: CACHE_FORMAT_VERSION, sha256: digest(text) });
    writeAtomically(join(this.dir, INDEX_FILE), `${header}\n${text}`);
    this.#indexSig = statSignature(join(this.dir, INDEX_FILE));
    this.#pack.close();
    this.#dirty.clear();
    this.#indexChanged = false;
    this.dropUnlisted();
  }

  private compact(): void {
    const next = HtmlPack.open(join(this.dir, newPackName()), true);
    // What the pack no longer holds intact is dropped, and made again when next needed.
    const move = (ref: PackRef): PackRef | undefined => {
      const text = this.#pack.read(ref);
      return text === undefined ? undefined : next.append(text);
    };
    for (const entry of this.#entries.values()) {
      const html = entry.body && move(entry.body.html);
      if (entry.body && html) entry.body.html = html;
      else delete entry.body;
      const search = entry.search && move(entry.search);
      if (search) entry.search = search;
      else delete entry.search;
    }
    this.#pack.close();
    this.#pack = next;
    for (let i = 0; i < SHARDS; i++) this.#dirty.add(shardName(i));
  }

  /** Packs and shards the index no longer names: left over from earlier builds. */
  private dropUnlisted(): void {
    const keep = new Set([basename(this.#pack.path), ...Object.values(this.#shards).map(([name]) => name)]);
    for (const name of readdirSafe(this.dir)) {
      const ours = (name.startsWith("html-") && name.endsWith(".pack")) || (name.startsWith("shard-") && name.endsWith(".json"));
      if (ours && !keep.has(name)) rmSync(join(this.dir, name), { force: true });
    }
  }
}

/** What a settled cache keeps of an entry (see `settle`). */
interface SettledBody {
  digest: string;
  headings: MarkdownResult["headings"];
  html: PackRef | undefined;
  search: PackRef | undefined;
}

/** The content at `ref`, or undefined when the pack does not hold what was stored there. */
function readSearchContent(pack: HtmlPack, ref: PackRef): DocContent | undefined {
  const packed = pack.read(ref);
  return packed === undefined ? undefined : unpackDocContent(packed);
}

export interface SearchContentReader {
  content: DocContents;
  /** Where the content is in the pack, for a thread that reads it itself (undefined: read the file). */
  where(article: Article): PackedAt | undefined;
  done(): void;
}


/** FNV-1a of the article's id: a stable shard whatever the platform. */
function shardOf(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return shardName((hash >>> 0) % SHARDS);
}

function shardName(n: number): string {
  return n.toString(16).padStart(2, "0");
}

function newPackName(): string {
  return `html-${Date.now().toString(36)}-${process.pid}.pack`;
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
