import { spawnSync } from "node:child_process";
import { realpathSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { displayPath } from "../src/config.js";
import { discoverContent } from "../src/content/discover.js";
import { DiagnosticBag } from "../src/diagnostics.js";
import { article, tempProject } from "./helpers.js";

const cwd = process.cwd();
afterEach(() => process.chdir(cwd));

async function nested(): Promise<string> {
  const dir = await tempProject({
    "articles/top.md": article({ title: "Top", date: "2024-01-01" }),
    "articles/2024/01/a.md": article({ title: "A", date: "2024-01-02" }),
    "articles/2024/02/deep/b.md": article({ title: "B", date: "2024-02-02" }),
    "articles/2024/notes.txt": "not an article",
  });
  await mkdir(join(dir, "elsewhere"));
  return dir;
}

describe("discoverContent", () => {
  // Display paths are built folder by folder; they must be what displayPath gives each file.
  it.each([
    ["the project folder", ""],
    ["the content folder itself", "articles"],
    ["a folder inside it", "articles/2024"],
    ["a folder beside it", "elsewhere"],
  ])("shows every path as displayPath would, run from %s", async (_name, from) => {
    const dir = await nested();
    process.chdir(join(dir, from));
    const rel = relative(process.cwd(), join(dir, "articles")) || ".";
    // The content folder as people write it: with a trailing slash, `.` and `..` segments.
    const spellings = [join(dir, "articles"), rel, `${dir}/articles/`, `${dir}/./articles`, `${dir}/elsewhere/../articles/`, `${rel}/`, `./${rel}`, `${rel}/.`];
    for (const contentDir of spellings) {
      const bag = new DiagnosticBag();
      const found = await discoverContent(contentDir, bag);
      expect(found.articles.map((f) => f.contentPath)).toEqual(["2024/01/a.md", "2024/02/deep/b.md", "top.md"]);
      for (const file of found.articles) {
        expect(file.displayPath, contentDir).toBe(displayPath(join(contentDir, file.contentPath)));
        expect(file.absolutePath, contentDir).toBe(join(realpathSync(dir), "articles", file.contentPath));
      }
      expect(bag.list().map((d) => d.file)).toEqual([displayPath(join(contentDir, "2024/notes.txt"))]);
    }
  });
});

describe("discoverContent, files that are not regular files", () => {
  it("warns about a pipe named like an article instead of reading it", async () => {
    const dir = await tempProject({ "articles/real.md": article({ title: "Real", date: "2024-01-01" }) });
    const made = spawnSync("mkfifo", [join(dir, "articles/pipe.md")]);
    if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
    const bag = new DiagnosticBag();
    const found = await discoverContent(join(dir, "articles"), bag);
    expect(found.articles.map((f) => f.contentPath)).toEqual(["real.md"]);
    expect(bag.list()).toMatchObject([{ rule: "content/not-a-file", severity: "warning", file: displayPath(join(dir, "articles/pipe.md")) }]);
  });
});
