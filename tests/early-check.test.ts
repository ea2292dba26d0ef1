import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runCheck } from "../src/write/early-check.js";
import { manifestOf, ManifestStore, type FileRecord } from "../src/write/manifest.js";
import { ROOT, tempProject } from "./helpers.js";

const run = promisify(execFile);

/**
 * The output generations are checked against their manifests on another thread while the
 * archive loads (src/write/early-check.ts). What it finds must be exactly what the writer's
 * own lstat of every file finds, and it must never be used for a manifest it was not made
 * from. The thread only runs from the compiled library (lib/, built by `pretest`).
 */
async function compiled(): Promise<{ GenerationWriter: typeof import("../src/write/generations.js").GenerationWriter; ManifestStore: typeof ManifestStore }> {
  const generations = (await import(join(ROOT, "lib/write/generations.js"))) as typeof import("../src/write/generations.js");
  const manifest = (await import(join(ROOT, "lib/write/manifest.js"))) as typeof import("../src/write/manifest.js");
  return { GenerationWriter: generations.GenerationWriter, ManifestStore: manifest.ManifestStore };
}

const PATHS = Array.from({ length: 40 }, (_, i) => `2024/0${1 + (i % 9)}/story-${i}/index.html`);

/** A folder of files and its manifest, recorded as the writer records them. */
async function generation(store: ManifestStore, dir: string): Promise<void> {
  const { lstatSync } = await import("node:fs");
  const files: Record<string, FileRecord> = {};
  for (const path of PATHS) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), `<p>${path}</p>`);
    const s = lstatSync(join(dir, path));
    files[path] = [`key-${path}`, s.ino, s.size, s.mtimeMs];
  }
  store.write(dir, manifestOf(files));
}

/** Deletes one file, rewrites one with other bytes, replaces one by a copy, touches one. */
function tamper(dir: string): string[] {
  const [deleted, rewritten, replaced, touched] = [PATHS[3]!, PATHS[7]!, PATHS[11]!, PATHS[20]!];
  rmSync(join(dir, deleted));
  writeFileSync(join(dir, rewritten), "defaced, and longer than before");
  writeFileSync(join(dir, `${replaced}.new`), `<p>${replaced}</p>`);
  renameSync(join(dir, `${replaced}.new`), join(dir, replaced));
  utimesSync(join(dir, touched), new Date(2001, 1, 1), new Date(2001, 1, 1));
  return [deleted, rewritten, replaced, touched].sort();
}

describe("checking an output generation early", () => {
  it("finds every missing, rewritten, replaced or touched file and nothing else", async () => {
    const root = await tempProject({});
    const store = new ManifestStore(join(root, "manifests"));
    mkdirSync(store.dir);
    await generation(store, join(root, "dist"));
    const expected = tamper(join(root, "dist"));
    const found = store.locate(join(root, "dist"))!;
    const result = runCheck({ dir: join(root, "dist"), manifest: found.path, stamp: found.stamp });
    expect("altered" in result && [...result.altered].sort()).toEqual(expected);
  });

  it("reports an incomplete manifest as a failure, not as a clean folder", async () => {
    const root = await tempProject({});
    const store = new ManifestStore(join(root, "manifests"));
    mkdirSync(store.dir);
    await generation(store, join(root, "dist"));
    const found = store.locate(join(root, "dist"))!;
    truncateSync(found.path, 400);
    expect(runCheck({ dir: join(root, "dist"), manifest: found.path, stamp: found.stamp })).toHaveProperty("failed");
  });

  it("runs on a thread from the compiled library, and its finding holds only for the manifest it read", async () => {
    const lib = await compiled();
    const root = await tempProject({});
    const manifests = join(root, "manifests");
    mkdirSync(manifests);
    const store = new lib.ManifestStore(manifests);
    const live = join(root, "dist");
    await generation(store, live);
    const expected = tamper(live);

    const check = lib.GenerationWriter.checkAhead(live, manifests, "unchanged", { minManifestBytes: 0 });
    expect(check).toBeDefined();
    expect([...(await check!.altered(live))!].sort()).toEqual(expected);
    await check!.close();

    // The same files under a manifest written after the check started: the finding is not used.
    const again = lib.GenerationWriter.checkAhead(live, manifests, "unchanged", { minManifestBytes: 0 })!;
    await again.altered(live);
    await generation(store, live);
    expect(await again.altered(live)).toBeUndefined();
    await again.close();
    expect(readdirSync(manifests).filter((n) => n.endsWith(".json"))).toHaveLength(1);
  });

  it("keeps the process alive while a build waits for its finding", async () => {
    const root = await tempProject({});
    const manifests = join(root, "manifests");
    mkdirSync(manifests);
    await generation(new ManifestStore(manifests), join(root, "dist"));
    // Nothing but the check is pending when the finding is awaited, as in a build whose
    // main thread gets there first: the process must wait for it, not exit half-way.
    const script = `
      const { GenerationWriter } = await import(${JSON.stringify(join(ROOT, "lib/write/generations.js"))});
      const check = GenerationWriter.checkAhead(${JSON.stringify(join(root, "dist"))}, ${JSON.stringify(manifests)}, "unchanged", { minManifestBytes: 0 });
      const altered = await check.altered(${JSON.stringify(join(root, "dist"))});
      await check.close();
      console.log(JSON.stringify([...altered]));`;
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script]);
    expect(JSON.parse(stdout)).toEqual([]);
  });

  it("is not started for small manifests, whose files the writer looks at itself", async () => {
    const lib = await compiled();
    const root = await tempProject({});
    const manifests = join(root, "manifests");
    mkdirSync(manifests);
    await generation(new lib.ManifestStore(manifests), join(root, "dist"));
    expect(lib.GenerationWriter.checkAhead(join(root, "dist"), manifests, "unchanged")).toBeUndefined();
  });

  it("makes a writer rewrite the same files as its own check does, and leaves a whole site", async () => {
    const lib = await compiled();
    /** Two builds, defaces the spare they leave, then an edit's build with or without the early check. */
    const scenario = async (early: boolean) => {
      const root = await tempProject({});
      const manifests = join(root, "manifests");
      const out = join(root, "dist");
      const keys = new Map(PATHS.map((p) => [p, `key-${p}`]));
      const contents = (path: string) => `<p>${path}</p>${keys.get(path) === "edited" ? "edited" : ""}`;
      const buildOnce = async (withCheck: boolean) => {
        const check = withCheck ? lib.GenerationWriter.checkAhead(out, manifests, "changed", { minManifestBytes: 0 }) : undefined;
        if (withCheck) expect(check).toBeDefined();
        const writer = await lib.GenerationWriter.open(out, manifests, true, check);
        const stale = await writer.prepare(keys);
        for (const path of stale) await writer.write(path, contents(path));
        await writer.commit();
        return [...stale].sort();
      };
      await buildOnce(false);
      await buildOnce(false);
      tamper(join(root, ".dist.spare"));
      keys.set(PATHS[0]!, "edited");
      const stale = await buildOnce(early);
      for (const path of PATHS) expect(readFileSync(join(out, path), "utf8"), path).toBe(contents(path));
      return stale;
    };
    const withCheck = await scenario(true);
    expect(withCheck).toEqual(await scenario(false));
    expect(withCheck).toContain(PATHS[0]);
    expect(withCheck.length).toBeGreaterThan(1);
  });
});
