import { spawnSync } from "node:child_process";
import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import type { SourceFile } from "../src/content/discover.js";
import { runArticleTask, type ArticleTaskResult } from "../src/work/article-task.js";
import { ArticlePool } from "../src/work/pool.js";
import { article, buildProject, NOW, ROOT, tempProject } from "./helpers.js";

/**
 * vitest runs the TypeScript sources, where the pool falls back to in-process work; these
 * tests drive the compiled pool (lib/, built by `pretest`) so the real worker threads run.
 */
const BODY = [
  "First paragraph with *emphasis*, a [link](https://example.org/a?b=1&c=2) and `code`.",
  "## A heading",
  "## A heading",
  "| a | b |\n| - | - |\n| 1 | 2 |",
  "<script>alert(1)</script> and [bad](javascript:alert(1)) and www.example.com",
].join("\n\n");

async function corpus(count: number): Promise<string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    files[`articles/a-${String(i).padStart(3, "0")}.md`] = article(
      { title: `"Article ${i}"`, date: `2024-02-${String(1 + (i % 28)).padStart(2, "0")}`, tags: `[T${i % 7}]`, foo: "1" },
      `${BODY}\n\nNumber ${i}.`,
    );
  }
  return tempProject(files);
}

async function sources(dir: string): Promise<SourceFile[]> {
  const names = (await readdir(join(dir, "articles"))).sort();
  return names.map((n) => ({ absolutePath: join(dir, "articles", n), contentPath: n, displayPath: `articles/${n}` }));
}

describe("the worker pool", () => {
  it("returns exactly what in-process work returns", async () => {
    const dir = await corpus(60);
    const files = await sources(dir);
    const registry = { digest: "test", entries: [{ name: "Ana Lima", type: "person" as const, aliases: ["A. Lima"] }] };
    const tasks = files.map((file) => ({ file, timezone: "UTC", registry }));
    const compiled = (await import(join(ROOT, "lib/work/pool.js"))) as typeof import("../src/work/pool.js");
    const pool = compiled.ArticlePool.create(2);
    expect(pool.mode).toBe("workers");
    const fromWorkers: ArticleTaskResult[] = new Array(tasks.length);
    await pool.run(tasks, (result, i) => (fromWorkers[i] = result));
    const inProcess = await Promise.all(tasks.map((t) => runArticleTask(t)));
    expect(fromWorkers).toEqual(inProcess);
    expect(inProcess[0]!.article!.title).toBe("Article 0");
    expect(inProcess[0]!.diagnostics[0]!.rule).toBe("frontmatter/unknown-field");
  });

  it("starts its threads in a host run with node --input-type (which worker files refuse)", async () => {
    const dir = await corpus(30);
    const script = `import { build } from ${JSON.stringify(join(ROOT, "lib/index.js"))};
      const r = await build({ projectDir: ${JSON.stringify(dir)}, cache: "refresh", templatesDir: ${JSON.stringify(join(ROOT, "templates"))}, publicDir: ${JSON.stringify(join(ROOT, "public"))} });
      console.log(JSON.stringify({ ok: r.ok, pool: r.incremental.pool }));`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ ok: true, pool: "workers" });
  });

  it("starts its threads under node's V8 flags, which worker threads refuse (--max-old-space-size for a large build)", async () => {
    const dir = await corpus(30);
    const script = `import { build } from ${JSON.stringify(join(ROOT, "lib/index.js"))};
      const r = await build({ projectDir: ${JSON.stringify(dir)}, cache: "refresh", pageThreads: 2, templatesDir: ${JSON.stringify(join(ROOT, "templates"))}, publicDir: ${JSON.stringify(join(ROOT, "public"))} });
      console.log(JSON.stringify({ ok: r.ok, pool: r.incremental.pool, pageThreads: r.incremental.pageThreads }));`;
    for (const flag of ["--max-old-space-size=4096", "--heap-growing-percent=10"]) {
      const run = spawnSync(process.execPath, [flag, "--input-type=module", "-e", script], { encoding: "utf8" });
      expect(run.stderr, flag).toBe("");
      expect(JSON.parse(run.stdout), flag).toEqual({ ok: true, pool: "workers", pageThreads: 2 });
    }
  });

  it("falls back to in-process work when the compiled worker is absent", () => {
    // Under vitest this module is the TypeScript source: there is no worker.js beside it.
    expect(ArticlePool.create(4).mode).toBe("in-process");
  });
});

describe("dateline build through the compiled CLI", () => {
  const cli = (dir: string, ...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, "bin/dateline.js"), "build", "--now", "2026-01-01T00:00:00Z", "--templates", join(ROOT, "templates"), "--public", join(ROOT, "public"), ...args], { cwd: dir, encoding: "utf8" });

  /** Builds `dir` with the compiled CLI and checks it wrote exactly what the in-memory build writes. */
  async function expectSameAsInMemory(dir: string): Promise<void> {
    const memory = await buildProject(dir);
    const disk = new Map<string, string>();
    for (const e of await readdir(join(dir, "dist"), { recursive: true, withFileTypes: true })) {
      if (e.isFile()) disk.set(relative(join(dir, "dist"), join(e.parentPath, e.name)).split(sep).join("/"), await readFile(join(e.parentPath, e.name), "utf8"));
    }
    // The search index included: the cached disk build and the plain in-memory one agree.
    expect([...disk.keys()].some((p) => p.startsWith("search-index/docs/"))).toBe(true);
    expect([...disk.keys()].sort()).toEqual([...memory.writer.files.keys()].sort());
    // Except for the tokenizer's text: it is the compiled tokenize.ts, which tsc compiled for
    // the CLI and vitest's transform for this process (search.test.ts checks both behave alike).
    for (const [path, text] of disk) if (path !== "search-index/tokenize.js") expect(text, path).toBe(memory.writer.text(path));
  }

  it("loads in worker threads and writes the same site as the in-memory build", async () => {
    const dir = await corpus(60);
    const run = cli(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("60 processed (in worker threads)");
    // Too few pages to be worth starting template threads for.
    expect(run.stdout).not.toContain("templates in");
    await expectSameAsInMemory(dir);

    const again = cli(dir);
    expect(again.stdout).toContain("60 from cache, 0 processed");
    expect(again.stdout).toContain("output: unchanged");

    // An edit is a handful of files: not worth starting a thread for.
    const edited = join(dir, "articles/a-007.md");
    await writeFile(edited, `${await readFile(edited, "utf8")}\nA correction.\n`);
    const edit = cli(dir);
    expect(edit.status, edit.stderr).toBe(0);
    expect(edit.stdout).toContain("59 from cache, 1 processed (in-process)");
    await expectSameAsInMemory(dir);
  });

  it("renders a cold build's pages in worker threads, with the same bytes and page keys", async () => {
    const dir = await corpus(80);
    const compiled = (await import(join(ROOT, "lib/index.js"))) as typeof import("../src/index.js");
    const options = { projectDir: dir, templatesDir: join(ROOT, "templates"), publicDir: join(ROOT, "public"), now: NOW };
    const cold = await compiled.build({ ...options, cache: "refresh", pageThreads: 2 });
    expect(cold.ok).toBe(true);
    expect(cold.incremental).toMatchObject({ pageThreads: 2, pagesRendered: cold.pages, outputMode: "fresh" });
    // The search documents, and then the term shards, were written by threads too (on a
    // machine with more than one core, as this one and CI are).
    expect(cold.incremental?.searchThreads).toBeGreaterThan(0);
    await expectSameAsInMemory(dir);
    // Keys made in the threads are the keys the main thread makes: nothing is rendered again.
    const warm = await compiled.build(options);
    expect(warm.incremental).toMatchObject({ pagesRendered: 0, outputMode: "unchanged" });
  });

  it("names the template and the page when a template fails in a worker thread, and writes nothing", async () => {
    const dir = await corpus(20);
    const templates = join(dir, "templates");
    await cp(join(ROOT, "templates"), templates, { recursive: true });
    // Fails at render time only, and only on article pages.
    const file = join(templates, "article.njk");
    await writeFile(file, (await readFile(file, "utf8")).replace("{% block main %}", "{% block main %}{{ page.nothing.here() }}"));
    const compiled = (await import(join(ROOT, "lib/index.js"))) as typeof import("../src/index.js");
    const failing = compiled.build({ projectDir: dir, templatesDir: templates, publicDir: join(ROOT, "public"), now: NOW, cache: "refresh", pageThreads: 2 });
    await expect(failing).rejects.toThrow(/article\.njk:\d+:\d+.*articles\/a-\d+\.md/s);
    await expect(readdir(join(dir, "dist"))).rejects.toThrow();
  });
});
