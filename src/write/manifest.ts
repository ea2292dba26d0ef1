import { lstatSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

/**
 * The record of what one output generation holds (output path → page key, inode, size,
 * mtime), kept in the cache folder and named by the folder's device and inode so it follows
 * the folder through renames (see generations.ts).
 */
export type FileRecord = [key: string, ino: number, size: number, mtimeMs: number];

export interface Manifest {
  format: "dateline-output";
  version: 1;
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

  read(dir: string): Manifest | undefined {
    const path = this.path(dir);
    if (!path) return undefined;
    try {
      const stamp = stampOf(path);
      const known = parsed.get(path);
      if (known?.stamp === stamp) return known.manifest;
      const m = JSON.parse(readFileSync(path, "utf8")) as Manifest;
      if (!(m.format === "dateline-output" && m.version === 1 && m.files && typeof m.files === "object")) return undefined;
      remember(path, stamp, m);
      return m;
    } catch {
      return undefined;
    }
  }

  write(dir: string, manifest: Manifest): void {
    const path = this.path(dir);
    if (!path) return;
    writeFileSync(`${path}.tmp`, JSON.stringify(manifest));
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
function stampOf(path: string): string {
  const s = statSync(path);
  return `${s.ino}:${s.size}:${s.mtimeMs}`;
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
