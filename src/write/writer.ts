import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, normalize, posix, resolve, sep } from "node:path";
import { DatelineError } from "../errors.js";

/**
 * Everything that reaches the output folder goes through a Writer (lume's design). The disk
 * writer makes a build atomic; the memory writer lets tests build whole sites without disk.
 */
export interface Writer {
  write(path: string, contents: string | Uint8Array): Promise<void>;
  copyFile(source: string, path: string): Promise<void>;
  /**
   * A real folder holding everything written so far, before commit: for post-build steps
   * that must read the built files (the search indexer). Writers without one skip them.
   */
  readonly directory?: string;
  /** Makes everything written visible at once. */
  commit(): Promise<void>;
  /** Drops everything written; the previous output stays as it was. */
  abort(): Promise<void>;
}

/**
 * Checks a page's output path before it reaches the disk. Slugs are already safe, so a bad
 * path here is a bug in Dateline, not in content: it throws rather than being reported.
 */
export function assertSafeOutputPath(path: string): string {
  const bad =
    path === "" ||
    path.includes("\0") ||
    path.includes("\\") ||
    isAbsolute(path) ||
    path.startsWith("/") ||
    path.split("/").some((s) => s === ".." || s === "." || s === "");
  if (bad || posix.normalize(path) !== path) {
    throw new DatelineError(`refusing to write outside the output folder: ${JSON.stringify(path)}`, {
      hint: "this is a bug in Dateline; please report it with the article that caused it",
    });
  }
  return path;
}

/** Resolves `path` under `root`, re-checking containment after resolution. */
export function resolveInside(root: string, path: string): string {
  const full = resolve(root, normalize(assertSafeOutputPath(path)));
  if (!full.startsWith(resolve(root) + sep)) {
    throw new DatelineError(`refusing to write outside the output folder: ${JSON.stringify(path)}`);
  }
  return full;
}

/**
 * Writes a file into the fresh folder a cold build fills, from a worker thread (pages, search
 * documents): synchronous, as the thread has nothing else to do, and each folder made once;
 * `made` is the thread's own record of the folders it has made.
 */
export function writeIntoFresh(directory: string, path: string, contents: string | Uint8Array, made: Set<string>): void {
  const file = resolveInside(directory, path);
  const dir = dirname(file);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  writeFileSync(file, contents);
}
