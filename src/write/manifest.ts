import { closeSync, lstatSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, join } from "node:path";

/**
 * The record of what one output generation holds (output path → page key, inode, size,
 * mtime), kept in the cache folder and named by the folder's device and inode so it follows
 * the folder through renames (see generations.ts).
 */
const FORMAT = "dateline-output";
/** 2: one line per file, written and read in chunks (1 was one JSON document). */
const VERSION = 2;

export type FileRecord = [key: string, ino: number, size: number, mtimeMs: number];

export interface Manifest {
  format: typeof FORMAT;
  version: typeof VERSION;
  files: Record<string, FileRecord>;
  /** Whatever the build wants to remember about this generation (see build-cached.ts). */
  state?: unknown;
}

/**
 * Manifests already parsed, by file and its stat stamp, for the whole process: a build reads
 * the live and spare manifests several times, and `dateline serve` rebuilds with the
 * manifests the previous build wrote; at 30,000 outputs each parse of several MB costs about
 * 100 ms. Only the last few files are kept (a test run opens many output folders).
 */
const parsed = new Map<string, { stamp: string; manifest: Manifest }>();
const REMEMBERED_MANIFESTS = 4;

function remember(path: string, stamp: string, manifest: Manifest): void {
  parsed.delete(path);
  parsed.set(path, { stamp, manifest });
  for (const oldest of parsed.keys()) {
    if (parsed.size <= REMEMBERED_MANIFESTS) break;
    parsed.delete(oldest);
  }
}

export class ManifestStore {
  constructor(readonly dir: string) {}

  private path(dir: string): string | undefined {
    try {
      const s = statSync(dir);
      return join(this.dir, `${s.dev}-${s.ino}.json`);
    } catch {
      return undefined;
    }
  }

  /**
   * Where the folder's manifest is and its stamp (which changes whenever it is rewritten):
   * what a check made from the file must match before its findings are used.
   */
  locate(dir: string): { path: string; stamp: string; size: number } | undefined {
    const path = this.path(dir);
    if (!path) return undefined;
    try {
      const s = statSync(path);
      return { path, stamp: stampFrom(s), size: s.size };
    } catch {
      return undefined;
    }
  }

  read(dir: string): Manifest | undefined {
    const path = this.path(dir);
    if (!path) return undefined;
    try {
      const stamp = stampOf(path);
      const known = parsed.get(path);
      if (known?.stamp === stamp) return known.manifest;
      const m = readManifest(path);
      if (!m) return undefined;
      remember(path, stamp, m);
      return m;
    } catch {
      return undefined;
    }
  }

  write(dir: string, manifest: Manifest): void {
    const path = this.path(dir);
    if (!path) return;
    writeManifest(`${path}.tmp`, manifest);
    renameSync(`${path}.tmp`, path);
    remember(path, stampOf(path), manifest);
  }

  /** Drops the manifests of folders that are neither of `dirs` any more. */
  keepOnly(...dirs: string[]): void {
    const keep = new Set(dirs.map((d) => this.path(d)).map((p) => p && basename(p)));
    for (const entry of readdirSync(this.dir)) {
      if (entry.endsWith(".json") && !keep.has(entry)) {
        rmSync(join(this.dir, entry), { force: true });
        parsed.delete(join(this.dir, entry));
      }
    }
  }

  drop(dir: string): void {
    const path = this.path(dir);
    if (path) {
      rmSync(path, { force: true });
      parsed.delete(path);
    }
  }
}

/** Changes whenever the file is replaced or rewritten (writes go through a rename). */
export function stampOf(path: string): string {
  return stampFrom(statSync(path));
}

function stampFrom(s: { ino: number; size: number; mtimeMs: number }): string {
  return `${s.ino}:${s.size}:${s.mtimeMs}`;
}

/** A manifest of `files`, in the current format. */
export function manifestOf(files: Record<string, FileRecord>): Manifest {
  return { format: FORMAT, version: VERSION, files };
}

/** Same paths with the same keys; checked before any file is looked at. */
export function sameKeys(manifest: Manifest, keys: Map<string, string>): boolean {
  if (Object.keys(manifest.files).length !== keys.size) return false;
  for (const [path, key] of keys) if (manifest.files[path]?.[0] !== key) return false;
  return true;
}

export function matches(file: string, record: FileRecord): boolean {
  try {
    const s = lstatSync(file);
    return s.isFile() && s.ino === record[1] && s.size === record[2] && s.mtimeMs === record[3];
  } catch {
    return false;
  }
}

/**
 * The file is JSON lines: a header with the format, the build's state, one line per output
 * file (`[path, key, ino, size, mtimeMs]`) and a last line with the number of files, so a
 * truncated manifest is never trusted. At 100,000 articles a manifest holds ~280,000 files
 * (about 75 MB as one JSON document): written and read a chunk at a time, it never exists as
 * one string, which as one document it did twice per build (once per generation).
 */
const CHUNK = 1 << 20;

function writeManifest(path: string, manifest: Manifest): void {
  const fd = openSync(path, "w");
  try {
    let chunk = `${JSON.stringify({ format: manifest.format, version: manifest.version })}\n${JSON.stringify(manifest.state ?? null)}\n`;
    let count = 0;
    for (const file in manifest.files) {
      // The numbers of a record are finite (from lstat), so they print as JSON prints them;
      // building the line by hand spares an array and a generic stringify per file.
      const [key, ino, size, mtimeMs] = manifest.files[file]!;
      chunk += `[${JSON.stringify(file)},${JSON.stringify(key)},${ino},${size},${mtimeMs}]\n`;
      count++;
      if (chunk.length >= CHUNK) {
        writeAll(fd, chunk);
        chunk = "";
      }
    }
    writeAll(fd, `${chunk}${JSON.stringify({ files: count })}\n`);
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
}

/** The manifest, or undefined when the file is not a complete manifest of this version. */
function readManifest(path: string): Manifest | undefined {
  const files: Record<string, FileRecord> = {};
  const whole = scanManifest(path, (file, record) => {
    files[file] = record;
  });
  return whole && { format: FORMAT, version: VERSION, files, ...(whole.state === null ? {} : { state: whole.state }) };
}

/**
 * Paths the manifest at `manifestPath` records whose file in `dir` is missing or is not the
 * file recorded (another inode, size or mtime); undefined when the manifest is not a complete
 * one of this version. Reads a line at a time and keeps only the paths it returns, so it
 * costs next to no memory however large the generation (see write/early-check.ts).
 */
export function alteredFiles(manifestPath: string, dir: string): string[] | undefined {
  const altered: string[] = [];
  const whole = scanManifest(manifestPath, (file, record) => {
    if (!matches(join(dir, file), record)) altered.push(file);
  });
  return whole && altered;
}

/**
 * Calls `onFile` for every file the manifest records, in order, and returns its state; or
 * undefined when the file is not a complete manifest of this version (some files may have
 * been passed to `onFile` by then, so a caller must not act on them before this returns).
 */
function scanManifest(path: string, onFile: (file: string, record: FileRecord) => void): { state: unknown } | undefined {
  const lines = readLines(path);
  try {
    return scanLines(lines, onFile);
  } finally {
    // Closes the file when parsing stopped early (another version, a damaged line).
    lines.return(undefined);
  }
}

function scanLines(lines: Generator<string>, onFile: (file: string, record: FileRecord) => void): { state: unknown } | undefined {
  const header = lines.next();
  if (header.done) return undefined;
  const head = JSON.parse(header.value) as { format?: unknown; version?: unknown };
  if (head.format !== FORMAT || head.version !== VERSION) return undefined;
  const stateLine = lines.next();
  if (stateLine.done) return undefined;
  const state = JSON.parse(stateLine.value) as unknown;
  let count = 0;
  for (const line of lines) {
    const row = JSON.parse(line) as unknown;
    if (!Array.isArray(row)) {
      // The last line: the file is whole only when it counts what came before it.
      const end = row as { files?: unknown } | null;
      return end?.files === count && lines.next().done ? { state } : undefined;
    }
    const [file, key, ino, size, mtimeMs] = row as unknown[];
    if (typeof file !== "string" || typeof key !== "string" || typeof ino !== "number" || typeof size !== "number" || typeof mtimeMs !== "number") return undefined;
    onFile(file, [key, ino, size, mtimeMs]);
    count++;
  }
  return undefined;
}

/** Lines of a UTF-8 file, read a chunk at a time. */
function* readLines(path: string): Generator<string> {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(CHUNK);
    // Bytes after the last newline read so far: a chunk may end inside a character.
    let pending: Buffer[] = [];
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) break;
      const end = buffer.lastIndexOf(10, n - 1);
      if (end < 0) {
        pending.push(Buffer.from(buffer.subarray(0, n)));
        continue;
      }
      const text = Buffer.concat([...pending, buffer.subarray(0, end)]).toString("utf8");
      pending = [Buffer.from(buffer.subarray(end + 1, n))];
      yield* text.split("\n");
    }
    const last = Buffer.concat(pending).toString("utf8");
    if (last) yield last;
  } finally {
    closeSync(fd);
  }
}
