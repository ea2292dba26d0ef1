import { describe, expect, it } from "vitest";
import { checkSite } from "../src/build.js";
import { article, buildProject, NOW, tempProject } from "./helpers.js";

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
});
