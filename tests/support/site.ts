import { createHash } from "node:crypto";
import { spawn } from "node:child_process";
import { copyFile, cp, readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { checkSite } from "../../src/build.js";
import type { Diagnostic } from "../../src/diagnostics.js";
import { NOW, ROOT, tempProject } from "../helpers.js";

/** Shared by the hostile-input, failure and security tests. */

/** Checks (loads, validates, plans; writes nothing) a project made of `files`. */
export async function checkFiles(files: Record<string, string | Uint8Array>): Promise<{ dir: string; diagnostics: Diagnostic[]; ok: boolean }> {
  const dir = await tempProject(files);
  const result = await checkSite({ projectDir: dir, now: NOW });
  return { dir, diagnostics: result.diagnostics, ok: result.ok };
}

/** Diagnostics with the file reduced to its path inside the project, for exact comparisons. */
export function relativeTo(dir: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => ({ ...d, file: d.file.slice(d.file.indexOf("articles/")) }));
}

/** sha256 of every file under `dir`, by relative path: two equal maps mean an untouched folder. */
export async function hashTree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return out;
    throw error;
  }
  for (const e of entries) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath, e.name);
    out.set(relative(dir, full).split(sep).join("/"), createHash("sha256").update(await readFile(full)).digest("hex"));
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Every file under `dir` as text, by relative path. */
export async function readTree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.set(relative(dir, join(e.parentPath, e.name)).split(sep).join("/"), await readFile(join(e.parentPath, e.name), "utf8"));
  }
  return out;
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI (bin/dateline.js over the compiled lib/) in `cwd`. */
export function runCli(args: string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "bin", "dateline.js"), ...args], { cwd, env: { ...process.env, TZ: "UTC" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** A project folder the CLI can build as is: `files` plus Dateline's own templates/ and public/. */
export async function cliProject(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await tempProject(files);
  await cp(join(ROOT, "templates"), join(dir, "templates"), { recursive: true });
  await cp(join(ROOT, "public"), join(dir, "public"), { recursive: true });
  return dir;
}

/** Copies the fixture files named into `dir/articles/`. */
export async function copyFixtures(from: string, names: readonly string[], dir: string): Promise<void> {
  for (const name of names) await copyFile(join(from, name), join(dir, "articles", name));
}
