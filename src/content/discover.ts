import type { Dirent } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { extname, isAbsolute, normalize, relative, sep } from "node:path";
import { displayPath } from "../config.js";
import type { DiagnosticBag } from "../diagnostics.js";

/**
 * Finds the article files in the content folder, in a stable order. Anything that is not an
 * article is either a known companion (the entity registry, images beside articles) or gets a
 * warning, so nothing is skipped without a word. Symlinks may point anywhere inside the content
 * folder but never outside it: a build must not publish a file it was not given.
 */
export interface SourceFile {
  absolutePath: string;
  /** Relative to the content folder, with forward slashes: the article's stable id. */
  contentPath: string;
  /** For messages: relative to the working directory. */
  displayPath: string;
}

export interface ContentFiles {
  articles: SourceFile[];
  /** Images and other media beside articles, published with them. */
  assets: SourceFile[];
}

export const ARTICLE_EXTENSIONS = new Set([".md", ".markdown"]);
export const ASSET_EXTENSIONS = new Set([".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".pdf", ".mp3", ".mp4"]);
/** Files with a meaning of their own in the content folder. */
export const RESERVED_FILES = new Set(["entities.yml", "entities.yaml"]);
const IGNORED_SILENTLY = new Set([".DS_Store", "Thumbs.db", "desktop.ini", ".gitkeep", "README.md", "readme.md"]);

export async function discoverContent(contentDir: string, bag: DiagnosticBag): Promise<ContentFiles> {
  const result: ContentFiles = { articles: [], assets: [] };
  let root: string;
  try {
    root = await realpath(contentDir);
  } catch {
    bag.error(displayPath(contentDir), undefined, "content/missing-folder", "the content folder does not exist",
      "create it, or point --content at the folder that holds your articles");
    return result;
  }
  const linkedArticles: LinkedArticle[] = [];
  await walk({ dir: root, contentPath: "", shown: contentDir }, root, result, bag, new Set([root]), linkedArticles);
  const dropped = reportLinkedDuplicates(result.articles, linkedArticles, bag);
  if (dropped.size) result.articles = result.articles.filter((a) => !dropped.has(a));
  const byPath = (a: SourceFile, b: SourceFile) => (a.contentPath < b.contentPath ? -1 : a.contentPath > b.contentPath ? 1 : 0);
  result.articles.sort(byPath);
  result.assets.sort(byPath);
  return result;
}

/** A folder being walked: where it is, its path in the content folder, and as messages show it. */
interface Folder {
  dir: string;
  contentPath: string;
  shown: string;
}

/** An article reached through a symbolic link to a file, with the file it resolves to. */
interface LinkedArticle {
  file: SourceFile;
  target: string;
}

/**
 * A link to an article file inside the content folder would publish the same article twice,
 * at two URLs. That is a collision like any other, reported on the link; the link is left out
 * so the rest of the archive is still checked. `redirect_from` is the way to give an article a
 * second address.
 */
function reportLinkedDuplicates(articles: readonly SourceFile[], linked: readonly LinkedArticle[], bag: DiagnosticBag): Set<SourceFile> {
  const dropped = new Set<SourceFile>();
  if (linked.length === 0) return dropped;
  const linkedFiles = new Set(linked.map((l) => l.file));
  const owner = new Map<string, SourceFile>();
  for (const article of articles) if (!linkedFiles.has(article)) owner.set(article.absolutePath, article);
  for (const { file, target } of linked) {
    const first = owner.get(target);
    if (!first) {
      owner.set(target, file);
      continue;
    }
    bag.error(file.displayPath, undefined, "collision/linked-article",
      `this symbolic link leads to ${first.displayPath}, which is already an article: it would be published twice, at two URLs`,
      "delete the link; to keep an old address working, add it to redirect_from in that article");
    dropped.add(file);
  }
  return dropped;
}

async function walk(folder: Folder, root: string, out: ContentFiles, bag: DiagnosticBag, visited: Set<string>, linkedArticles: LinkedArticle[]): Promise<void> {
  const { dir } = folder;
  // Paths of the folder's entries are made from the folder's, not each resolved against the
  // working directory again: a content folder holds tens of thousands of files.
  const shownFromCwd = relative(process.cwd(), folder.shown);
  const shownDir = normalize(folder.shown);
  const child = (name: string): Folder => ({
    dir: joinName(dir, name),
    contentPath: folder.contentPath ? `${folder.contentPath}/${name}` : name,
    shown: shownPath(joinName(shownDir, name), shownFromCwd ? joinName(shownFromCwd, name) : name),
  });
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    bag.error(displayPath(dir), undefined, "content/unreadable", `cannot read this folder: ${(error as Error).message}`,
      "check its permissions");
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const inner = child(entry.name);
    const { dir: path, contentPath, shown } = inner;
    if (IGNORED_SILENTLY.has(entry.name) || entry.name === "node_modules") continue;
    if (entry.name.startsWith(".")) {
      // Hidden folders (.git) are not content; a hidden article is almost always a mistake.
      if (ARTICLE_EXTENSIONS.has(extname(entry.name).toLowerCase()) || /^\.(md|markdown)$/i.test(entry.name)) {
        bag.warning(shown, undefined, "content/hidden-file", "this file name starts with a dot, so it is hidden and ignored",
          "rename it without the leading dot to publish it");
      }
      continue;
    }

    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    let linkTarget: string | undefined;
    if (entry.isSymbolicLink()) {
      let target: string;
      try {
        target = await realpath(path);
      } catch {
        bag.warning(shown, undefined, "content/broken-symlink", "this symbolic link points to nothing and is ignored",
          "remove the link or restore its target");
        continue;
      }
      if (target !== root && !target.startsWith(root + sep)) {
        bag.error(shown, undefined, "content/symlink-outside",
          `this symbolic link points outside the content folder (to ${target})`,
          "copy the file into the content folder instead of linking to it");
        continue;
      }
      const info = await stat(target);
      isDirectory = info.isDirectory();
      isFile = info.isFile();
      linkTarget = target;
      if (isDirectory && visited.has(target)) continue; // a link loop
      if (isDirectory) visited.add(target);
    }

    if (isDirectory) {
      await walk(inner, root, out, bag, visited, linkedArticles);
    } else if (isFile) {
      const ext = extname(entry.name).toLowerCase();
      const file: SourceFile = { absolutePath: path, contentPath, displayPath: shown };
      if (ARTICLE_EXTENSIONS.has(ext)) {
        out.articles.push(file);
        if (linkTarget !== undefined) linkedArticles.push({ file, target: linkTarget });
      }
      else if (ASSET_EXTENSIONS.has(ext)) out.assets.push(file);
      else if (!(RESERVED_FILES.has(entry.name) && dir === root)) {
        bag.warning(shown, undefined, "content/stray-file", "this file is not an article and is ignored",
          "articles end in .md; move other files out of the content folder");
      }
    } else if (ARTICLE_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
      // A pipe, socket or device named like an article: reading it could block the build.
      bag.warning(shown, undefined, "content/not-a-file", "this is named like an article but is not a regular file (a pipe, socket or device), so it is ignored",
        "replace it with a regular file, or remove it");
    }
  }
}

/**
 * join(folder, name) for a folder path that is already normalized and a name from readdir
 * (never empty, `.`, `..` or containing a separator): path.join normalizes the whole path
 * again a character at a time, which at 10,000 files was 20 MB of garbage per build.
 */
function joinName(folder: string, name: string): string {
  if (folder === "" || folder === ".") return name;
  return folder.endsWith(sep) ? folder + name : folder + sep + name;
}

/** What displayPath (config.ts) gives for `absolute`, from its path relative to the working directory. */
function shownPath(absolute: string, fromCwd: string): string {
  return fromCwd && !fromCwd.startsWith("..") && !isAbsolute(fromCwd) ? fromCwd : absolute;
}
