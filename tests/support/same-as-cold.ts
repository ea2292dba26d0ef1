import { readdir, readFile, rm } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { expect } from "vitest";
import { build, type BuildOptions } from "../../src/build.js";
import { NOW, ROOT } from "../helpers.js";

/**
 * Cold, warm and incremental builds must write the same bytes: these helpers build a project
 * cold into a fresh folder with a fresh cache and compare every file with what an
 * incremental build left in `dist`.
 */
export function buildOptions(dir: string, out = "dist", cache = ".dateline-cache"): BuildOptions {
  return { projectDir: dir, outDir: join(dir, out), templatesDir: join(dir, "templates"), publicDir: join(ROOT, "public"), now: NOW, site: { cacheDir: cache } };
}

export async function tree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) files.set(relative(dir, join(e.parentPath, e.name)).split(sep).join("/"), await readFile(join(e.parentPath, e.name), "utf8"));
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Builds `dir` cold into a side folder with its own cache and returns the files. */
export async function coldTree(dir: string): Promise<Map<string, string>> {
  const tag = Math.random().toString(36).slice(2);
  const result = await build({ ...buildOptions(dir, `cold-${tag}`, `.cold-cache-${tag}`), cache: "refresh" });
  expect(result.ok).toBe(true);
  const files = await tree(join(dir, `cold-${tag}`));
  await rm(join(dir, `cold-${tag}`), { recursive: true });
  await rm(join(dir, `.cold-cache-${tag}`), { recursive: true });
  return files;
}

export async function expectSameAsCold(dir: string, label?: string): Promise<void> {
  const incremental = await tree(join(dir, "dist"));
  const cold = await coldTree(dir);
  expect([...incremental.keys()], label).toEqual([...cold.keys()]);
  for (const [path, text] of cold) expect(incremental.get(path), `${label ? `${label}: ` : ""}${path}`).toBe(text);
}
