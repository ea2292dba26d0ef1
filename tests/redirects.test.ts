import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSite } from "../src/build.js";
import { readFile } from "node:fs/promises";
import { article, buildFixture, buildProject, FIXTURES, NOW, PROJECT_FLAGS, ROOT, runCli, tempProject } from "./helpers.js";
import { hashTree } from "./support/site.js";

/** Follows a redirect page's meta refresh inside the built site, as a browser would. */
function refreshTarget(html: string): string {
  const match = html.match(/<meta http-equiv="refresh" content="0; url=([^"]+)">/);
  if (!match) throw new Error(`no meta refresh in:\n${html}`);
  return match[1]!;
}

describe("redirect_from", () => {
  it("writes a redirect page for every old path and a _redirects file", async () => {
    const dir = await tempProject({
      "articles/border-talks.md": article(
        { title: '"Border <talks> resume"', redirect_from: '["/2019/old-slug/", "/old/story.html", "/café/ancien"]' },
      ),
      "articles/other.md": article({ title: '"Other"', date: "2024-02-01" }),
    });
    const site = await buildProject(dir, { site: { baseUrl: "https://news.example.org/" } });
    expect(site.diagnostics).toEqual([]);
    const page = site.writer.text("2019/old-slug/index.html");
    expect(refreshTarget(page)).toBe("/2024/01/border-talks/");
    expect(page).toContain('<link rel="canonical" href="https://news.example.org/2024/01/border-talks/">');
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).toContain('<a href="/2024/01/border-talks/">Border &#60;talks&#62; resume</a>');
    // The redirect resolves: its target is a page of the same build.
    expect(site.writer.files.has("2024/01/border-talks/index.html")).toBe(true);
    // An old file name stays a file; non-ASCII paths are written raw and linked encoded.
    expect(refreshTarget(site.writer.text("old/story.html"))).toBe("/2024/01/border-talks/");
    expect(site.writer.files.has("café/ancien/index.html")).toBe(true);
    expect(site.writer.text("_redirects").split("\n").filter((l) => l && !l.startsWith("#"))).toEqual([
      "/2019/old-slug/ /2024/01/border-talks/ 301",
      "/caf%C3%A9/ancien/ /2024/01/border-talks/ 301",
      "/old/story.html /2024/01/border-talks/ 301",
    ]);
  });

  it("puts redirects under the path prefix of a sub-path deploy", async () => {
    const dir = await tempProject({ "articles/new-name.md": article({ redirect_from: "[/old-name/]" }) });
    const site = await buildProject(dir, { baseUrl: "https://example.org/archive/" });
    expect(site.ok).toBe(true);
    expect(refreshTarget(site.writer.text("old-name/index.html"))).toBe("/archive/2024/01/new-name/");
    expect(site.writer.text("_redirects")).toContain("/archive/old-name/ /archive/2024/01/new-name/ 301\n");
  });

  it("writes no _redirects file when nothing was renamed", async () => {
    const dir = await tempProject({ "articles/a.md": article() });
    const site = await buildProject(dir);
    expect(site.ok).toBe(true);
    expect(site.writer.files.has("_redirects")).toBe(false);
  });

  it("leaves out the redirects of drafts", async () => {
    const dir = await tempProject({
      "articles/a.md": article(),
      "articles/b.md": article({ draft: "true", redirect_from: "[/old-b/]" }),
    });
    const site = await buildProject(dir);
    expect(site.writer.files.has("old-b/index.html")).toBe(false);
    expect(site.writer.files.has("_redirects")).toBe(false);
  });

  it("refuses an old path that is a live page, naming both files", async () => {
    const dir = await tempProject({
      "articles/live.md": article({ title: '"Live"' }),
      "articles/renamed.md": article({ title: '"Renamed"', date: "2024-03-01", redirect_from: "[/2024/01/live/]" }),
    });
    const site = await buildProject(dir);
    expect(site.ok).toBe(false);
    expect(site.writer.files.size).toBe(0);
    const errors = site.diagnostics.filter((d) => d.rule === "collision/redirect");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.file).toMatch(/articles\/renamed\.md$/);
    expect(errors[0]!.line).toBe(4);
    expect(errors[0]!.message).toContain("/2024/01/live/");
    expect(errors[0]!.message).toMatch(/articles\/live\.md/);
  });

  it("refuses an old path claimed by two articles, and one that is a generated page", async () => {
    const dir = await tempProject({
      "articles/one.md": article({ title: '"One"', tags: "[Iraq]", redirect_from: "[/shared/]" }),
      "articles/two.md": article({ title: '"Two"', redirect_from: '["/shared", "/tags/iraq/"]' }),
    });
    const site = await buildProject(dir);
    expect(site.ok).toBe(false);
    const messages = site.diagnostics.filter((d) => d.rule === "collision/redirect").map((d) => `${d.file}: ${d.message}`);
    expect(messages).toHaveLength(2);
    expect(messages.find((m) => m.includes('"/shared/"'))).toMatch(/one\.md.*two\.md|two\.md.*one\.md/);
    expect(messages.find((m) => m.includes('"/tags/iraq/"'))).toMatch(/two\.md.*tag page for "Iraq"/);
  });

  it("rejects old paths that could leave the site", async () => {
    const dir = await tempProject({ "articles/a.md": article({ redirect_from: '["/a/%2E%2E/%2E%2E/etc/", "relative/path"]' }) });
    const site = await buildProject(dir);
    expect(site.ok).toBe(false);
    expect(site.diagnostics.map((d) => d.rule)).toEqual(["frontmatter/redirect-from", "frontmatter/redirect-from"]);
  });

  it("rejects a protocol-relative old path instead of folding it into a site path", async () => {
    const dir = await tempProject({
      "articles/a.md": article({ redirect_from: "\n  - /fine/\n  - //evil.example/x/\n  - ///evil.example/y/" }),
    });
    const checked = await checkSite({ projectDir: dir, now: NOW });
    const site = await buildProject(dir);
    for (const result of [checked, site]) {
      expect(result.ok).toBe(false);
      expect(result.diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([
        ["frontmatter/redirect-from", 6, 5],
        ["frontmatter/redirect-from", 7, 5],
      ]);
      expect(result.diagnostics[0]!.message).toBe('redirect_from[1]: "//evil.example/x/" is not a site path: a path starting with // names another host (a protocol-relative URL)');
    }
    expect(site.writer.files.size).toBe(0);
  });

  // tests/fixtures/invalid/redirect-collisions holds one old path per kind of output the build
  // writes (its expected.txt is checked by tests/invalid-sites.test.ts); check must agree.
  it("stops check exactly as it stops the build when old paths land on what the build writes", async () => {
    const built = await buildFixture("invalid/redirect-collisions");
    const checked = await checkSite({
      projectDir: join(FIXTURES, "invalid/redirect-collisions"),
      templatesDir: join(ROOT, "templates"),
      publicDir: join(ROOT, "public"),
      now: NOW,
    });
    expect(built.ok).toBe(false);
    expect(checked.ok).toBe(false);
    expect(checked.diagnostics).toEqual(built.diagnostics);
    const rows = checked.diagnostics.map((d) => [d.file.slice(d.file.indexOf("articles/")), d.line, d.column, d.rule]);
    // Every culprit in one run, each at its own entry; the old paths near reserved names
    // (lines 5, 20 to 22) are fine.
    expect(rows).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19].map((line) => ["articles/renamed.md", line, 5, "collision/redirect"]));
    const byLine = new Map(checked.diagnostics.map((d) => [d.line, d]));
    expect(byLine.get(6)!.message).toContain("the _redirects file at /_redirects");
    expect(byLine.get(7)!.message).toMatch(/the file .*public\/_headers at \/_headers/);
    expect(byLine.get(8)!.message).toContain("the JSON feed at /feed.json");
    expect(byLine.get(14)!.message).toMatch(/redirect_from "\/assets\/site\.css" clashes with the file .*public\/assets\/site\.css at the same path/);
    expect(byLine.get(15)!.message).toContain("the search index under /search-index/");
    expect(byLine.get(18)!.message).toMatch(/a resized copy of chart\.png that .*articles\/live\.md publishes/);
    expect(byLine.get(19)!.message).toMatch(/the redirect_from of .*articles\/live\.md at \/old\/story\.html/);
    for (const d of checked.diagnostics) expect(d.hint).toMatch(/remove/);
  });

  it("refuses an old file name where a public file or an article's image needs a folder", async () => {
    const dir = await tempProject({
      "articles/live.md": article({ title: '"Live"' }, "![Arrivals by day](charts.v2/arrivals.png)"),
      "articles/charts.v2/arrivals.png": await readFile(join(FIXTURES, "images", "chart.png")),
      "articles/renamed.md": article({ title: '"Renamed"', redirect_from: "\n  - /2024/01/live/charts.v2\n  - /downloads/2019.v1" }),
      "public/downloads/2019.v1/report.pdf": "%PDF-1.4",
    });
    for (const result of [await checkSite({ projectDir: dir, now: NOW }), await buildProject(dir, { publicDir: join(dir, "public") })]) {
      expect(result.ok).toBe(false);
      expect(result.diagnostics.map((d) => [d.file.slice(d.file.indexOf("articles/")), d.line, d.column, d.rule])).toEqual([
        ["articles/renamed.md", 5, 5, "collision/redirect"],
        ["articles/renamed.md", 6, 5, "collision/redirect"],
      ]);
      expect(result.diagnostics[0]!.message).toMatch(/^redirect_from "\/2024\/01\/live\/charts\.v2" clashes with the file charts\.v2\/arrivals\.png that .*articles\/live\.md publishes at \/2024\/01\/live\/charts\.v2\/arrivals\.png: the redirect page would be a file where that needs a folder$/);
      expect(result.diagnostics[1]!.message).toMatch(/clashes with the file .*public\/downloads\/2019\.v1\/report\.pdf at \/downloads\/2019\.v1\/report\.pdf: the redirect page would be a file/);
    }
  });

  it("lets one article list an old path in two spellings of case", async () => {
    const dir = await tempProject({ "articles/a.md": article({ redirect_from: '["/News/Old-Story/", "/news/old-story/"]' }) });
    const site = await buildProject(dir);
    expect(site.diagnostics).toEqual([]);
    expect(site.writer.files.has("News/Old-Story/index.html")).toBe(true);
  });

  it("fails check and build from the command line, at the entry, and leaves the previous site as it was", async () => {
    const dir = await tempProject({
      "articles/live.md": article({ title: '"Live"', date: "2024-12-01" }),
      "articles/other.md": article({ title: '"Other"', date: "2024-12-02", redirect_from: "[/2019/other/]" }),
    });
    const flags = ["--out", "dist", ...PROJECT_FLAGS];
    expect((await runCli(["build", ...flags], dir)).code).toBe(0);
    const before = await hashTree(join(dir, "dist"));
    expect(before.has("_redirects")).toBe(true);

    const culprits = ["/_redirects", "/_headers", "/feed.json/", "/assets/site.css", "/search-index/meta.json"];
    await writeFile(join(dir, "articles", "other.md"),
      article({ title: '"Other"', date: "2024-12-02", redirect_from: culprits.map((c) => `\n  - ${c}`).join("") }));
    for (const command of ["check", "build"]) {
      const run = await runCli([command, ...flags], dir);
      expect(run.code, run.stderr).toBe(1);
      const reported = run.stderr.split("\n").filter((l) => l.includes("collision/redirect"));
      expect(reported.map((l) => l.split("  ")[0])).toEqual([5, 6, 7, 8, 9].map((line) => `articles/other.md:${line}:5`));
      culprits.forEach((c, i) => expect(reported[i]).toContain(`redirect_from "${c.replace(/^\/_(\w+)$/, "/_$1/")}" clashes with`));
      expect(run.stderr).toContain("public/assets/site.css at the same path");
      expect(run.stderr).not.toMatch(/EISDIR|public\/ files would overwrite/);
    }
    expect(await hashTree(join(dir, "dist"))).toEqual(before);
  });
});
