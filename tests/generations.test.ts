import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GenerationWriter } from "../src/write/generations.js";
import { writeIntoFresh } from "../src/write/writer.js";
import { tempProject } from "./helpers.js";

/** Folders beside the output that a build moved out of the way to delete. */
function trashIn(root: string): string[] {
  return readdirSync(root).filter((name) => name.includes(".trash-"));
}

async function until(condition: () => boolean, ms = 10_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}

/**
 * Deleting a folder while a build creates files makes every file it creates slower (on ext4
 * without a journal, the allocator skips recently freed inodes one by one): a build moves old
 * folders aside at once and deletes them only once it has written everything.
 */
describe("GenerationWriter's old folders", () => {
  async function withOldSpare() {
    const root = await tempProject({});
    const outDir = join(root, "dist");
    const manifests = join(root, "manifests");
    mkdirSync(join(root, ".dist.spare", "2020", "old"), { recursive: true });
    writeFileSync(join(root, ".dist.spare", "2020", "old", "index.html"), "an earlier build's page");
    // Untrusted (a --no-cache build): the spare cannot be reused, so it goes.
    const writer = await GenerationWriter.open(outDir, manifests, false);
    const written = await writer.prepare(new Map([["index.html", "key-1"]]));
    return { root, outDir, writer, written };
  }

  it("keeps a replaced spare, moved aside, while the build writes, and deletes it after the commit", async () => {
    const { root, outDir, writer, written } = await withOldSpare();
    expect(writer.mode).toBe("fresh");
    expect(written).toEqual(new Set(["index.html"]));
    expect(existsSync(join(root, ".dist.spare"))).toBe(false);
    const [moved] = trashIn(root);
    expect(moved).toMatch(/^\.dist\.spare\.trash-/);
    await writer.write("index.html", "<p>new</p>");
    expect(readFileSync(join(root, moved!, "2020", "old", "index.html"), "utf8")).toBe("an earlier build's page");

    await writer.commit();
    expect(readFileSync(join(outDir, "index.html"), "utf8")).toBe("<p>new</p>");
    expect(await until(() => trashIn(root).length === 0)).toBe(true);
  });

  it("deletes what it moved aside, and its own unfinished folder, when the build is aborted", async () => {
    const { root, outDir, writer } = await withOldSpare();
    await writer.write("index.html", "<p>half</p>");
    await writer.abort();
    expect(existsSync(outDir)).toBe(false);
    expect(await until(() => trashIn(root).length === 0 && !readdirSync(root).some((n) => n.includes(".staging-")))).toBe(true);
  });
});

describe("GenerationWriter's record of what it wrote", () => {
  it("records each file as an lstat at commit would, written by it or by a thread, and the next build trusts it", async () => {
    const root = await tempProject({});
    const outDir = join(root, "dist");
    const manifests = join(root, "manifests");
    const keys = new Map([["index.html", "k1"], ["2024/a/index.html", "k2"], ["feed.xml", "k3"]]);
    const writer = await GenerationWriter.open(outDir, manifests, true);
    await writer.prepare(keys);
    await writer.write("index.html", "<p>home</p>");
    // As a page thread does: written into the folder, its stat handed to the writer.
    const stat = writeIntoFresh(writer.directory, "2024/a/index.html", "<p>a</p>", new Set());
    writer.recordWritten("2024/a/index.html", stat);
    // Not reported: looked up at commit.
    mkdirSync(writer.directory, { recursive: true });
    writeFileSync(join(writer.directory, "feed.xml"), "<feed/>");
    await writer.commit();

    const again = await GenerationWriter.open(outDir, manifests, true);
    expect(await again.prepare(keys)).toEqual(new Set());
    expect(again.mode).toBe("unchanged");
    const live = again.previous()!;
    for (const path of keys.keys()) expect(live.keys.get(path)).toBe(keys.get(path));
    const s = lstatSync(join(outDir, "2024/a/index.html"));
    expect(stat).toEqual([s.ino, s.size, s.mtimeMs]);
    await again.commit();
  });

  it("looks up at commit a file copied over one it wrote, not the stat of the write", async () => {
    const root = await tempProject({ "public/robots.txt": "User-agent: *\n" });
    const outDir = join(root, "dist");
    const manifests = join(root, "manifests");
    const keys = new Map([["robots.txt", "k1"]]);
    const writer = await GenerationWriter.open(outDir, manifests, true);
    await writer.prepare(keys);
    await writer.write("robots.txt", "a longer file than the one copied over it\n");
    await writer.copyFile(join(root, "public/robots.txt"), "robots.txt");
    await writer.commit();
    const again = await GenerationWriter.open(outDir, manifests, true);
    expect(await again.prepare(keys)).toEqual(new Set());
    await again.commit();
  });
});
