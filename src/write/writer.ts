import { closeSync, fstatSync, mkdirSync, openSync, writeFileSync } from "node:fs";
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
  /**
   * A file a worker thread wrote into `directory`, with what an lstat would say of it: the
   * writer need not look at it again when it records its output (write/generations.ts).
   */
  recordWritten?(path: string, stat: WrittenStat): void;
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
export function writeIntoFresh(directory: string, path: string, contents: string | Uint8Array, made: Set<string>): WrittenStat {
  const file = resolveInside(directory, path);
  const dir = dirname(file);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  return writeAndStat(file, contents);
}

/** A written file as the output manifest records it (write/manifest.ts): inode, size, mtime. */
export type WrittenStat = [ino: number, size: number, mtimeMs: number];

/**
 * Writes a file and returns its stat, taken from the open file: a build that wrote 200,000
 * files otherwise looked each up again by path when it committed (2 s at 100,000 articles,
 * on one thread while the others waited).
 */
export function writeAndStat(file: string, contents: string | Uint8Array): WrittenStat {
  const fd = openSync(file, "w");
  try {
    writeFileSync(fd, contents);
    const stat = fstatSync(fd);
    return [stat.ino, stat.size, stat.mtimeMs];
  } finally {
    closeSync(fd);
  }
}
