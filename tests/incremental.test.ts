import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build, prepareForEdits, type BuildOptions } from "../src/build.js";
import { BuildSession } from "../src/incremental/session.js";
import { article, ROOT, tempProject } from "./helpers.js";
import { buildOptions as options, expectSameAsCold, tree } from "./support/same-as-cold.js";

/**
 * Cold, warm and incremental builds must write the same bytes: every scenario below edits a
 * project, builds it incrementally, then compares every file with a cold build of the same
 * project into a fresh folder with a fresh cache.
 */
function story(i: number, extra: Record<string, string> = {}, body?: string): string {
  const tags = ["Politics", "Economy", "Water", "Elections"];
  return article(
    {
      title: `"Story number ${i}"`,
      date: `2024-0${1 + (i % 6)}-1${i % 10}`,
      author: i % 2 ? '"Clara Venn"' : '"Omar Haddad"',
      tags: `[${tags[i % 4]}, ${tags[(i + 1) % 4]}]`,
      entities: `\n  people: [Person ${i % 5}]\n  places: [Place ${i % 3}]`,
      ...extra,
    },
    body ?? `Paragraph one of story ${i}.\n\n## Details\n\nMore text with a [link](https://example.org/${i}).`,
  );
}

async function project(count = 30): Promise<string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) files[`articles/story-${i}.md`] = story(i);
  const dir = await tempProject(files);
  await cp(join(ROOT, "templates"), join(dir, "templates"), { recursive: true });
  return dir;
}

/**
 * The same scenarios in two ways of building: each build on its own, as `dateline build` runs,
 * and builds that share a BuildSession, as `dateline serve` runs them (the article cache
 * kept in memory from one build to the next, its articles shared by both).
 */
const WAYS = [
  { way: "one process per build", session: false },
  { way: "a serve session", session: true },
];

function optionsIn(session: boolean): (dir: string) => BuildOptions {
  const kept = session ? new BuildSession() : undefined;
  return (dir) => ({ ...options(dir), ...(kept && { session: kept }) });
}

describe.each(WAYS)("cold, warm and incremental builds, $way", ({ session }) => {
  it("write byte-identical sites through every kind of edit", async () => {
    const opts = optionsIn(session);
    const dir = await project();
    const first = await build({ ...opts(dir), cache: "refresh" });
    expect(first.ok).toBe(true);
    expect(first.incremental?.outputMode).toBe("fresh");
    await expectSameAsCold(dir);

    const warm = await build(opts(dir));
    // A cold build lets go of its cache once every page is written, so this one reads it.
    expect(warm.incremental).toMatchObject({ articlesProcessed: 0, pagesRendered: 0, outputMode: "unchanged", cacheState: "loaded" });
    await expectSameAsCold(dir);

    // The last element: whether a session makes the Library from the previous one, which it
    // may only do when nothing the Library is made of changed (src/incremental/library-memo.ts).
    const edits: [string, () => Promise<void>, boolean][] = [
      ["body", () => writeFile(join(dir, "articles/story-7.md"), story(7, {}, "A rewritten first paragraph.\n\nAnd more.")), true],
      ["title", () => writeFile(join(dir, "articles/story-3.md"), story(3, { title: '"A new headline"' })), true],
      ["summary", () => writeFile(join(dir, "articles/story-4.md"), story(4, { summary: '"Now with a summary"' })), true],
      ["tags", () => writeFile(join(dir, "articles/story-5.md"), story(5, { tags: "[Water, Courts]" })), false],
      ["date", () => writeFile(join(dir, "articles/story-6.md"), story(6, { date: "2023-12-31" })), false],
      ["added", () => writeFile(join(dir, "articles/story-99.md"), story(99)), false],
      ["removed", () => rm(join(dir, "articles/story-2.md")), false],
      ["draft", () => writeFile(join(dir, "articles/story-8.md"), story(8, { draft: "true" })), false],
      ["a mention in the text", () => writeFile(join(dir, "articles/story-1.md"), story(1, {}, "Person 1 spoke in Place 1 on Monday.\n\nMore text.")), false],
      ["the sentence around it", () => writeFile(join(dir, "articles/story-1.md"), story(1, {}, "Person 1 spoke again in Place 1 on Monday.\n\nMore text.")), false],
      ["text away from it", () => writeFile(join(dir, "articles/story-1.md"), story(1, {}, "Person 1 spoke again in Place 1 on Monday.\n\nOther text.")), true],
    ];
    for (const [name, edit, patched] of edits) {
      await edit();
      const result = await build(opts(dir));
      expect(result.ok, name).toBe(true);
      expect(result.incremental?.articlesProcessed, name).toBeLessThanOrEqual(1);
      expect(result.incremental?.cacheState, name).toBe(session ? "kept" : "loaded");
      expect(result.incremental?.libraryPatched, name).toBe(session ? patched : undefined);
      await expectSameAsCold(dir);
    }
    const bodyOnly = await (async () => {
      await writeFile(join(dir, "articles/story-9.md"), story(9, {}, "Paragraph one of story 9.\n\nOnly the second paragraph changed."));
      return build(opts(dir));
    })();
    // A body edit that leaves cards alone re-renders the article's own page and the three
    // site feeds that carry article bodies (RSS, Atom, JSON Feed), nothing else.
    expect(bodyOnly.incremental?.pagesRendered).toBe(4);
    await expectSameAsCold(dir);
  });


  it("render with the templates as they are now, through edits, template changes and a broken template", async () => {
    const opts = optionsIn(session);
    const dir = await project(8);
    await build(opts(dir));
    await writeFile(join(dir, "articles/story-4.md"), story(4, {}, "A first edit renders with the templates as they are."));
    expect((await build(opts(dir))).incremental?.pagesRendered).toBeGreaterThan(0);
    const partial = join(dir, "templates/partials/card.njk");
    const original = await readFile(partial, "utf8");
    for (const version of ["v2", "v3"]) {
      await writeFile(partial, `${original}<!-- card ${version} -->`);
      expect((await build(opts(dir))).ok).toBe(true);
      expect(await readFile(join(dir, "dist/index.html"), "utf8")).toContain(`<!-- card ${version} -->`);
      await expectSameAsCold(dir);
    }
    await writeFile(partial, "{% if %}broken");
    await expect(build(opts(dir))).rejects.toThrow(/card\.njk/);
    await writeFile(partial, `${original}<!-- card v4 -->`);
    expect((await build(opts(dir))).ok).toBe(true);
    expect(await readFile(join(dir, "dist/index.html"), "utf8")).toContain("<!-- card v4 -->");
    await expectSameAsCold(dir);
  });
});

describe("cold, warm and incremental builds", () => {
  it("re-renders everything when a template changes", async () => {
    const dir = await project(8);
    await build(options(dir));
    const partial = join(dir, "templates/partials/card.njk");
    await writeFile(partial, `${await readFile(partial, "utf8")}<!-- card v2 -->`);
    const result = await build(options(dir));
    expect(result.incremental?.articlesProcessed).toBe(0);
    expect(result.incremental?.pagesRendered).toBeGreaterThan(0);
    expect(await readFile(join(dir, "dist/index.html"), "utf8")).toContain("<!-- card v2 -->");
    await expectSameAsCold(dir);
  });

  it("re-renders everything when the config changes", async () => {
    const dir = await project(8);
    await build(options(dir));
    await writeFile(join(dir, "dateline.config.json"), JSON.stringify({ title: "The Renamed Gazette" }));
    const result = await build(options(dir));
    expect(result.incremental?.pagesRendered).toBe(result.pages);
    expect(await readFile(join(dir, "dist/index.html"), "utf8")).toContain("The Renamed Gazette");
    await expectSameAsCold(dir);
  });

  it("detects a corrupt or foreign cache, rebuilds it and writes the same site", async () => {
    const dir = await project(8);
    await build(options(dir));
    const cacheDir = join(dir, ".dateline-cache/articles");
    const index = join(cacheDir, "articles.json");
    const shards = (await readdir(cacheDir)).filter((n) => n.startsWith("shard-"));
    expect(shards.length).toBeGreaterThan(1);
    let damaged = 0;
    for (const name of shards) {
      const text = await readFile(join(cacheDir, name), "utf8");
      if (!text.includes("Story number 1")) continue;
      // One changed character in one shard: its checksum no longer matches.
      await writeFile(join(cacheDir, name), text.replace("Story number 1", "Story number X"));
      damaged++;
    }
    expect(damaged).toBe(1);
    const corrupt = await build(options(dir));
    expect(corrupt.incremental).toMatchObject({ cacheState: "rebuilt-corrupt", articlesFromCache: 0 });
    expect(await readFile(join(dir, "dist/2024/02/story-1/index.html"), "utf8")).toContain("Story number 1");
    await expectSameAsCold(dir);

    await writeFile(index, "not a cache at all");
    expect((await build(options(dir))).incremental?.cacheState).toBe("rebuilt-corrupt");
    const header = JSON.parse((await readFile(index, "utf8")).split("\n")[0]!) as Record<string, unknown>;
    await writeFile(index, `${JSON.stringify({ ...header, version: 999 })}\n{}`);
    expect((await build(options(dir))).incremental?.cacheState).toBe("rebuilt-version");
    await expectSameAsCold(dir);
  });

  it("rewrites only the shard of an edited article", async () => {
    const dir = await project(8);
    await build(options(dir));
    const cacheDir = join(dir, ".dateline-cache/articles");
    const before = new Set(await readdir(cacheDir));
    await writeFile(join(dir, "articles/story-4.md"), story(4, {}, "An edited body."));
    const edited = await build(options(dir));
    expect(edited.incremental).toMatchObject({ cacheState: "loaded", articlesProcessed: 1 });
    const after = new Set(await readdir(cacheDir));
    const added = [...after].filter((n) => !before.has(n));
    const removed = [...before].filter((n) => !after.has(n));
    expect(added.filter((n) => n.startsWith("shard-"))).toHaveLength(1);
    expect(removed.filter((n) => n.startsWith("shard-"))).toHaveLength(1);
    expect((await build(options(dir))).incremental).toMatchObject({ cacheState: "loaded", articlesFromCache: 8, pagesRendered: 0 });
    await expectSameAsCold(dir);
  });

  it("lists a scheduled article in a serve session once its time has come, though no file changed", async () => {
    const dir = await project(8);
    await writeFile(join(dir, "articles/scheduled.md"), story(50, { date: "2026-01-02T09:00:00Z" }));
    const session = new BuildSession();
    const before = await build({ ...options(dir), session });
    expect(before.library?.articles.some((a) => a.id.includes("scheduled"))).toBe(false);
    const later = { ...options(dir), session, now: Date.UTC(2026, 0, 3) };
    const after = await build(later);
    expect(after.incremental?.libraryPatched).toBe(false);
    expect(after.library?.articles.some((a) => a.id.includes("scheduled"))).toBe(true);
    // And the other way: a Library with a problem is never the base of the next one.
    await writeFile(join(dir, "articles/twin.md"), story(51, { slug: "story-1", date: "2024-02-11" }));
    await writeFile(join(dir, "articles/story-1.md"), story(1, { date: "2024-02-11" }));
    const clash = await build(later);
    expect(clash.ok).toBe(false);
    const again = await build(later);
    expect(again.ok).toBe(false);
    expect(again.diagnostics.map((d) => d.rule)).toContain("collision/article-url");
  });

  it("leaves making a spare generation to the next build from the command line, and keeps one ready in a serve session", async () => {
    const dir = await project(8);
    const spare = join(dir, ".dist.spare");
    const exists = (path: string) => readdir(path).then(() => true, () => false);
    // A one-shot build (a deploy) never uses a spare: it does not link every file into one.
    expect((await build({ ...options(dir), cache: "refresh" })).incremental?.outputMode).toBe("fresh");
    expect(await exists(spare)).toBe(false);
    // The next build that writes makes it from the live site, then swaps.
    await writeFile(join(dir, "articles/story-2.md"), story(2, {}, "An edit after a fresh build."));
    expect((await build(options(dir))).incremental?.outputMode).toBe("seeded-spare");
    await expectSameAsCold(dir);
    // Swapping left the replaced generation as the spare: the edit after that reuses it.
    await writeFile(join(dir, "articles/story-3.md"), story(3, {}, "A second edit."));
    expect((await build(options(dir))).incremental?.outputMode).toBe("update-spare");
    await expectSameAsCold(dir);

    // A serve session starting on a site built without a spare makes one before the first edit.
    const other = await project(8);
    await build({ ...options(other), cache: "refresh" });
    expect(await exists(join(other, ".dist.spare"))).toBe(false);
    const session = new BuildSession();
    expect((await build({ ...options(other), session })).incremental?.outputMode).toBe("unchanged");
    expect(await exists(join(other, ".dist.spare"))).toBe(true);
    await writeFile(join(other, "articles/story-2.md"), story(2, {}, "Edited in the preview."));
    expect((await build({ ...options(other), session })).incremental?.outputMode).toBe("update-spare");
    await expectSameAsCold(other);
    // And a session's own fresh build leaves one.
    const third = await project(8);
    await build({ ...options(third), session: new BuildSession(), cache: "refresh" });
    expect(await exists(join(third, ".dist.spare"))).toBe(true);
  });

  it("reads the cache again in a serve session when another build has written it meanwhile", async () => {
    const dir = await project(8);
    const session = new BuildSession();
    await build(options(dir));
    expect((await build({ ...options(dir), session })).incremental?.cacheState).toBe("loaded");
    await writeFile(join(dir, "articles/story-4.md"), story(4, {}, "Edited while the preview ran."));
    expect((await build({ ...options(dir), session })).incremental?.cacheState).toBe("kept");
    // `dateline build` in another terminal: it processes the next edit and saves the cache.
    await writeFile(join(dir, "articles/story-5.md"), story(5, { title: '"Edited elsewhere"' }));
    expect((await build(options(dir))).incremental?.articlesProcessed).toBe(1);
    await writeFile(join(dir, "articles/story-6.md"), story(6, {}, "Then edited in the preview."));
    const next = await build({ ...options(dir), session });
    expect(next.incremental).toMatchObject({ cacheState: "loaded", articlesProcessed: 1 });
    await expectSameAsCold(dir);
  });

  it("moves a folder it did not write aside instead of replacing it, and says where", async () => {
    // `--out` pointed at someone's documents: nothing in them may be lost.
    const dir = await project(4);
    await mkdir(join(dir, "dist/notes"), { recursive: true });
    await writeFile(join(dir, "dist/notes/plan.txt"), "my own notes");
    const first = await build(options(dir));
    expect(first.ok).toBe(true);
    const notice = first.diagnostics.find((d) => d.rule === "output/set-aside");
    expect(notice?.severity).toBe("warning");
    const aside = (await readdir(dir)).filter((n) => n.startsWith("dist.replaced-"));
    expect(aside).toHaveLength(1);
    expect(notice?.message).toContain(aside[0]);
    expect(await readFile(join(dir, aside[0]!, "notes/plan.txt"), "utf8")).toBe("my own notes");
    await expectSameAsCold(dir);
    // The site it wrote is recorded, so the next builds replace it without a word.
    await writeFile(join(dir, "articles/story-1.md"), story(1, { title: '"Edited"' }));
    for (let i = 0; i < 2; i++) {
      const next = await build(options(dir));
      expect(next.diagnostics.filter((d) => d.rule === "output/set-aside")).toEqual([]);
    }
    expect((await readdir(dir)).filter((n) => n.startsWith("dist.replaced-"))).toHaveLength(1);
  });

  it("takes articles from the cache whatever folder the build runs from, and names files from there", async () => {
    const dir = await project(6);
    // A warning, cached with the article, names the file as the run that made it showed it.
    await writeFile(join(dir, "articles/story-2.md"), story(2, { colour: '"red"' }));
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      const first = await build(options(dir));
      expect(first.diagnostics.map((d) => d.file)).toContain("articles/story-2.md");
      process.chdir(join(dir, "articles"));
      const elsewhere = await build(options(dir));
      expect(elsewhere.incremental).toMatchObject({ articlesProcessed: 0, articlesFromCache: 6, pagesRendered: 0 });
      expect(elsewhere.diagnostics.map((d) => d.file)).toContain("story-2.md");
      expect(elsewhere.library?.articles.find((a) => a.id === "story-2.md")?.file).toBe("story-2.md");
      process.chdir(dir);
      expect((await build(options(dir))).diagnostics.map((d) => d.file)).toContain("articles/story-2.md");
    } finally {
      process.chdir(cwd);
    }
    await expectSameAsCold(dir);
  });

  it("tells the caller how many articles each build must process, before it processes them", async () => {
    const dir = await project(8);
    const told: number[] = [];
    const onArticlesToProcess = (count: number) => told.push(count);
    await build({ ...options(dir), onArticlesToProcess });
    await build({ ...options(dir), onArticlesToProcess });
    await writeFile(join(dir, "articles/story-4.md"), story(4, {}, "An edited body."));
    await build({ ...options(dir), onArticlesToProcess });
    await build({ ...options(dir), cache: "refresh", onArticlesToProcess });
    expect(told).toEqual([8, 0, 1, 8]);
  });

  it("trusts articles whose files were rewritten or moved but whose text is the same", async () => {
    // What a fresh clone, a restored backup or a copy does to an archive and its cache.
    const dir = await project(8);
    await build(options(dir));
    const moved = join(dir, "articles-moved");
    await cp(join(dir, "articles"), moved, { recursive: true });
    await rm(join(dir, "articles"), { recursive: true });
    await cp(moved, join(dir, "articles"), { recursive: true, preserveTimestamps: false });
    await rm(moved, { recursive: true });
    // One file really changed among them: only that one is processed.
    await writeFile(join(dir, "articles/story-2.md"), story(2, {}, "A corrected paragraph."));
    const again = await build(options(dir));
    expect(again.incremental).toMatchObject({ cacheState: "loaded", articlesFromCache: 7, articlesProcessed: 1 });
    await expectSameAsCold(dir);
    // The new signatures were saved: the next build does not read the files again.
    expect((await build(options(dir))).incremental).toMatchObject({ articlesFromCache: 8, articlesProcessed: 0, pagesRendered: 0 });
  });

  it("never serves HTML from a damaged pack", async () => {
    const dir = await project(8);
    await build(options(dir));
    const cacheDir = join(dir, ".dateline-cache/articles");
    const pack = (await readdir(cacheDir)).find((n) => n.endsWith(".pack"))!;
    const bytes = await readFile(join(cacheDir, pack));
    await writeFile(join(cacheDir, pack), Buffer.from(bytes.toString("utf8").replaceAll("Paragraph", "Parag<b>X</b>")));
    await writeFile(join(dir, "templates/article.njk"), `${await readFile(join(dir, "templates/article.njk"), "utf8")}\n`);
    const result = await build(options(dir));
    expect(result.ok).toBe(true);
    expect(await readFile(join(dir, "dist/2024/02/story-1/index.html"), "utf8")).not.toContain("Parag<b>X</b>");
    await expectSameAsCold(dir);
  });

  it("rewrites output files that were changed by hand", async () => {
    const dir = await project(8);
    await build(options(dir));
    await writeFile(join(dir, "dist/index.html"), "defaced");
    const result = await build(options(dir));
    expect(result.incremental?.outputMode).not.toBe("unchanged");
    await expectSameAsCold(dir);
  });

  it("leaves the previous output exactly as it was when a build fails", async () => {
    const dir = await project(8);
    await build(options(dir));
    await writeFile(join(dir, "articles/story-1.md"), story(1, { title: '"Edited"' }));
    await build(options(dir));
    const before = await tree(join(dir, "dist"));
    await writeFile(join(dir, "articles/story-2.md"), story(2, { title: '"Edited too"' }));
    await writeFile(join(dir, "templates/article.njk"), "{% if %}broken");
    await expect(build(options(dir))).rejects.toThrow(/template/);
    expect(await tree(join(dir, "dist"))).toEqual(before);
  });
});

describe.each(WAYS)("the entity registry, $way", ({ session }) => {
  it("re-links bodies when the registry changes, and matches a cold build", async () => {
    const opts = optionsIn(session);
    const dir = await project(6);
    await writeFile(join(dir, "articles/entities.yml"), "- name: Place 1\n  type: place\n");
    await writeFile(join(dir, "articles/story-4.md"), story(4, {}, "Talks in Place 1 and in the Old Town went on."));
    expect((await build(opts(dir))).ok).toBe(true);
    await expectSameAsCold(dir);
    await writeFile(join(dir, "articles/entities.yml"), "- name: Place 1\n  type: place\n  aliases: [Old Town]\n");
    const changed = await build(opts(dir));
    expect(changed.ok).toBe(true);
    await expectSameAsCold(dir);
    expect(await readFile(join(dir, "dist/2024/05/story-4/index.html"), "utf8")).toContain("Old Town");
  });
});

describe.each(WAYS)("media beside articles, $way", ({ session }) => {
  it("follow an image replaced under the same name, and an image added or removed", async () => {
    const opts = optionsIn(session);
    const photo = await readFile(join(ROOT, "tests/fixtures/images/photo.jpg"));
    const chart = await readFile(join(ROOT, "tests/fixtures/images/chart.png"));
    const dir = await project(6);
    await writeFile(join(dir, "articles/story-1.md"), story(1, { image: "\n  src: pic.jpg\n  alt: A picture" }, "Text.\n\n![Inline](pic.jpg)"));
    await writeFile(join(dir, "articles/pic.jpg"), photo);
    expect((await build(opts(dir))).ok).toBe(true);
    await expectSameAsCold(dir);
    // Same name, other bytes and size: the page's <picture> sizes must follow.
    await writeFile(join(dir, "articles/pic.jpg"), chart);
    const replaced = await build(opts(dir));
    expect(replaced.incremental?.articlesProcessed).toBe(0);
    await expectSameAsCold(dir);
    await writeFile(join(dir, "articles/story-2.md"), story(2, {}, "Now with ![a chart](chart.png)."));
    await writeFile(join(dir, "articles/chart.png"), chart);
    await build(opts(dir));
    await expectSameAsCold(dir);
  });
});

describe("preparing a serve session for edits", () => {
  it("compiles the templates and runs the article pipeline once, writing nothing", async () => {
    const dir = await project(4);
    const session = new BuildSession();
    const first = await build({ ...options(dir), session });
    const listing = async () => (await readdir(dir, { recursive: true, withFileTypes: true })).map((e) => join(e.parentPath, e.name)).sort();
    const before = await listing();
    const beforeTree = await tree(join(dir, "dist"));
    await prepareForEdits(session, first.config);
    expect(await listing()).toEqual(before);
    expect(await tree(join(dir, "dist"))).toEqual(beforeTree);
    // And the next edit builds as it would have.
    await writeFile(join(dir, "articles/story-2.md"), story(2, {}, "Edited after preparing."));
    expect((await build({ ...options(dir), session })).ok).toBe(true);
    await expectSameAsCold(dir);
  });

  it("has nothing to run in an archive without articles", async () => {
    const dir = await tempProject({ "articles/.gitkeep": "" });
    await cp(join(ROOT, "templates"), join(dir, "templates"), { recursive: true });
    const session = new BuildSession();
    const first = await build({ ...options(dir), session });
    await expect(prepareForEdits(session, first.config)).resolves.toBeUndefined();
  });
});

describe("--no-cache", () => {
  it("ignores a cache that would otherwise be trusted", async () => {
    const dir = await project(6);
    await build(options(dir));
    const result = await build({ ...options(dir), cache: "refresh" });
    expect(result.incremental).toMatchObject({ cacheState: "refreshed", articlesFromCache: 0, outputMode: "fresh" });
    await expectSameAsCold(dir);
  });
});

export async function scratch(): Promise<string> {
  return mkdtemp(join(tmpdir(), "dateline-inc-"));
}
