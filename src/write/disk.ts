import { spawn } from "node:child_process";
import { readdirSync, renameSync, rmdirSync, rmSync, unlinkSync } from "node:fs";
import { copyFile, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { DatelineError } from "../errors.js";
import { resolveInside, type Writer } from "./writer.js";

/**
 * Writes a build into a hidden staging folder beside the output folder and swaps it into
 * place only on commit, so a failed or killed build leaves the live site exactly as it was.
 * A lock file beside the output folder stops a second build from writing into it at once.
 *
 * The swap is two renames (Linux cannot atomically exchange non-empty folders from Node); if
 * a build is killed between them, the next build finds the previous output and puts it back.
 */
export class DiskWriter implements Writer {
  readonly #dirs = new Set<string>();
  #finished = false;

  private constructor(
    readonly outDir: string,
    readonly stagingDir: string,
    private readonly lockPath: string,
  ) {}

  static async open(outDir: string): Promise<DiskWriter> {
    const parent = dirname(outDir);
    const name = basename(outDir);
    await mkdir(parent, { recursive: true });
    const lockPath = join(parent, `.${name}.lock`);
    await acquireLock(lockPath, outDir);
    try {
      await recover(parent, name, outDir);
      const stagingDir = join(parent, `.${name}.staging-${process.pid}`);
      await rm(stagingDir, { recursive: true, force: true });
      await mkdir(stagingDir, { recursive: true });
      return new DiskWriter(outDir, stagingDir, lockPath);
    } catch (error) {
      await releaseLock(lockPath);
      throw error;
    }
  }

  /** The staging folder: post-build steps write beside the pages, and commit swaps it all in. */
  get directory(): string {
    return this.stagingDir;
  }

  async write(path: string, contents: string | Uint8Array): Promise<void> {
    const target = resolveInside(this.stagingDir, path);
    await this.ensureDir(dirname(target));
    await writeFile(target, contents);
  }

  async copyFile(source: string, path: string): Promise<void> {
    const target = resolveInside(this.stagingDir, path);
    await this.ensureDir(dirname(target));
    await copyFile(source, target);
  }

  async commit(): Promise<void> {
    this.assertOpen();
    await assertLockHeld(this.lockPath, this.outDir);
    const previous = await swapIn(this.stagingDir, this.outDir);
    this.#finished = true;
    try {
      if (previous) await rm(previous, { recursive: true, force: true });
    } finally {
      await releaseLock(this.lockPath);
    }
  }

  async abort(): Promise<void> {
    if (this.#finished) return;
    this.#finished = true;
    try {
      await rm(this.stagingDir, { recursive: true, force: true });
    } finally {
      await releaseLock(this.lockPath);
    }
  }

  private assertOpen(): void {
    if (this.#finished) throw new DatelineError("this DiskWriter was already committed or aborted; open a new one per build");
  }

  private async ensureDir(dir: string): Promise<void> {
    if (this.#dirs.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.#dirs.add(dir);
  }
}

/** Locks held by this process: a second build in the same process must not take them over. */
const heldHere = new Set<string>();

/**
 * Puts `staged` in place of `outDir` with two renames and returns where the previous site
 * went (undefined when there was none). If the second rename fails the previous site is put
 * back, so a failed swap never leaves no site at all; a kill between the two renames is
 * undone by `recover` at the next build.
 */
export async function swapIn(staged: string, outDir: string): Promise<string | undefined> {
  const previous = join(dirname(outDir), `.${basename(outDir)}.previous-${process.pid}`);
  let hadPrevious = false;
  try {
    await rename(outDir, previous);
    hadPrevious = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  try {
    await rename(staged, outDir);
  } catch (error) {
    if (hadPrevious) await rename(previous, outDir);
    throw error;
  }
  return hadPrevious ? previous : undefined;
}

export async function acquireLock(lockPath: string, outDir: string): Promise<void> {
  const busy = (owner: number) =>
    new DatelineError(`another Dateline build (process ${owner}) is writing to ${outDir}`, {
      hint: `wait for it to finish and build again; if no build is running, delete ${lockPath}`,
    });
  if (heldHere.has(lockPath)) throw busy(process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      heldHere.add(lockPath);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number((await readFile(lockPath, "utf8").catch(() => "")).trim());
      if (owner && owner !== process.pid && isAlive(owner)) throw busy(owner);
      // Left by a build that was killed (or half-written by one that was killed while locking).
      await rm(lockPath, { force: true });
    }
  }
  throw new DatelineError(`could not lock ${outDir} for writing`, { hint: `delete ${lockPath} and try again` });
}

/**
 * Two builds that both found the same stale lock could each remove it and take a fresh one;
 * only the build whose process id is in the lock file may swap its output into place.
 */
export async function assertLockHeld(lockPath: string, outDir: string): Promise<void> {
  const owner = Number((await readFile(lockPath, "utf8").catch(() => "")).trim());
  if (owner !== process.pid) {
    throw new DatelineError(`lost the lock on ${outDir} to ${owner ? `process ${owner}` : "another build"}`, {
      hint: "two builds ran into the same output folder at once; build again when the other one has finished",
    });
  }
}

export async function releaseLock(lockPath: string): Promise<void> {
  if (!heldHere.delete(lockPath)) return;
  const owner = Number((await readFile(lockPath, "utf8").catch(() => "")).trim());
  if (owner === process.pid) await rm(lockPath, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Cleans up after builds that were killed: restores a swapped-out site, drops stale staging. */
export async function recover(parent: string, name: string, outDir: string): Promise<void> {
  const entries = await readdir(parent);
  const previous = entries.filter((e) => e.startsWith(`.${name}.previous-`));
  const outExists = await stat(outDir).then(() => true, () => false);
  for (const entry of previous) {
    if (!outExists && entry === previous[0]) await rename(join(parent, entry), outDir);
    else await rm(join(parent, entry), { recursive: true, force: true });
  }
  for (const entry of entries.filter((e) => e.startsWith(`.${name}.staging-`))) {
    await rm(join(parent, entry), { recursive: true, force: true });
  }
}

/**
 * Moves a folder out of the way under a name a later build recognises as trash, and returns
 * that name (undefined when there was nothing to move). Deleting it is left to
 * `deleteInBackground` once the build has written its files: see there.
 */
export function moveToTrash(dir: string): string | undefined {
  const gone = `${dir}.trash-${process.pid}-${Date.now()}`;
  try {
    renameSync(dir, gone);
    return gone;
  } catch {
    return undefined;
  }
}

/**
 * Deletes folders in a detached `rm`: deleting a whole site can take many seconds, and nothing
 * waits on it. Call it only after the build's files are written. On ext4 without a journal
 * (these machines' disks), the inode allocator skips every inode freed in the last minute or
 * more, one buffer lookup each, so creating files beside a deletion of 30,000 costs four to
 * ten times as much kernel time per file (perf: recently_deleted → find_inode_bit). A
 * leftover is removed by a later build.
 */
export function deleteInBackground(dirs: readonly string[]): void {
  if (dirs.length === 0) return;
  try {
    spawn("rm", ["-rf", ...dirs], { detached: true, stdio: "ignore" }).on("error", () => {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }).unref();
  } catch {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

/** Moves `dir` to a visible, dated name beside `outDir` (`dist.replaced-<time>`) and returns it. */
export async function moveAside(dir: string, outDir: string): Promise<string> {
  const aside = `${outDir}.replaced-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  await rename(dir, aside);
  return aside;
}

/** True when `dir` is a folder with anything in it. */
export function holdsFiles(dir: string): boolean {
  try {
    return readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}

/** Deletes `path` under `root` and the folders it leaves empty, so the tree matches a cold build. */
export function removeWithEmptyParents(root: string, path: string): void {
  let file = join(root, path);
  try {
    unlinkSync(file);
  } catch {
    return;
  }
  for (;;) {
    file = dirname(file);
    if (file.length <= root.length) return;
    try {
      rmdirSync(file);
    } catch {
      return;
    }
  }
}
