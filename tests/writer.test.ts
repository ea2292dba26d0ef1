import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DiskWriter } from "../src/write/disk.js";
import { MemoryWriter } from "../src/write/memory.js";
import { assertSafeOutputPath } from "../src/write/writer.js";
import { tempProject } from "./helpers.js";

describe("output paths", () => {
  it("refuses anything that could leave the output folder", () => {
    for (const bad of ["../x", "a/../../x", "/etc/passwd", "a\\b", "a//b", "./a", "", "a/\0b", "a/."]) {
      expect(() => assertSafeOutputPath(bad), bad).toThrow(/outside the output folder/);
    }
    expect(assertSafeOutputPath("tags/سوريا/index.html")).toBe("tags/سوريا/index.html");
  });
});

describe("MemoryWriter", () => {
  it("shows nothing until commit and nothing after abort", async () => {
    const w = new MemoryWriter();
    await w.write("a.html", "x");
    expect(w.files.size).toBe(0);
    await w.abort();
    await w.commit();
    expect(w.files.size).toBe(0);
    await w.write("b.html", "y");
    await w.commit();
    expect(w.text("b.html")).toBe("y");
  });
});

describe("DiskWriter", () => {
  it("replaces the output folder only on commit", async () => {
    const dir = await tempProject({ "dist/old.html": "old" });
    const out = join(dir, "dist");
    const w = await DiskWriter.open(out);
    await w.write("new/index.html", "new");
    expect(await readdir(out)).toEqual(["old.html"]);
    await w.commit();
    expect(await readdir(out)).toEqual(["new"]);
    expect(await readFile(join(out, "new", "index.html"), "utf8")).toBe("new");
    expect((await readdir(dir)).sort()).toEqual(["dist"]);
  });

  it("leaves the output folder as it was on abort", async () => {
    const dir = await tempProject({ "dist/old.html": "old" });
    const w = await DiskWriter.open(join(dir, "dist"));
    await w.write("x.html", "x");
    await w.abort();
    expect(await readdir(join(dir, "dist"))).toEqual(["old.html"]);
    expect((await readdir(dir)).sort()).toEqual(["dist"]);
  });

  it("stops a second build writing into the same folder", async () => {
    const dir = await tempProject({});
    const first = await DiskWriter.open(join(dir, "dist"));
    // A lock held by another live process: our parent (the test runner) is alive.
    await first.abort();
    await writeFile(join(dir, ".dist.lock"), String(process.ppid));
    await expect(DiskWriter.open(join(dir, "dist"))).rejects.toThrow(/another Dateline build \(process \d+\) is writing/);
  });

  it("takes over a lock left by a build that was killed", async () => {
    const dir = await tempProject({});
    await writeFile(join(dir, ".dist.lock"), "999999999");
    await mkdir(join(dir, ".dist.staging-999999999"));
    const w = await DiskWriter.open(join(dir, "dist"));
    await w.write("index.html", "ok");
    await w.commit();
    expect((await readdir(dir)).sort()).toEqual(["dist"]);
  });
});
