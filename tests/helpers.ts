import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type BuildOptions, type BuildResult } from "../src/build.js";
import { MemoryWriter } from "../src/write/memory.js";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const FIXTURES = join(ROOT, "tests", "fixtures");
/** A fixed build time, so drafts, future articles and news sitemaps are reproducible. */
export const NOW = Date.UTC(2026, 0, 1);

export interface BuiltSite extends BuildResult {
  writer: MemoryWriter;
  html(route: string): string;
}

/**
 * Builds a fixture folder (its `articles/` and optional `dateline.config.json`) with the
 * project's own templates, in memory.
 */
export async function buildFixture(name: string, options: BuildOptions = {}): Promise<BuiltSite> {
  const projectDir = join(FIXTURES, name);
  return buildProject(projectDir, options);
}

export async function buildProject(projectDir: string, options: BuildOptions = {}): Promise<BuiltSite> {
  const writer = new MemoryWriter();
  const result = await build({
    projectDir,
    templatesDir: join(ROOT, "templates"),
    publicDir: join(ROOT, "public"),
    now: NOW,
    writer,
    ...options,
  });
  return {
    ...result,
    writer,
    html: (route: string) => writer.text(route.replace(/^\//, "").replace(/(^|\/)$/, "$1index.html")),
  };
}

/** Writes `files` (path → text) into a fresh temporary project folder. */
export async function tempProject(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "dateline-test-"));
  for (const [path, contents] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), contents);
  }
  return dir;
}

/** A valid article with the given frontmatter lines (defaults fill title and date). */
export function article(fields: Record<string, string> = {}, body = "Body text of the article."): string {
  const all = { title: '"A headline"', date: "2024-01-15", ...fields };
  return `---\n${Object.entries(all).map(([k, v]) => `${k}: ${v}`).join("\n")}\n---\n\n${body}\n`;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `dateline` command (bin/dateline.js over the compiled lib/) in `cwd`. */
export async function runCli(args: string[], cwd: string): Promise<CliRun> {
  const { execFile } = await import("node:child_process");
  return new Promise((resolveRun) => {
    execFile(process.execPath, [join(ROOT, "bin", "dateline.js"), ...args], { cwd, env: { ...process.env, TZ: "UTC" } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolveRun({ code, stdout, stderr });
      });
  });
}

/** The flags that point a temporary project at Dateline's own templates and public files. */
export const PROJECT_FLAGS = ["--templates", join(ROOT, "templates"), "--public", join(ROOT, "public")];
