import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { manifestOf, ManifestStore, type FileRecord } from "../src/write/manifest.js";
import { tempProject } from "./helpers.js";

/** A generation folder and a store of manifests beside it. */
async function setup() {
  const root = await tempProject({});
  const generation = join(root, "dist");
  const store = join(root, "manifests");
  mkdirSync(generation);
  mkdirSync(store);
  const only = () => join(store, readdirSync(store).find((n) => n.endsWith(".json"))!);
  return { generation, store, only };
}

/** Enough files to span several chunks, with names that are awkward in JSON and UTF-8. */
function manyFiles(n: number): Record<string, FileRecord> {
  const files: Record<string, FileRecord> = {};
  for (let i = 0; i < n; i++) {
    files[`2024/${i % 12}/ünïcode-记者-${i}-"quoted"\\back\nline/index.html`] = [`key-${i}-${"k".repeat(60)}`, 1_000_000 + i, i * 7, 1_700_000_000_123.456 + i];
  }
  return files;
}

describe("output manifests", () => {
  it("read back exactly what was written, state and files, across many chunks", async () => {
    const { generation, store, only } = await setup();
    const manifest = { ...manifestOf(manyFiles(20_000)), state: { pagesKey: "p", related: [[1, 2], [0]], docs: { a: "ü" } } };
    new ManifestStore(store).write(generation, manifest);
    // The same bytes as a new file: read from disk, not from the manifests the process remembers.
    const file = only();
    copyFileSync(file, `${file}.copy`);
    renameSync(`${file}.copy`, file);
    const read = new ManifestStore(store).read(generation);
    expect(read).not.toBe(manifest);
    expect(read).toEqual(manifest);
  });

  it("are never trusted when truncated, cut at any line", async () => {
    const { generation, store, only } = await setup();
    new ManifestStore(store).write(generation, { ...manifestOf(manyFiles(50)), state: { s: 1 } });
    const file = only();
    const text = readFileSync(file, "utf8");
    const lineEnds = [...text.matchAll(/\n/g)].map((m) => Buffer.byteLength(text.slice(0, m.index! + 1)));
    for (const end of [0, lineEnds[0]!, lineEnds[1]!, lineEnds[10]!, lineEnds[lineEnds.length - 2]!, Buffer.byteLength(text) - 3]) {
      writeFileSync(file, text);
      truncateSync(file, end);
      expect(new ManifestStore(store).read(generation)).toBeUndefined();
    }
  });

  it("ignore a manifest of another format version, or with a damaged line", async () => {
    const { generation, store, only } = await setup();
    new ManifestStore(store).write(generation, manifestOf(manyFiles(5)));
    const file = only();
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace('"version":2', '"version":1'));
    expect(new ManifestStore(store).read(generation)).toBeUndefined();
    writeFileSync(file, text.replace(/\n\["2024/, '\n["2024", 3, "x"]\n["2024'));
    expect(new ManifestStore(store).read(generation)).toBeUndefined();
    writeFileSync(file, text);
    expect(new ManifestStore(store).read(generation)?.files).toEqual(manyFiles(5));
  });

  it("close the file when they stop reading early", async () => {
    const { generation, store, only } = await setup();
    new ManifestStore(store).write(generation, manifestOf(manyFiles(5)));
    const file = only();
    const text = readFileSync(file, "utf8");
    const openFiles = () => readdirSync("/proc/self/fd").length;
    for (const broken of [text.replace('"version":2', '"version":1'), `${text}trailing\n`]) {
      writeFileSync(file, broken);
      const before = openFiles();
      for (let i = 0; i < 20; i++) {
        writeFileSync(file, broken); // a new mtime each time: read from disk, not remembered
        expect(new ManifestStore(store).read(generation)).toBeUndefined();
      }
      expect(openFiles()).toBe(before);
    }
  });
});
