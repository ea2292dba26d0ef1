import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { build } from "../src/build.js";
import { DatelineError } from "../src/errors.js";
import { article, buildProject, NOW, ROOT, tempProject } from "./helpers.js";

/**
 * The Pagefind step of a disk build. The browser tests search the index for real; these
 * check what goes into it and that a failed index leaves the previous site alone.
 */
const files = {
  "articles/2023/water.md": article(
    {
      title: '"Drought plan for the river"',
      date: "2023-04-02",
      tags: "[Climate, Water]",
      entities: "\n  people: [Ana Lima]\n  places: [Port Marren]",
    },
    "The desalination plant will open next spring.",
  ),
  "articles/2024/vote.md": article(
    { title: '"Parliament votes on budget"', date: "2024-06-10", tags: "[Politics]" },
    "Members approved the spending plan.",
  ),
};

const build2 = (dir: string) =>
  build({ projectDir: dir, outDir: join(dir, "dist"), templatesDir: join(ROOT, "templates"), publicDir: join(ROOT, "public"), now: NOW });

/** Pagefind's fragments: gzip with a signature prefix, then one page's JSON record. */
async function fragments(dir: string): Promise<{ url: string; content: string; filters: Record<string, string[]>; meta: Record<string, string> }[]> {
  const folder = join(dir, "pagefind", "fragment");
  const out = [];
  for (const name of await readdir(folder)) {
    const raw = gunzipSync(await readFile(join(folder, name))).toString("utf8");
    out.push(JSON.parse(raw.slice(raw.indexOf("{"))));
  }
  return out.sort((a, b) => (a.url < b.url ? -1 : 1));
}

describe("search indexing", () => {
  const saved = process.env.PAGEFIND_BINARY_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.PAGEFIND_BINARY_PATH;
    else process.env.PAGEFIND_BINARY_PATH = saved;
  });

  it("indexes article bodies only, with tag, entity type and year filters", { timeout: 60_000 }, async () => {
    const dir = await tempProject(files);
    const result = await build2(dir);
    expect(result.ok).toBe(true);
    expect(result.searchPages).toBe(2); // the articles only: listings have no data-pagefind-body
    expect(result.timings.search).toBeGreaterThanOrEqual(0);
    const dist = join(dir, "dist");
    await stat(join(dist, "pagefind", "pagefind.js"));
    const records = await fragments(dist);
    expect(records.map((r) => r.url)).toEqual(["/2023/04/water/", "/2024/06/vote/"]);
    const [water, vote] = records;
    expect(water!.content).toBe("The desalination plant will open next spring.");
    expect(water!.meta.title).toBe("Drought plan for the river");
    expect(water!.meta.date).toMatch(/2023/);
    expect(water!.filters).toEqual({ tag: ["Climate", "Water"], type: ["People", "Places"], year: ["2023"] });
    expect(vote!.filters).toEqual({ tag: ["Politics"], year: ["2024"] });
  });

  it("fails the build and keeps the previous site when indexing fails", { timeout: 60_000 }, async () => {
    const dir = await tempProject(files);
    expect((await build2(dir)).ok).toBe(true);
    const before = await readFile(join(dir, "dist", "index.html"), "utf8");
    await writeFile(join(dir, "articles/2024/extra.md"), article({ title: '"A new story"' }));

    process.env.PAGEFIND_BINARY_PATH = "/bin/false"; // a binary that dies at once
    const error = await build2(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatelineError);
    expect((error as Error).message).toContain("search indexer (pagefind) failed");
    expect(await readFile(join(dir, "dist", "index.html"), "utf8")).toBe(before);
    // The spare generation beside dist/ is intended (write/generations.ts); staging and locks are not.
    expect((await readdir(dir)).filter((n) => n.startsWith(".dist") && n !== ".dist.spare")).toEqual([]);
  });

  it("writes no index for an empty archive, and the search page says there is nothing to search", { timeout: 60_000 }, async () => {
    const dir = await tempProject({ "articles/.keep": "" });
    const result = await build2(dir);
    expect(result.ok).toBe(true);
    expect(result.searchPages).toBeUndefined();
    expect(await stat(join(dir, "dist", "pagefind")).catch(() => undefined)).toBeUndefined();
    const page = await readFile(join(dir, "dist", "search", "index.html"), "utf8");
    expect(page).toContain("nothing to search");
    expect(page).not.toContain("search.js");
  });

  it("is skipped for in-memory builds, which have no files for Pagefind to read", async () => {
    const site = await buildProject(await tempProject(files));
    expect(site.ok).toBe(true);
    expect(site.searchPages).toBeUndefined();
    expect([...site.writer.files.keys()].filter((p) => p.startsWith("pagefind/"))).toEqual([]);
    expect(site.html("/search/")).toContain('data-bundle="/pagefind/"');
  });

  it("refuses public/ files that would land in the search bundle's folder", async () => {
    const dir = await tempProject({ ...files, "public/pagefind/pagefind.js": "// not Pagefind" });
    const error = await buildProject(dir, { publicDir: join(dir, "public") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatelineError);
    expect((error as DatelineError).hint).toContain("pagefind/");
  });
});
