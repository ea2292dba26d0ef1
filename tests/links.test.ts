import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../src/diagnostics.js";
import { article, PROJECT_FLAGS, ROOT, runCli, tempProject } from "./helpers.js";

const CONFIG = JSON.stringify({ title: "Links", baseUrl: "https://news.example.org/" });

async function brokenProject(): Promise<string> {
  return tempProject({
    "dateline.config.json": CONFIG,
    "articles/a.md": article(
      { title: '"A"' },
      [
        "## Context",
        "",
        "See [B](../b/) and [B's second part](../b/#part-two) and [context](#context).",
        "",
        "Also [the archive](/archive/), [absolute](https://news.example.org/2024/01/b/) and [elsewhere](https://elsewhere.example/x).",
        "",
        "But [a missing page](/2024/01/nope/) and",
        "[a missing heading](../b/#part-three).",
      ].join("\n"),
    ),
    "articles/b.md": article({ title: '"B"' }, "Intro.\n\n## Part two\n\nMore."),
  });
}

describe("dateline check --links", () => {
  it("passes a site whose links all resolve, and writes nothing to the output folder", async () => {
    const dir = await tempProject({
      "dateline.config.json": CONFIG,
      "articles/a.md": article({ title: '"A"', redirect_from: "[/old-a/]" }, "See [B](../b/#part-two)."),
      "articles/b.md": article({ title: '"B"' }, "## Part two\n\nText."),
    });
    const run = await runCli(["check", "--links", ...PROJECT_FLAGS], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/checked 2 articles and \d+ links on \d+ pages: no errors/);
    await expect(readFile(join(dir, "dist", "index.html"))).rejects.toThrow();
  });

  it("reports broken links and anchors at the article and line, as JSON", async () => {
    const dir = await brokenProject();
    const run = await runCli(["check", "--links", "--format", "json", ...PROJECT_FLAGS], dir);
    expect(run.code).toBe(1);
    const diagnostics = JSON.parse(run.stdout) as Diagnostic[];
    expect(diagnostics.map((d) => [d.file, d.line, d.rule])).toEqual([
      ["articles/a.md", 12, "links/broken"],
      ["articles/a.md", 13, "links/anchor"],
    ]);
    expect(diagnostics[0]!.message).toContain('on /2024/01/a/: the link "/2024/01/nope/"');
    expect(diagnostics[1]!.message).toContain("#part-three");
    // Without --links, content checks alone pass.
    expect((await runCli(["check", ...PROJECT_FLAGS], dir)).code).toBe(0);
  });

  it("prints GitHub annotations that parse back to the same problems", async () => {
    const dir = await brokenProject();
    const run = await runCli(["check", "--links", "--format", "github", ...PROJECT_FLAGS], dir);
    expect(run.code).toBe(1);
    const annotations = run.stdout
      .split("\n")
      .filter((l) => l.startsWith("::"))
      .map((l) => {
        const m = l.match(/^::(error|warning) ([^:]*)::(.*)$/);
        if (!m) throw new Error(`not an annotation: ${l}`);
        const props = Object.fromEntries(m[2]!.split(",").map((p) => p.split("=") as [string, string]));
        return { level: m[1], ...props, message: decodeURIComponent(m[3]!) };
      });
    expect(annotations).toHaveLength(2);
    expect(annotations[0]).toMatchObject({ level: "error", file: "articles/a.md", line: "12", title: "links/broken" });
    expect(annotations[1]).toMatchObject({ level: "error", file: "articles/a.md", line: "13", title: "links/anchor" });
  });

  it("reports a broken link from a template once, with the number of pages", async () => {
    const dir = await tempProject({ "dateline.config.json": CONFIG, "articles/a.md": article(), "articles/b.md": article({ title: '"B"' }) });
    const templates = join(dir, "templates");
    await cp(join(ROOT, "templates"), templates, { recursive: true });
    const layout = join(templates, "layouts", "base.njk");
    await writeFile(layout, (await readFile(layout, "utf8")).replace("</footer>", '<a href="{{ site.homeHref }}no-such-page/">x</a></footer>'));
    const run = await runCli(["check", "--links", "--format", "json", "--public", join(ROOT, "public")], dir);
    expect(run.code).toBe(1);
    const diagnostics = JSON.parse(run.stdout) as Diagnostic[];
    const fromTemplate = diagnostics.filter((d) => d.message.includes("/no-such-page/"));
    const articles = fromTemplate.filter((d) => d.file.startsWith("articles/"));
    const generated = fromTemplate.filter((d) => !d.file.startsWith("articles/"));
    expect(articles).toHaveLength(2); // each article page reports its own
    expect(generated).toHaveLength(1);
    // 10 generated pages: /entities/by-articles/ and /search/ among them.
    expect(generated[0]!.message).toMatch(/^on 10 pages \(\/2024\/01\/, /);
    expect(generated[0]!.hint).toContain("template");
  });

  it("checks links under a sub-path deploy", async () => {
    const dir = await tempProject({
      "dateline.config.json": CONFIG,
      "articles/a.md": article({}, "[root link](/2024/01/a/) escapes the prefix."),
    });
    const run = await runCli(["check", "--links", "--base-url", "/archive/", "--format", "json", ...PROJECT_FLAGS], dir);
    const diagnostics = JSON.parse(run.stdout) as Diagnostic[];
    expect(diagnostics.map((d) => d.rule)).toEqual(["links/outside-site"]);
  });
});
