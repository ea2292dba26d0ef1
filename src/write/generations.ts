import { copyFileSync, linkSync, readdirSync, lstatSync, mkdirSync, rmSync, unlinkSync } from "node:fs";
import { mkdir, rename } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { DatelineError } from "../errors.js";
import { acquireLock, assertLockHeld, holdsFiles, moveAside, recover, releaseLock, removeWithEmptyParents, swapIn, moveToTrash, deleteInBackground } from "./disk.js";
import { resolveInside, writeAndStat, type Writer, type WrittenStat } from "./writer.js";
import { EarlyCheck, type EarlyCheckOptions } from "./early-check.js";
import { manifestOf, matches, ManifestStore, sameKeys, type FileRecord, type Manifest } from "./manifest.js";

/**
 * Atomic output with incremental writes. Two complete generations of the site live side by
 * side: the live folder (`dist/`) and a spare (`.dist.spare/`, the previous build). A build
 * brings the spare up to date in place — only files whose page key changed are written, files
 * no longer generated are removed — then swaps it in with renames, so the live folder is
 * never modified and a failed or killed build leaves it exactly as it was (a kill between the
 * two renames is undone by the next build, as with DiskWriter).
 *
 * Why not a fresh staging folder of hard links each build: on this kind of disk, making and
 * especially deleting 10,000 folders costs seconds, far more than the pages that changed.
 * Files are never modified in place — a changed file is unlinked and written anew — so the
 * two generations can share unchanged files as hard links and the live one is never touched.
 *
 * Each generation's contents are recorded in a manifest in the cache folder (output path →
 * page key, inode, size, mtime), named by the folder's device and inode so it follows the
 * folder through renames. A manifest is deleted before its folder is modified, and every file
 * is checked against it with lstat before being trusted; anything unknown is rebuilt.
 */
/** An output path's key in an earlier build. */
export type KeyLookup = Pick<ReadonlyMap<string, string>, "get">;

export type GenerationMode = "unchanged" | "update-spare" | "seeded-spare" | "fresh";

/**
 * When a spare is made by linking every file of the live generation (seeding):
 * - "eager": every build leaves a trusted spare, so the next edit never waits for one. For a
 *   preview server, whose next build is an edit someone is waiting on.
 * - "lazy": a build leaves the generation it replaced as the spare, but never seeds one; the
 *   next build that writes seeds it then. A one-shot build (CI, a deploy from a clean clone)
 *   never uses a spare, and seeding is one mkdir per folder and one link per file: about 2 s
 *   at 10,000 articles and 20 s at 100,000, a twentieth of a cold build.
 */
export type SparePolicy = "eager" | "lazy";

export class GenerationWriter implements Writer {
  #target = "";
  #mode: GenerationMode = "fresh";
  #keys = new Map<string, string>();
  /** Files known to be in the target unchanged, with their records (from verify or seeding). */
  readonly #verified = new Map<string, FileRecord>();
  /** Files this build wrote, with their stat as written: recorded at commit without a lookup. */
  readonly #written = new Map<string, WrittenStat>();
  readonly #dirs = new Set<string>();
  #finished = false;
  /** The output folder holds files no Dateline build recorded: see `setAside`. */
  #replacesForeign = false;
  #setAside: string | undefined;
  /** Folders moved out of the way, deleted once this build has written its files. */
  readonly #trashed: string[] = [];

  private constructor(
    readonly outDir: string,
    readonly spareDir: string,
    private readonly manifests: ManifestStore,
    private readonly lockPath: string,
    private readonly trust: boolean,
    private readonly early: EarlyCheck | undefined,
    private readonly sparePolicy: SparePolicy,
  ) {}

  /**
   * Starts checking the generations of `outDir` against their manifests on another thread
   * (write/early-check.ts), for `open` to use. A build that most likely changes something (a
   * rebuild after an edit) reuses the spare, so only the spare is checked; otherwise the live
   * folder first, which an unchanged build keeps, then the spare.
   */
  static checkAhead(outDir: string, manifestDir: string, likely: "changed" | "unchanged", options?: EarlyCheckOptions): EarlyCheck | undefined {
    const dirs = likely === "changed" ? [spareOf(outDir)] : [outDir, spareOf(outDir)];
    return EarlyCheck.start(new ManifestStore(manifestDir), dirs, options);
  }

  static async open(outDir: string, manifestDir: string, trust: boolean, early?: EarlyCheck, spare: SparePolicy = "eager"): Promise<GenerationWriter> {
    const parent = dirname(outDir);
    const name = basename(outDir);
    await mkdir(parent, { recursive: true });
    await mkdir(manifestDir, { recursive: true });
    const lockPath = join(parent, `.${name}.lock`);
    await acquireLock(lockPath, outDir);
    try {
      await recover(parent, name, outDir);
      const writer = new GenerationWriter(outDir, spareOf(outDir), new ManifestStore(manifestDir), lockPath, trust, trust ? early : undefined, spare);
      writer.#replacesForeign = holdsFiles(outDir) && !writer.manifests.read(outDir);
      for (const entry of readdirSync(parent)) {
        if (entry.startsWith(`.${name}.spare.trash-`) || entry.startsWith(`.${name}.staging-`)) writer.trash(join(parent, entry));
      }
      return writer;
    } catch (error) {
      await releaseLock(lockPath);
      throw error;
    }
  }

  /**
   * The keys and state the live generation was built with, when it can be trusted. Keys are
   * looked up in the manifest as it is: a Map of every output (300,000 at 100k articles) would
   * be built on every rebuild to answer a few lookups.
   */
  previous(): { keys: KeyLookup; state: unknown } | undefined {
    const live = this.trust ? this.manifests.read(this.outDir) : undefined;
    if (!live) return undefined;
    const files = live.files;
    return { keys: { get: (path) => (Object.hasOwn(files, path) ? files[path]![0] : undefined) }, state: live.state };
  }

  /**
   * True when neither generation can be reused, so prepare() will start a fresh folder and
   * every file is written: the caller may then key pages as it renders them, adding their
   * keys to the map it gave prepare() until it commits.
   */
  get startsFresh(): boolean {
    return !this.trust || (!this.manifests.read(this.outDir) && !this.manifests.read(this.spareDir));
  }

  /** The folder this build writes into (after prepare): where the search indexer must run. */
  get directory(): string {
    if (!this.#target && this.#mode !== "unchanged") throw new DatelineError("GenerationWriter.prepare() must be called first");
    return this.#target;
  }

  get mode(): GenerationMode {
    return this.#mode;
  }

  /**
   * Where the folder that was at the output path went, when no Dateline build of this cache
   * had recorded it: `--out` pointed at the wrong folder, or the cache was deleted. Its files
   * are kept beside the new output, never deleted, and the build says where they are.
   */
  get setAside(): string | undefined {
    return this.#setAside;
  }

  /**
   * Takes the key of every file this build produces and returns the paths whose contents
   * must be written; the rest are already in place. Must be called once, before writing.
   */
  async prepare(keys: Map<string, string>): Promise<Set<string>> {
    this.#keys = keys;
    const live = this.trust ? this.manifests.read(this.outDir) : undefined;
    if (live && sameKeys(live, keys) && this.verify(this.outDir, live, keys, await this.early?.altered(this.outDir)).size === 0) {
      this.#mode = "unchanged";
      return new Set();
    }
    let spare = this.trust ? this.manifests.read(this.spareDir) : undefined;
    if (!spare) {
      this.trash(this.spareDir);
      if (live) {
        this.seed(live);
        this.#mode = "seeded-spare";
        spare = this.manifests.read(this.spareDir);
      }
    }
    if (spare) {
      // Asked before the manifest is dropped: a finding holds only for the manifest it was made from.
      const altered = this.#mode === "seeded-spare" ? undefined : await this.early?.altered(this.spareDir);
      this.manifests.drop(this.spareDir);
      this.#target = this.spareDir;
      this.#mode = this.#mode === "seeded-spare" ? this.#mode : "update-spare";
      const stale = this.verify(this.spareDir, spare, keys, altered);
      for (const path of Object.keys(spare.files)) {
        if (!keys.has(path)) removeWithEmptyParents(this.spareDir, path);
      }
      // What the last build changed is already in the live generation: share it, don't redo it.
      if (live) {
        for (const path of stale) {
          const record = live.files[path];
          if (record && record[0] === keys.get(path) && matches(join(this.outDir, path), record) && this.linkFromLive(path)) {
            stale.delete(path);
            this.#verified.set(path, record);
          }
        }
      }
      return stale;
    }
    this.#mode = "fresh";
    this.#target = join(dirname(this.outDir), `.${basename(this.outDir)}.staging-${process.pid}`);
    rmSync(this.#target, { recursive: true, force: true });
    mkdirSync(this.#target, { recursive: true });
    return new Set(keys.keys());
  }

  /**
   * Synchronous on purpose: pages are small and rendering is what the main thread waits on,
   * and at 20,000 files the promise and thread-pool round trips of fs/promises (open, write,
   * close, mkdir per file) cost seconds more than the writes themselves.
   */
  async write(path: string, contents: string | Uint8Array): Promise<void> {
    this.#written.set(path, writeAndStat(this.replaceable(path), contents));
  }

  recordWritten(path: string, stat: WrittenStat): void {
    this.#written.set(path, stat);
  }

  async copyFile(source: string, path: string): Promise<void> {
    copyFileSync(source, this.replaceable(path));
    // Looked up at commit: a stat recorded for an earlier write of this path is not this file's.
    this.#written.delete(path);
  }

  async commit(state?: unknown): Promise<void> {
    if (this.#finished) throw new DatelineError("this GenerationWriter was already committed or aborted; open a new one per build");
    this.#finished = true;
    await this.early?.close();
    try {
      if (this.#mode === "unchanged") {
        const live = this.manifests.read(this.outDir);
        if (this.sparePolicy === "eager" && live && !this.manifests.read(this.spareDir)) {
          await assertLockHeld(this.lockPath, this.outDir);
          this.trash(this.spareDir);
          this.seed(live);
        }
        return;
      }
      // Only the build that holds the lock may swap its output into place.
      await assertLockHeld(this.lockPath, this.outDir);
      const records = this.record(this.#target);
      records.state = state;
      const previous = await swapIn(this.#target, this.outDir);
      if (previous && this.#replacesForeign) {
        this.#setAside = await moveAside(previous, this.outDir);
      } else if (previous) {
        if (this.#target !== this.spareDir) this.trash(this.spareDir);
        await rename(previous, this.spareDir);
      }
      this.manifests.write(this.outDir, records);
      if (this.sparePolicy === "eager" && !this.manifests.read(this.spareDir)) {
        this.trash(this.spareDir);
        this.seed(records);
      }
      this.manifests.keepOnly(this.outDir, this.spareDir);
    } finally {
      await releaseLock(this.lockPath);
      deleteInBackground(this.#trashed.splice(0));
    }
  }

  async abort(): Promise<void> {
    if (this.#finished) return;
    this.#finished = true;
    await this.early?.close();
    // A half-updated spare has no manifest, so the next build will not trust it.
    if (this.#mode === "fresh" && this.#target) this.trash(this.#target);
    await releaseLock(this.lockPath);
    deleteInBackground(this.#trashed.splice(0));
  }

  /** Unlinks first: the old file may be a hard link shared with the live generation. */
  private replaceable(path: string): string {
    if (!this.#target) throw new DatelineError("GenerationWriter.prepare() must be called before writing");
    const target = resolveInside(this.#target, path);
    this.ensureDir(dirname(target));
    if (this.#mode !== "fresh") {
      try {
        unlinkSync(target);
      } catch {
        // Not there: nothing to unlink.
      }
    }
    return target;
  }

  /** Most pages sit in a folder of their own whose parent exists already: one mkdir, not a walk. */
  private ensureDir(dir: string): void {
    // The generation's own folder exists once prepared; nothing above it is ever created.
    if (this.#dirs.has(dir) || dir.length <= this.#target.length) return;
    const parent = dirname(dir);
    if (parent !== dir && !this.#dirs.has(parent)) this.ensureDir(parent);
    try {
      mkdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    this.#dirs.add(dir);
  }

  private linkFromLive(path: string): boolean {
    const target = join(this.spareDir, path);
    try {
      unlinkSync(target);
    } catch {
      mkdirSync(dirname(target), { recursive: true });
    }
    try {
      linkSync(join(this.outDir, path), target);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Paths whose file in `dir` is missing, altered or has another key. `altered`, when given,
   * is what an early check of this manifest found altered; else every file is looked at here.
   */
  private verify(dir: string, manifest: Manifest, keys: Map<string, string>, altered?: Set<string>): Set<string> {
    const stale = new Set<string>();
    this.#verified.clear();
    const intact = altered ? (path: string) => !altered.has(path) : (path: string, record: FileRecord) => matches(join(dir, path), record);
    for (const [path, key] of keys) {
      const record = manifest.files[path];
      if (!record || record[0] !== key || !intact(path, record)) stale.add(path);
      else this.#verified.set(path, record);
    }
    return stale;
  }

  /** Makes the spare a copy of the live generation, as hard links: no file contents are copied. */
  private seed(live: Manifest): void {
    const made = new Set<string>();
    mkdirSync(this.spareDir, { recursive: true });
    for (const path of Object.keys(live.files)) {
      const dir = dirname(join(this.spareDir, path));
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      try {
        linkSync(join(this.outDir, path), join(this.spareDir, path));
      } catch {
        // Missing in the live folder: verify() will find it stale and it is rewritten.
      }
    }
    this.manifests.write(this.spareDir, live);
  }

  private record(dir: string): Manifest {
    const files: Record<string, FileRecord> = {};
    for (const [path, key] of this.#keys) {
      const known = this.#verified.get(path);
      if (known) {
        files[path] = known;
        continue;
      }
      const written = this.#written.get(path);
      if (written) {
        files[path] = [key, ...written];
        continue;
      }
      const s = lstatSync(join(dir, path));
      files[path] = [key, s.ino, s.size, s.mtimeMs];
    }
    return manifestOf(files);
  }

  /**
   * Forgets a folder's manifest and moves the folder out of the way; it is deleted in the
   * background once this build has committed or aborted, not while it writes (write/disk.ts).
   */
  trash(dir: string): void {
    this.manifests.drop(dir);
    const moved = moveToTrash(dir);
    if (moved) this.#trashed.push(moved);
  }
}

function spareOf(outDir: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.spare`);
}
