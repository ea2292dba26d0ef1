import { spawn } from "node:child_process";
import { cp, mkdir, readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build, RENDER_CONCURRENCY } from "../../src/build.js";
import { DatelineError } from "../../src/errors.js";
import { DiskWriter } from "../../src/write/disk.js";
import type { Writer } from "../../src/write/writer.js";
import { article, FIXTURES, NOW, ROOT, tempProject } from "../helpers.js";
import { cliProject, hashTree, runCli } from "../support/site.js";

const NOW_FLAG = ["--now", "2026-01-01T00:00:00Z"];

/** A project with a live site already in dist/ (from a real build), and its hashes. */
async function projectWithLiveSite(files: Record<string, string> = { "articles/live.md": article({ title: '"Live"' }) }) {
  const dir = await cliProject(files);
  const first = await runCli(["build", ...NOW_FLAG], dir);
  expect(first.code, first.stderr).toBe(0);
  return { dir, out: join(dir, "dist"), before: await hashTree(join(dir, "dist")) };
}

/**
 * Hidden entries beside dist/ other than the ones a build keeps on purpose: the cache and the
 * spare generation (write/generations.ts), with a spare being deleted in the background.
 */
async function hiddenLeftovers(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => n.startsWith(".") && n !== ".dateline-cache" && !n.startsWith(".dist.spare")).sort();
}

/** Only the project's own files remain beside dist/: no staging, previous or lock left behind. */
async function expectNoLeftovers(dir: string): Promise<void> {
  expect(await hiddenLeftovers(dir)).toEqual([]);
}

function generatedArticles(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const month = String((i % 12) + 1).padStart(2, "0");
    files[`articles/a${i}.md`] = article(
      { title: `"Article number ${i}"`, date: `2020-${month}-${day}`, tags: `[Tag ${i % 40}, Topic ${i % 7}]` },
      `Paragraph ${i} about the border talks.\n\n${"More text for the body. ".repeat(40)}`,
    );
  }
  return files;
}

/** Wraps a real DiskWriter and fails like a full disk after `after` writes. */
class FullDisk implements Writer {
  writes = 0;
  constructor(
    private readonly inner: Writer,
    private readonly after: number,
  ) {}
  async write(path: string, contents: string | Uint8Array): Promise<void> {
    if (++this.writes > this.after) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    await this.inner.write(path, contents);
  }
  copyFile(source: string, path: string): Promise<void> {
    return this.inner.copyFile(source, path);
  }
  commit(): Promise<void> {
    return this.inner.commit();
  }
  abort(): Promise<void> {
    return this.inner.abort();
  }
}

describe("a failed build leaves the previous output exactly as it was", () => {
  it("content error (CLI)", async () => {
    const { dir, out, before } = await projectWithLiveSite();
    await writeFile(join(dir, "articles", "broken.md"), "---\ntitle: [\n---\n");
    const run = await runCli(["build", ...NOW_FLAG], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("articles/broken.md:2:");
    expect(await hashTree(out)).toEqual(before);
    await expectNoLeftovers(dir);
  });

  it("template error at render time: names the template file, line, column and the page", async () => {
    const { dir, out, before } = await projectWithLiveSite();
    const templates = join(dir, "templates");
    const articleTemplate = join(templates, "article.njk");
    const lines = (await readFile(articleTemplate, "utf8")).split("\n");
    lines.splice(5, 0, "    <p>{{ page.missing.method() }}</p>"); // becomes line 6
    await writeFile(articleTemplate, lines.join("\n"));
    const run = await runCli(["build", ...NOW_FLAG], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^error: template templates\/article\.njk:6:\d+ failed while rendering \/2024\/01\/live\/ \(articles\/live\.md\): Unable to call `page\["missing"\]\["method"\]`, which is undefined or falsey$/m,
    );
    expect(run.stderr).toContain("nothing was written");
    expect(await hashTree(out)).toEqual(before);
    await expectNoLeftovers(dir);
  });

  it("template syntax errors, even in an included partial, are all reported before anything is rendered", async () => {
    const { dir, out, before } = await projectWithLiveSite();
    const templates = join(dir, "templates");
    await writeFile(join(templates, "partials", "card.njk"), '<article>\n{% if item.title %}\n<h2>{{ item.title }}</h2>\n');
    await writeFile(join(templates, "terms.njk"), '{% extends "layouts/base.njk" %}\n{% block main %}\n{% endfor %}\n{% endblock %}\n');
    const run = await runCli(["build", ...NOW_FLAG], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error: template syntax errors:");
    expect(run.stderr).toMatch(/templates\/partials\/card\.njk: parseIf: expected elif, else, or endif, got end of file/);
    expect(run.stderr).toMatch(/templates\/terms\.njk:3:\d+: unknown block tag: endfor/);
    expect(await hashTree(out)).toEqual(before);
    await expectNoLeftovers(dir);
  });

  it("a full disk midway through writing (ENOSPC)", async () => {
    const { dir, out, before } = await projectWithLiveSite({ ...generatedArticles(30) });
    const writer = new FullDisk(await DiskWriter.open(out), 10);
    const failed = build({ projectDir: dir, now: NOW, writer });
    await expect(failed).rejects.toThrow(DatelineError);
    const error = (await failed.catch((e: unknown) => e)) as DatelineError;
    expect(error.message).toMatch(/^the build failed while writing .*dist$/);
    expect((error.cause as NodeJS.ErrnoException).code).toBe("ENOSPC");
    expect(error.hint).toContain("the previous output was left exactly as it was");
    // The build stops at the failed write; only pages already being rendered alongside it
    // may still reach the writer (and fail too).
    expect(writer.writes).toBeGreaterThanOrEqual(11);
    expect(writer.writes).toBeLessThanOrEqual(10 + RENDER_CONCURRENCY);
    expect(await hashTree(out)).toEqual(before);
    await expectNoLeftovers(dir);
    // …and the next build, with space again, succeeds.
    const next = await build({ projectDir: dir, now: NOW });
    expect(next.ok).toBe(true);
    await expectNoLeftovers(dir);
  });
});

describe("an output folder that would replace the project's own folders", () => {
  it("--out naming the content folder, the project, a folder above it or a file is refused and nothing is touched", async () => {
    const dir = await cliProject({ "articles/live.md": article({ title: '"Live"' }), "dateline.config.json": '{ "title": "Mine" }\n', "notes.txt": "keep me\n" });
    const before = await hashTree(dir);
    // Not "..": were the guard ever broken, that build would swap away the system's temp folder
    // (the fixture out-dir-is-project covers it with an in-memory writer).
    for (const out of ["articles", ".", "templates", "articles/site", "public/site", "dateline.config.json", "notes.txt"]) {
      const run = await runCli(["build", ...NOW_FLAG, "--out", out], dir);
      expect(run.code, out).toBe(1);
      expect(run.stderr).toMatch(/dateline\.config\.json  config\/folders  --out: ".*" (is|holds|is inside) (the project folder|the content folder|the templates folder|the public folder|a file, not a folder)/);
    }
    expect(await hashTree(dir)).toEqual(before);
  });
});

describe("a build killed halfway", () => {
  it("SIGKILL while writing leaves the live site intact, and the next build recovers", async () => {
    const { dir, out, before } = await projectWithLiveSite(generatedArticles(600));
    // Change the content so the next build would write different pages.
    await writeFile(join(dir, "articles", "new.md"), article({ title: '"Breaking"', date: "2021-01-01" }));
    // --no-cache: a cold build writes every page into a fresh staging folder, the longest write.
    const child = spawn(process.execPath, [join(ROOT, "bin", "dateline.js"), "build", "--no-cache", ...NOW_FLAG], { cwd: dir, stdio: "ignore" });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    const staging = join(dir, `.dist.staging-${child.pid}`);
    let written = 0;
    for (let i = 0; i < 3000 && written < 50; i++) {
      await new Promise((r) => setTimeout(r, 20));
      written = await countFiles(staging);
    }
    expect(written).toBeGreaterThanOrEqual(50); // killed in the middle of writing, not before
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    expect(await hashTree(out)).toEqual(before);
    expect(await hiddenLeftovers(dir)).toEqual([".dist.lock", `.dist.staging-${child.pid}`]);

    const next = await runCli(["build", ...NOW_FLAG], dir);
    expect(next.code, next.stderr).toBe(0);
    await expectNoLeftovers(dir);
    const after = await hashTree(out);
    expect(after.has("2021/01/new/index.html")).toBe(true);
    expect(after.size).toBeGreaterThan(before.size);
  }, 180_000);

  it("killed between the two renames of the swap: the next build puts the previous site back", async () => {
    const { dir, out, before } = await projectWithLiveSite();
    // The state a kill after `rename(dist → previous)` and before `rename(staging → dist)` leaves.
    await rename(out, join(dir, ".dist.previous-999999"));
    await mkdir(join(dir, ".dist.staging-999999"));
    await writeFile(join(dir, ".dist.staging-999999", "index.html"), "half a site");
    await writeFile(join(dir, ".dist.lock"), "999999");
    const writer = await DiskWriter.open(out);
    expect(await hashTree(out)).toEqual(before);
    expect(await hiddenLeftovers(dir)).toEqual([".dist.lock", `.dist.staging-${process.pid}`]);
    await writer.abort();
    await expectNoLeftovers(dir);
  });

  it("killed after the swap, before clean-up: the new site stays and the old copy is removed", async () => {
    const { dir, out, before } = await projectWithLiveSite();
    await cp(out, join(dir, ".dist.previous-999999"), { recursive: true });
    await writeFile(join(out, "index.html"), "the new site");
    const writer = await DiskWriter.open(out);
    await writer.abort();
    const now = await hashTree(out);
    expect(now.get("index.html")).not.toEqual(before.get("index.html"));
    await expectNoLeftovers(dir);
  });
});

describe("two builds into one output folder", () => {
  it("a second build stops with a clear message while the first holds the lock", async () => {
    const { dir, out, before } = await projectWithLiveSite();
    // A live process standing in for a long build: its pid is in the lock file.
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    try {
      await writeFile(join(dir, ".dist.lock"), String(holder.pid));
      const run = await runCli(["build", ...NOW_FLAG], dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`error: another Dateline build (process ${holder.pid}) is writing to ${out}`);
      expect(run.stderr).toContain("hint: wait for it to finish and build again; if no build is running, delete");
      expect(await hashTree(out)).toEqual(before);
      expect(await readFile(join(dir, ".dist.lock"), "utf8")).toBe(String(holder.pid)); // not stolen
    } finally {
      holder.kill("SIGKILL");
    }
  });

  it("in one process, a second writer on the same folder is refused", async () => {
    const dir = await tempProject({});
    const first = await DiskWriter.open(join(dir, "dist"));
    await expect(DiskWriter.open(join(dir, "dist"))).rejects.toThrow(/another Dateline build \(process \d+\) is writing to/);
    await first.write("index.html", "one");
    await first.commit();
    const second = await DiskWriter.open(join(dir, "dist"));
    await second.abort();
    expect(await readFile(join(dir, "dist", "index.html"), "utf8")).toBe("one");
    await expectNoLeftovers(dir);
  });

  it("two CLI builds started at once: each succeeds or stops with the lock message, and the output is one whole build", async () => {
    const files = generatedArticles(200);
    const reference = await cliProject(files);
    expect((await runCli(["build", ...NOW_FLAG], reference)).code).toBe(0);
    const expected = await hashTree(join(reference, "dist"));

    const dir = await cliProject(files);
    const runs = await Promise.all([runCli(["build", ...NOW_FLAG], dir), runCli(["build", ...NOW_FLAG], dir)]);
    for (const run of runs) {
      if (run.code !== 0) {
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(/another Dateline build \(process \d+\) is writing to|lost the lock on/);
      }
    }
    expect(runs.some((r) => r.code === 0)).toBe(true);
    expect(await hashTree(join(dir, "dist"))).toEqual(expected);
    await expectNoLeftovers(dir);
  }, 180_000);
});

describe("deterministic output", () => {
  it("the same input and --now give byte-identical output", async () => {
    const dir = await cliProject({});
    await cp(join(FIXTURES, "basic"), dir, { recursive: true });
    const a = await runCli(["build", ...NOW_FLAG, "--out", "one"], dir);
    const b = await runCli(["build", ...NOW_FLAG, "--out", "two"], dir);
    expect([a.code, b.code]).toEqual([0, 0]);
    const one = await hashTree(join(dir, "one"));
    expect(one.size).toBeGreaterThan(10);
    expect(await hashTree(join(dir, "two"))).toEqual(one);
  });
});

async function countFiles(dir: string): Promise<number> {
  try {
    await stat(dir);
    return (await readdir(dir, { recursive: true })).length;
  } catch {
    return 0;
  }
}
