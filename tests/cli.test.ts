import { spawnSync } from "node:child_process";
import { cp, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { article, FIXTURES, ROOT, tempProject } from "./helpers.js";

const CLI = join(ROOT, "bin", "dateline.js");

function run(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, TZ: "UTC" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function project(): Promise<string> {
  const dir = await tempProject({});
  await cp(join(FIXTURES, "basic"), dir, { recursive: true });
  await cp(join(ROOT, "templates"), join(dir, "templates"), { recursive: true });
  await cp(join(ROOT, "public"), join(dir, "public"), { recursive: true });
  return dir;
}

async function listFiles(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[join(e.parentPath, e.name).slice(dir.length)] = await readFile(join(e.parentPath, e.name), "utf8");
  }
  return out;
}

describe("the dateline command", () => {
  it("builds a site and reports what it wrote", async () => {
    const dir = await project();
    const r = run(dir, "build", "--now", "2026-01-01T00:00:00Z");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^built 4 articles into \d+ files in /);
    expect(await readFile(join(dir, "dist", "2023", "07", "beta", "index.html"), "utf8")).toContain("Beta: second round");
  });

  it("finishes quietly when its reader closes the pipe early", async () => {
    const dir = await project();
    // `head -c 1` exits after one byte, before the build's second line is written.
    const r = spawnSync("bash", ["-o", "pipefail", "-c", `"${process.execPath}" "${CLI}" build --now 2026-01-01T00:00:00Z | head -c 1 >/dev/null; sleep 0.2`], { cwd: dir, encoding: "utf8" });
    expect(r.stderr).not.toContain("EPIPE");
    expect(r.status).toBe(0);
    expect(await readFile(join(dir, "dist", "index.html"), "utf8")).toContain("<!DOCTYPE html>");
  });

  it("reports every broken file as path:line:col  rule  message with a hint, and exits 1", async () => {
    const dir = await project();
    await writeFile(join(dir, "articles", "broken.md"), article({ date: "2024-13-01" }));
    await writeFile(join(dir, "articles", "broken2.md"), article({ title: "[a, b]" }));
    const r = run(dir, "check");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('articles/broken.md:3:7  frontmatter/date  date: "2024-13-01" has no such month');
    expect(r.stderr).toContain("articles/broken2.md:2:8  frontmatter/title  title: must be text, not a list");
    expect(r.stderr).toMatch(/hint: /);
    expect(r.stderr).toContain("2 errors, 0 warnings");
  });

  it("keeps the previous site when a build fails", async () => {
    const dir = await project();
    expect(run(dir, "build").code).toBe(0);
    const before = await listFiles(join(dir, "dist"));
    await writeFile(join(dir, "articles", "broken.md"), "---\ntitle: x\n");
    const r = run(dir, "build");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("nothing was written");
    expect(await listFiles(join(dir, "dist"))).toEqual(before);
    // No staging or lock left behind; `.dist.spare` is the previous generation, kept on purpose
    // so the next build only writes what changed (see src/write/generations.ts).
    expect((await readdir(dir)).filter((n) => n.startsWith(".dist") && n !== ".dist.spare")).toEqual([]);
  });

  it("honours --content, --out and --base-url", async () => {
    const dir = await project();
    const r = run(dir, "build", "--content", "articles/2023", "--out", "site", "--base-url", "/archive/");
    expect(r.code).toBe(0);
    const home = await readFile(join(dir, "site", "index.html"), "utf8");
    expect(home).toContain('href="/archive/2023/07/beta/"');
    expect(home).not.toContain("Gamma");
  });

  it("answers wrong usage with exit code 2 and a message", async () => {
    const dir = await project();
    expect(run(dir, "frobnicate")).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "frobnicate"') });
    expect(run(dir, "build", "--bogus")).toMatchObject({ code: 2, stderr: expect.stringContaining("--bogus") });
    expect(run(dir, "check", "--format", "xml")).toMatchObject({ code: 2, stderr: expect.stringContaining("--format must be one of") });
    expect(run(dir, "build", "--now", "soon")).toMatchObject({ code: 2 });
    expect(run(dir, "--help")).toMatchObject({ code: 0, stdout: expect.stringContaining("Usage: dateline") });
  });

  it("writes a new article that passes check, and never overwrites", async () => {
    const dir = await project();
    const first = run(dir, "new", "Flood waters recede in São Paulo", "--tags", "Climate,Brazil", "--date", "2024-03-05");
    expect(first.code).toBe(0);
    const path = join(dir, "articles", "2024", "03", "flood-waters-recede-in-sao-paulo.md");
    expect(await readFile(path, "utf8")).toContain('tags: ["Climate", "Brazil"]');
    expect(run(dir, "check").code).toBe(0);
    const again = run(dir, "new", "Flood waters recede in São Paulo", "--date", "2024-03-05");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");
  });
});
