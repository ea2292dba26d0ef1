import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Article } from "../content/article.js";
import type { SourceFile } from "../content/discover.js";
import type { MarkdownResult } from "../content/markdown.js";
import type { Diagnostic } from "../diagnostics.js";
import { digest } from "../util/digest.js";
import { CACHE_FORMAT_VERSION } from "./keys.js";
import { HtmlPack, type PackRef } from "./html-pack.js";

/**
 * Per-article results of loading (metadata and its warnings) and of Markdown (HTML with entity
 * markers, and headings), kept between builds in `<cacheDir>/articles.json` plus an HTML pack. An entry is
 * reused only when the article key (see keys.ts) and the file's location and stat signature
 * (inode, size, mtime and ctime in nanoseconds, as git's index does) all match; the digest of
 * the file's text is stored with it and is what the HTML belongs to.
 *
 * The index file starts with a header line carrying the format, version and a sha256 of the
 * rest: a corrupt, truncated or foreign file is detected, dropped and rebuilt, never trusted.
 */
const INDEX_FILE = "articles.json";
const FORMAT = "dateline-article-cache";
/** A pack with more dead bytes than this share of its size is rewritten. */
const MAX_DEAD_SHARE = 0.5;

interface Entry {
  key: string;
  sig: string;
  path: string;
  shown: string;
  article: Article;
  diagnostics: Diagnostic[];
  /** The rendered body (a pure function of the file, like the article). */
  body?: { headings: MarkdownResult["headings"]; html: PackRef };
}

interface IndexBody {
  pack: string;
  entries: [string, Entry][];
}

export type CacheState = "fresh" | "loaded" | "rebuilt-corrupt" | "rebuilt-version" | "refreshed";

export class ArticleCache {
  readonly #entries: Map<string, Entry>;
  #pack: HtmlPack;
  #changed: boolean;
  readonly #used = new Set<string>();

  private constructor(
    readonly dir: string,
    readonly key: string,
    readonly state: CacheState,
    entries: Map<string, Entry>,
    pack: HtmlPack,
  ) {
    this.#entries = entries;
    this.#pack = pack;
    this.#changed = state !== "loaded";
  }

  /** Opens the cache in `dir`; `refresh` ignores what is there (`--no-cache`). */
  static open(dir: string, key: string, refresh = false): ArticleCache {
    mkdirSync(dir, { recursive: true });
    if (!refresh) {
      const loaded = readIndex(join(dir, INDEX_FILE));
      if (loaded.ok && existsSync(join(dir, loaded.body.pack))) {
        const entries = new Map(loaded.body.entries.filter(([, e]) => e.key === key));
        return new ArticleCache(dir, key, "loaded", entries, HtmlPack.open(join(dir, loaded.body.pack), false));
      }
      const state: CacheState = loaded.ok || loaded.reason === "missing" ? "fresh" : loaded.reason === "version" ? "rebuilt-version" : "rebuilt-corrupt";
      return ArticleCache.empty(dir, key, state);
    }
    return ArticleCache.empty(dir, key, "refreshed");
  }

  private static empty(dir: string, key: string, state: CacheState): ArticleCache {
    return new ArticleCache(dir, key, state, new Map(), HtmlPack.open(join(dir, newPackName()), true));
  }

  /** The cached article for `file`, when its stat signature says it has not changed. */
  lookup(file: SourceFile, sig: string): { article: Article; diagnostics: Diagnostic[] } | undefined {
    const entry = this.#entries.get(file.contentPath);
    if (!entry || entry.key !== this.key || entry.sig !== sig || entry.path !== file.absolutePath || entry.shown !== file.displayPath) return undefined;
    this.#used.add(file.contentPath);
    return { article: entry.article, diagnostics: entry.diagnostics };
  }

  store(file: SourceFile, sig: string, article: Article, diagnostics: Diagnostic[], body?: MarkdownResult): void {
    const entry: Entry = { key: this.key, sig, path: file.absolutePath, shown: file.displayPath, article, diagnostics };
    // Straight to the pack: 10,000 bodies never sit in memory at once.
    if (body) entry.body = { headings: body.headings, html: this.#pack.append(body.html) };
    this.#entries.set(file.contentPath, entry);
    this.#used.add(file.contentPath);
    this.#changed = true;
  }

  /** The article's rendered body, or undefined — also when the pack does not hold it intact. */
  markdown(article: Article): MarkdownResult | undefined {
    const entry = this.#entries.get(article.id);
    if (!entry?.body || entry.article.digest !== article.digest) return undefined;
    const html = this.#pack.read(entry.body.html);
    if (html === undefined) {
      // Damaged: forget the HTML so it is rendered again.
      delete entry.body;
      this.#changed = true;
      return undefined;
    }
    return { html, headings: entry.body.headings };
  }

  storeMarkdown(article: Article, markdown: MarkdownResult): void {
    const entry = this.#entries.get(article.id);
    if (!entry || entry.article.digest !== article.digest) return;
    entry.body = { headings: markdown.headings, html: this.#pack.append(markdown.html) };
    this.#changed = true;
  }

  /** Writes the index (dropping entries for files that are gone) if anything changed. */
  save(): void {
    for (const id of [...this.#entries.keys()]) {
      if (!this.#used.has(id)) {
        this.#entries.delete(id);
        this.#changed = true;
      }
    }
    const live = [...this.#entries.values()].reduce((n, e) => n + (e.body?.html.length ?? 0), 0);
    if (this.#pack.size > 1_000_000 && live < this.#pack.size * (1 - MAX_DEAD_SHARE)) this.compact();
    if (!this.#changed) return this.#pack.close();
    const body: IndexBody = { pack: basename(this.#pack.path), entries: [...this.#entries] };
    const text = JSON.stringify(body);
    const header = JSON.stringify({ format: FORMAT, version: CACHE_FORMAT_VERSION, sha256: digest(text) });
    const path = join(this.dir, INDEX_FILE);
    const tmp = `${path}.tmp-${process.pid}`;
    writeFileSync(tmp, `${header}\n${text}`);
    renameSync(tmp, path);
    this.#pack.close();
    this.#changed = false;
    this.dropOtherPacks();
  }

  private compact(): void {
    const next = HtmlPack.open(join(this.dir, newPackName()), true);
    for (const entry of this.#entries.values()) {
      if (!entry.body) continue;
      const html = this.#pack.read(entry.body.html);
      if (html === undefined) delete entry.body;
      else entry.body.html = next.append(html);
    }
    this.#pack.close();
    this.#pack = next;
    this.#changed = true;
  }

  private dropOtherPacks(): void {
    const keep = basename(this.#pack.path);
    for (const name of readdirSafe(this.dir)) {
      if (name.startsWith("html-") && name.endsWith(".pack") && name !== keep) rmSync(join(this.dir, name), { force: true });
    }
  }
}

type IndexRead = { ok: true; body: IndexBody } | { ok: false; reason: "missing" | "corrupt" | "version" };

function readIndex(path: string): IndexRead {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return { ok: false, reason: "missing" };
  }
  try {
    const newline = text.indexOf("\n");
    const header = JSON.parse(text.slice(0, newline)) as { format?: unknown; version?: unknown; sha256?: unknown };
    if (header.format !== FORMAT) return { ok: false, reason: "corrupt" };
    if (header.version !== CACHE_FORMAT_VERSION) return { ok: false, reason: "version" };
    const rest = text.slice(newline + 1);
    if (newline < 0 || digest(rest) !== header.sha256) return { ok: false, reason: "corrupt" };
    const body = JSON.parse(rest) as IndexBody;
    if (typeof body.pack !== "string" || !/^html-[\w-]+\.pack$/.test(body.pack) || !Array.isArray(body.entries)) return { ok: false, reason: "corrupt" };
    return { ok: true, body };
  } catch {
    return { ok: false, reason: "corrupt" };
  }
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
