import { posix } from "node:path";
import { locateRedirectFrom } from "../content/load.js";
import type { MediaRef } from "../content/media.js";
import type { DiagnosticBag } from "../diagnostics.js";
import type { Library } from "../model/library.js";
import { outputPath } from "../model/routes.js";
import { makesVariants, VARIANT_SUFFIX, variantStem } from "../render/media.js";
import { SEARCH_BUNDLE_DIR } from "../search/format.js";
import { describePage, isHtmlSpec, type PageSpec, type PlannedPage } from "./plan.js";

/**
 * Everything a build writes into the output folder, and who writes it, known before anything
 * is written: the planned pages and generated files, the search index (every path under its
 * folder), the files copied from public/, and the images and files published beside
 * articles with their resized copies. Each part comes from the code that writes it (the plan,
 * the search index's SEARCH_BUNDLE_DIR, the public/ listing, render/media.ts), so a new output
 * cannot be forgotten here the way a list of reserved names would be.
 *
 * Two pages on one file would silently overwrite each other, and redirect pages
 * (`redirect_from`), the one output an editor names freely, are checked against all of it. A
 * clash is not only the same file: `/feed.json/` needs a folder where the JSON feed is a file,
 * and `/story.html` would be a file where another output needs a folder. Either way the build
 * would fail on the disk, or one output would silently replace the other while `_redirects`
 * still sends the path elsewhere.
 */
export type OutputOwner =
  | { kind: "page"; page: PlannedPage }
  | { kind: "public"; path: string }
  | { kind: "media"; article: number; ref: MediaRef }
  | { kind: "media-variant"; article: number; ref: MediaRef }
  | { kind: "search-index" };

export interface PublicFiles {
  /** public/ as the editor knows it, for messages. */
  dir: string;
  /** Relative to it, forward slashes. */
  files: readonly string[];
}

/**
 * Paths compared as the disks editors build on see them: macOS and Windows fold case, and
 * macOS hands out file names decomposed, so `/Feed.xml` and `feed.xml` are one file there.
 * Generated paths are lowercase ASCII and are used as they are: an archive has hundreds of
 * thousands, and a copy of each is a noticeable share of a build that checks redirects.
 */
const NEEDS_FOLDING = /[A-Z\u0080-\uffff]/;
const fold = (path: string) => (NEEDS_FOLDING.test(path) ? path.normalize("NFC").toLowerCase() : path);

/** Calls `each` with the folders a file needs, outermost first: `a/b/c.html` → `a`, `a/b`. */
function forEachFolder(path: string, each: (folder: string) => boolean | void): void {
  for (let i = path.indexOf("/"); i !== -1; i = path.indexOf("/", i + 1)) if (each(path.slice(0, i))) return;
}

interface Clash {
  owner: OutputOwner;
  /** Where the other output is, as a site path. */
  at: string;
  /**
   * same: one file; folder: the redirect needs a folder where the other is a file; file: the
   * redirect would be a file where the other needs a folder; inside: in a folder the other owns.
   */
  how: "same" | "folder" | "file" | "inside";
}

/** An output that is not a planned page, with its path as written (not folded), for messages. */
interface Owned {
  path: string;
  owner: OutputOwner;
}

/** Planned pages are kept as they are: a wrapper per page would be hundreds of thousands of objects. */
type Entry = PlannedPage | Owned;
const pathOf = (e: Entry) => ("spec" in e ? e.output : e.path);
const ownerOf = (e: Entry): OutputOwner => ("spec" in e ? { kind: "page", page: e } : e.owner);

export class SiteOutputs {
  /** Folded output path → what writes it (the first, in plan order). Redirect pages are not in it. */
  readonly #files = new Map<string, Entry>();
  /** Folders whose whole contents belong to one output: folded, with a trailing slash. */
  readonly #subtrees: (Owned & { key: string })[] = [];
  /** Folded folder → the resized copies that may appear in it, by the stem their names start with. */
  readonly #variants = new Map<string, Owned[]>();

  /** Pairs of pages of different kinds planned on one file, in plan order. */
  readonly pageClashes: [PlannedPage, PlannedPage][] = [];

  constructor(pages: readonly PlannedPage[], library: Library, publicFiles: PublicFiles) {
    for (const page of pages) {
      if (page.spec.kind === "redirect") continue;
      const first = this.#add(page.output, page);
      // Two articles, or two terms of one kind, on one URL were already reported by the Library
      // with the files involved.
      if (first && "spec" in first && !sameKind(first.spec, page.spec)) this.pageClashes.push([first, page]);
    }
    this.#subtrees.push({ path: `${SEARCH_BUNDLE_DIR}/`, key: `${fold(SEARCH_BUNDLE_DIR)}/`, owner: { kind: "search-index" } });
    for (const path of publicFiles.files) this.#add(path, { path, owner: { kind: "public", path } });
    library.articles.forEach((article, index) => {
      for (const ref of article.media) {
        const path = outputPath(article.url + ref.path);
        this.#add(path, { path, owner: { kind: "media", article: index, ref } });
        if (!makesVariants(ref)) continue;
        // Widths depend on each image's size, known only once it is decoded: every width is
        // reserved, which costs nothing (no old path is named like `photo-960.webp`).
        const stem = outputPath(variantStem(article.url, ref.path));
        const folder = fold(posix.dirname(stem));
        const list = this.#variants.get(folder) ?? [];
        list.push({ path: stem, owner: { kind: "media-variant", article: index, ref } });
        this.#variants.set(folder, list);
      }
    });
  }

  /** Records `entry` unless the path is taken; returns what took it. */
  #add(path: string, entry: Entry): Entry | undefined {
    const key = fold(path);
    const first = this.#files.get(key);
    if (!first) this.#files.set(key, entry);
    return first;
  }

  /** The output `path` (a file the build would write) clashes with, if any. */
  clashOf(path: string): Clash | undefined {
    const key = fold(path);
    const same = this.#files.get(key);
    if (same) return { owner: ownerOf(same), at: `/${pathOf(same)}`, how: "same" };
    const variant = this.#variantAt(key);
    if (variant) return { owner: variant, at: `/${path}`, how: "same" };
    let clash: Clash | undefined;
    forEachFolder(key, (folder) => {
      const file = this.#files.get(folder);
      const variant = file ? undefined : this.#variantAt(folder);
      if (file) clash = { owner: ownerOf(file), at: `/${pathOf(file)}`, how: "folder" };
      else if (variant) clash = { owner: variant, at: `/${folder}`, how: "folder" };
      return clash !== undefined;
    });
    if (clash) return clash;
    for (const { path: folder, key: owned, owner } of this.#subtrees) {
      if (key.startsWith(owned)) return { owner, at: `/${folder}`, how: "inside" };
      if (owned.startsWith(key) && owned[key.length] === "/") return { owner, at: `/${folder}`, how: "file" };
    }
    return undefined;
  }

  /**
   * Outputs that need any of `files` (folded paths) to be a folder, by that path: one pass over
   * every output, made only when there are redirects to check.
   */
  underAny(files: ReadonlyMap<string, unknown>): Map<string, Clash> {
    const found = new Map<string, Clash>();
    // A file's name almost always has a dot (`index.html`, `story.html`), and almost no output
    // sits in a folder whose name has one: outputs without such a folder are skipped unread.
    const dotted = [...files.keys()].every((f) => f.lastIndexOf(".") > f.lastIndexOf("/"));
    const visit = (key: string, owner: () => OutputOwner, shown: string) => {
      if (dotted && key.lastIndexOf(".", key.lastIndexOf("/")) === -1) return;
      forEachFolder(key, (folder) => {
        if (files.has(folder) && !found.has(folder)) found.set(folder, { owner: owner(), at: `/${shown}`, how: "file" });
      });
    };
    for (const [key, entry] of this.#files) visit(key, () => ownerOf(entry), pathOf(entry));
    for (const list of this.#variants.values()) for (const { path, owner } of list) visit(fold(path), () => owner, `${path}-…`);
    return found;
  }

  #variantAt(key: string): OutputOwner | undefined {
    for (const { path, owner } of this.#variants.get(posix.dirname(key)) ?? []) {
      const stem = fold(path);
      if (key.startsWith(stem) && VARIANT_SUFFIX.test(key.slice(stem.length))) return owner;
    }
    return undefined;
  }
}

export interface RedirectClash {
  /** The article whose `redirect_from` names the path, and the path as normalised. */
  article: number;
  from: string;
  message: string;
  hint: string;
}

/**
 * Every redirect that would land on another output (see SiteOutputs), or on another
 * article's redirect, at most one clash per old path. A pair of redirects is reported once,
 * at the later one in plan order (or the deeper one, for a file and a folder).
 */
export function findRedirectClashes(pages: readonly PlannedPage[], library: Library, outputs: SiteOutputs, publicDir: string): RedirectClash[] {
  const redirects = pages.filter((p): p is PlannedPage & { spec: { kind: "redirect" } } => p.spec.kind === "redirect");
  if (redirects.length === 0) return [];
  const firstRedirect = new Map<string, PlannedPage>();
  for (const page of redirects) {
    const key = fold(page.output);
    if (!firstRedirect.has(key)) firstRedirect.set(key, page);
  }
  const holding = outputs.underAny(firstRedirect);

  const clashes: RedirectClash[] = [];
  for (const page of redirects) {
    const key = fold(page.output);
    let clash = outputs.clashOf(page.output) ?? holding.get(key);
    const first = firstRedirect.get(key)!;
    // One article may list an old path in two spellings of case: both redirect pages are the
    // same bytes, so a disk that folds case loses nothing.
    if (!clash && first !== page && !sameArticle(first, page)) clash = { owner: { kind: "page", page: first }, at: `/${first.output}`, how: "same" };
    if (!clash) {
      // A redirect under another redirect's file: the pair is reported here, at the deeper one.
      forEachFolder(key, (folder) => {
        const other = firstRedirect.get(folder);
        if (other) clash = { owner: { kind: "page", page: other }, at: other.route, how: "folder" };
        return clash !== undefined;
      });
    }
    if (clash) clashes.push(describeClash(page, clash, library, publicDir));
  }
  return clashes;
}

function sameKind(a: PageSpec, b: PageSpec): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind !== "entity" || b.kind !== "entity" || a.type === b.type;
}

function sameArticle(a: PlannedPage, b: PlannedPage): boolean {
  return a.spec.kind === "redirect" && b.spec.kind === "redirect" && a.spec.index === b.spec.index;
}

function describeClash(page: PlannedPage & { spec: { kind: "redirect" } }, clash: Clash, library: Library, publicDir: string): RedirectClash {
  const { index, from } = page.spec;
  const owner = clash.owner;
  const where =
    clash.how === "same" && clash.at !== `/${page.output}` ? `at ${clash.at}, the same file on disks that ignore case`
    : clash.how === "same" ? "at the same path"
    : clash.how === "inside" ? `under ${clash.at}, where only it is written`
    : clash.how === "folder" ? `at ${clash.at}: the redirect page would need a folder where that is a file`
    : `at ${clash.at}: the redirect page would be a file where that needs a folder`;
  let what: string;
  let hint: string;
  if (owner.kind === "page" && owner.page.spec.kind === "redirect") {
    what = owner.page.spec.index === index
      ? "another of its own redirect_from entries"
      : `the redirect_from of ${library.articles[owner.page.spec.index]!.file}`;
    hint = clash.how === "same"
      ? "an old path can redirect to one article only: remove it from one of the two files"
      : "one old path cannot be both a file and a folder: remove one of the two from redirect_from";
  } else if (owner.kind === "page") {
    const spec = owner.page.spec;
    what = spec.kind === "article" ? `the live page of ${library.articles[spec.index]!.file}` : describePage(owner.page, library);
    hint = clash.how === "same" && isHtmlSpec(spec)
      ? "a live page already answers at that path: remove it from redirect_from"
      : "the build writes that file itself, so the old path can never redirect: remove it from redirect_from";
  } else if (owner.kind === "public") {
    what = `the file ${publicDir}/${owner.path}`;
    hint = "the build copies that file into the site as it is: remove the old path from redirect_from, or remove the file if the old path must redirect";
  } else if (owner.kind === "search-index") {
    what = "the search index";
    hint = `every path under /${SEARCH_BUNDLE_DIR}/ belongs to the search index: remove it from redirect_from`;
  } else {
    const article = library.articles[owner.article]!;
    what = owner.kind === "media"
      ? `the file ${owner.ref.src} that ${article.file} publishes`
      : `a resized copy of ${owner.ref.src} that ${article.file} publishes`;
    hint = "remove the old path from redirect_from, or rename the file the article uses";
  }
  return { article: index, from, message: `redirect_from "${from}" clashes with ${what} ${where}`, hint };
}

/**
 * Reports every clash before anything is written: two kinds of page on one file, and every
 * redirect that would land on another output, at the `redirect_from` entry that names it.
 * Article-versus-article clashes were already reported with their files by the Library.
 */
export async function reportOutputCollisions(pages: readonly PlannedPage[], library: Library, publicFiles: PublicFiles, bag: DiagnosticBag): Promise<void> {
  const outputs = new SiteOutputs(pages, library, publicFiles);
  for (const [first, page] of outputs.pageClashes) {
    const culprits = [first, page].map((p) => describePage(p, library));
    const article = [first, page].find((p) => p.spec.kind === "article");
    const file = article?.spec.kind === "article" ? library.articles[article.spec.index]!.file : "(site)";
    bag.error(file, undefined, "collision/page-url", `${culprits.join(" and ")} would both be written to ${page.route}`,
      "change the article's slug so it does not clash with a generated page");
  }
  for (const clash of findRedirectClashes(pages, library, outputs, publicFiles.dir)) {
    const article = library.articles[clash.article]!;
    bag.error(article.file, await locateRedirectFrom(article, clash.from), "collision/redirect", clash.message, clash.hint);
  }
}
