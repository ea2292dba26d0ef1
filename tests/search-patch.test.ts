import { cp, readdir, readFile, rm, stat, unlink, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { build, checkSite, type BuildOptions } from "../src/build.js";
import { CODE_DIGEST } from "../src/cache/keys.js";
import { settingsKey } from "../src/search/docs.js";
import { INDEX_FORMAT, SEARCH_BUNDLE_DIR, searchPaths } from "../src/search/format.js";
import { indexBase } from "../src/search/plan.js";
import { tokenizerModule } from "../src/search/tokenize.js";
import { assignDocIds } from "../src/search/ids.js";
import { article, NOW, ROOT, tempProject } from "./helpers.js";

/**
 * The cached build patches the live search index for the articles that changed. A patched
 * index must be byte-identical to a full build of the same archive, and must leave the files
 * of unchanged documents alone (shared with the live site as hard links).
 */
const WORDS = ["harbour", "ferry", "budget", "drought", "river", "council", "election", "court", "school", "market"];

function story(i: number, extra: Record<string, string> = {}, body?: string): string {
  const tags = i < 3 ? "[Courts, Economy]" : `[${["Politics", "Economy", "Water"][i % 3]}]`;
  return article(
    { title: `"Story ${i} about the ${WORDS[i % WORDS.length]}"`, date: `2024-0${1 + (i % 6)}-1${i % 10}`, tags, ...extra },
    body ?? `The ${WORDS[(i * 3) % WORDS.length]} and the ${WORDS[(i * 7) % WORDS.length]} were discussed.\n\n## More\n\nStory ${i} ${WORDS[i % WORDS.length]}s.`,
  );
}

function options(dir: string, out = "dist", cache = ".dateline-cache"): BuildOptions {
  return { projectDir: dir, outDir: join(dir, out), templatesDir: join(dir, "templates"), publicDir: join(ROOT, "public"), now: NOW, site: { cacheDir: cache } };
}

async function searchTree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const root = join(dir, SEARCH_BUNDLE_DIR);
  for (const e of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) files.set(relative(root, join(e.parentPath, e.name)).split(sep).join("/"), await readFile(join(e.parentPath, e.name), "utf8"));
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

async function expectSameAsFull(dir: string): Promise<void> {
  const tag = Math.random().toString(36).slice(2);
  const cold = await build({ ...options(dir, `cold-${tag}`, `.cold-cache-${tag}`), cache: "refresh" });
  expect(cold.incremental?.search).toBe("full");
  const full = await searchTree(join(dir, `cold-${tag}`));
  const patched = await searchTree(join(dir, "dist"));
  expect([...patched.keys()]).toEqual([...full.keys()]);
  for (const [path, text] of full) expect(patched.get(path), path).toBe(text);
  await rm(join(dir, `cold-${tag}`), { recursive: true });
  await rm(join(dir, `.cold-cache-${tag}`), { recursive: true });
}

/** The document file of the article whose URL contains `slug`, in the live site. */
async function docPath(dir: string, slug: string): Promise<string> {
  const root = join(dir, "dist", SEARCH_BUNDLE_DIR, "docs");
  for (const e of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    const { url } = JSON.parse(await readFile(path, "utf8")) as { url: string };
    if (url.includes(`/${slug}`)) {
      expect(path).toBe(join(dir, "dist", searchPaths.doc(assignDocIds([url]).get(url)!)));
      return path;
    }
  }
  throw new Error(`no document for ${slug}`);
}

/** A project of `count` stories with its own copy of the templates. */
async function project(count: number): Promise<string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) files[`articles/story-${i}.md`] = story(i);
  const dir = await tempProject(files);
  await cp(join(ROOT, "templates"), join(dir, "templates"), { recursive: true });
  return dir;
}

describe("patching the search index", () => {
  it("gives the same bytes as a full build after an edit, an addition, a deletion and a tag rename", async () => {
    const dir = await project(30);
    const first = await build(options(dir));
    expect(first.incremental?.search).toBe("full");
    await expectSameAsFull(dir);

    const warm = await build(options(dir));
    expect(warm.incremental).toMatchObject({ outputMode: "unchanged", search: "patch" });

    const edits: [string, () => Promise<void>][] = [
      ["body", () => writeFile(join(dir, "articles/story-7.md"), story(7, {}, "A zeppelin landed near the harbour."))],
      ["title", () => writeFile(join(dir, "articles/story-8.md"), story(8, { title: '"Quokkas return"' }))],
      ["added", () => writeFile(join(dir, "articles/story-99.md"), story(99, {}, "Brand new words: xylophone orchestra."))],
      ["removed", () => rm(join(dir, "articles/story-2.md"))],
      ["tag renamed", async () => {
        for (const i of [0, 1]) await writeFile(join(dir, `articles/story-${i}.md`), story(i, { tags: "[Justice, Economy]" }));
      }],
      ["date moved", () => writeFile(join(dir, "articles/story-5.md"), story(5, { date: "2023-12-31" }))],
    ];
    for (const [name, edit] of edits) {
      await edit();
      const result = await build(options(dir));
      expect(result.ok, name).toBe(true);
      expect(result.incremental?.search, name).toBe("patch");
      await expectSameAsFull(dir);
    }

    const meta = JSON.parse(await readFile(join(dir, "dist", searchPaths.meta()), "utf8")) as { docs: number; shards: string[]; filters: { tag: Record<string, string> } };
    expect(meta.docs).toBe(30);
    expect(Object.keys(meta.filters.tag)).toContain("Justice");
    expect(Object.keys(meta.filters.tag)).not.toContain("Courts");
    expect(meta.shards).toContain("xyl");
    expect(meta.shards).toContain("zep");
  });

  it("shares unchanged documents with the live site and writes only what an edit touches", async () => {
    const dir = await project(20);
    await build(options(dir));
    await build(options(dir, "dist")); // leaves a trusted spare generation
    await writeFile(join(dir, "articles/story-4.md"), story(4, {}, "Only this story mentions a narwhal."));
    const result = await build(options(dir));
    expect(result.incremental?.search).toBe("patch");
    expect((await stat(await docPath(dir, "story-4/"))).nlink).toBe(1);
    expect((await stat(await docPath(dir, "story-3/"))).nlink).toBe(2);
    expect((await readFile(join(dir, "dist", searchPaths.shard("nar")), "utf8"))).toContain("narwhal");
    await expectSameAsFull(dir);
  });

  it("builds in full when the live index cannot be trusted", async () => {
    const dir = await project(12);
    await build(options(dir));
    // Someone edited a shard of the live site by hand (a new file: never modify in place).
    const shard = join(dir, "dist", searchPaths.shard("har"));
    const text = await readFile(shard, "utf8");
    await unlink(shard);
    await writeFile(shard, text.replace("harbour", "harbor"));
    await writeFile(join(dir, "articles/story-0.md"), story(0, {}, "A harbour story."));
    const result = await build(options(dir));
    expect(result.incremental?.search).toBe("full");
    await expectSameAsFull(dir);
  });

  it("is not trusted once Dateline's code has changed: unchanged articles may have other search text", async () => {
    // A patch keeps the documents of unchanged articles, so a fix to how a body becomes
    // search text (raw HTML's text kept by mistake) would otherwise never reach them.
    const checked = await checkSite({ projectDir: await project(2), now: NOW });
    const settings = indexBase(checked.library!, checked.config).state.settings;
    expect(settings).toBe(settingsKey(checked.config, tokenizerModule(), INDEX_FORMAT, CODE_DIGEST));
    expect(settings).not.toBe(settingsKey(checked.config, tokenizerModule(), INDEX_FORMAT, `${CODE_DIGEST}.next`));
  });
});
