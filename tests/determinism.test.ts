import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../src/build.js";
import { NOW, ROOT } from "./helpers.js";

async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path).split(sep).join("/"), await readFile(path));
  }
  return files;
}

describe("deterministic builds", () => {
  it("gives byte-identical output for the same content, templates and --now", async () => {
    const parent = await mkdtemp(join(tmpdir(), "dateline-determinism-"));
    const outputs: Map<string, Buffer>[] = [];
    for (const name of ["one", "two"]) {
      const result = await build({ projectDir: ROOT, outDir: join(parent, name), now: NOW, drafts: true });
      expect(result.ok).toBe(true);
      outputs.push(await snapshot(join(parent, name)));
    }
    const [one, two] = outputs as [Map<string, Buffer>, Map<string, Buffer>];
    expect(one.size).toBeGreaterThan(50);
    expect([...two.keys()].sort()).toEqual([...one.keys()].sort());
    const differing = [...one].filter(([path, bytes]) => !bytes.equals(two.get(path)!)).map(([path]) => path);
    expect(differing).toEqual([]);
  });
});
