import { describe, expect, it } from "vitest";
import { buildFixture, PROJECT_FLAGS, FIXTURES, runCli, type BuiltSite } from "./helpers.js";
import { cp, mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Drafts and scheduled articles must be absent from every file of the site: their own page,
 * every listing, tag, entity, author and date page, and whatever else the build writes (feeds,
 * sitemaps, search indexes as they land). So the test scans every output file for the
 * article's title, URL and the names only it uses, rather than listing the pages to look at.
 */
const DRAFT = ["Draft story", "/2024/06/draft/", "/tags/secret/", "Secret"];
const FUTURE = ["Future story", "/2030/01/future/", "/tags/future/", "/2030/"];

function filesMentioning(site: BuiltSite, needles: readonly string[]): string[] {
  const hits: string[] = [];
  for (const [path, bytes] of site.writer.files) {
    const text = new TextDecoder().decode(bytes);
    const variants = needles.flatMap((n) => [n, encodeURI(n), JSON.stringify(n).slice(1, -1)]);
    if (variants.some((n) => text.includes(n)) || needles.some((n) => path.startsWith(n.replace(/^\//, "")) && n.endsWith("/"))) {
      hits.push(path);
    }
  }
  return hits.sort();
}

describe("drafts and scheduled articles", () => {
  it("are absent from every file of a normal build", async () => {
    const site = await buildFixture("basic");
    expect(site.ok).toBe(true);
    expect(site.writer.files.size).toBeGreaterThan(20);
    expect(filesMentioning(site, DRAFT)).toEqual([]);
    expect(filesMentioning(site, FUTURE)).toEqual([]);
  });

  it("appear with --drafts, and only the drafts", async () => {
    const site = await buildFixture("basic", { drafts: true });
    const hits = filesMentioning(site, DRAFT);
    for (const page of ["2024/06/draft/index.html", "index.html", "archive/index.html", "tags/secret/index.html", "tags/index.html", "2024/index.html", "2024/06/index.html"]) {
      expect(hits).toContain(page);
    }
    expect(filesMentioning(site, FUTURE)).toEqual([]);
  });

  it("appear with --future, and only the scheduled ones", async () => {
    const site = await buildFixture("basic", { future: true });
    const hits = filesMentioning(site, FUTURE);
    for (const page of ["2030/01/future/index.html", "index.html", "archive/index.html", "tags/future/index.html", "2030/index.html"]) {
      expect(hits).toContain(page);
    }
    expect(filesMentioning(site, DRAFT)).toEqual([]);
  });

  it("publish a scheduled article once --now passes its date, through the CLI", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dateline-future-"));
    await cp(join(FIXTURES, "basic"), dir, { recursive: true });
    const before = await runCli(["build", "--now", "2029-12-31T23:59:59Z", ...PROJECT_FLAGS], dir);
    expect(before.code).toBe(0);
    const list = async () => (await readdir(join(dir, "dist"), { recursive: true })).map(String);
    expect(await list()).not.toContain("2030/01/future/index.html");
    const after = await runCli(["build", "--now", "2030-01-01T00:00:00Z", ...PROJECT_FLAGS], dir);
    expect(after.code).toBe(0);
    expect(await list()).toContain(join("2030", "01", "future", "index.html"));
    expect(await readFile(join(dir, "dist", "index.html"), "utf8")).toContain("Future story");
    expect(await list()).not.toContain(join("2024", "06", "draft", "index.html"));
    const drafts = await runCli(["build", "--drafts", "--now", "2026-01-01", ...PROJECT_FLAGS], dir);
    expect(drafts.code).toBe(0);
    expect(await list()).toContain(join("2024", "06", "draft", "index.html"));
  });
});
