import { mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics.js";
import { article, buildProject, FIXTURES, tempProject } from "../helpers.js";
import { checkFiles, hashTree, relativeTo, runCli } from "../support/site.js";
import { CASES, type Expected } from "./input-cases.js";

const CORPUS = join(FIXTURES, "hostile");

function shape(d: Diagnostic): Expected & { file: string } {
  return { file: d.file, line: d.line, column: d.column, rule: d.rule, message: d.message, hint: d.hint ?? "" };
}

function expectDiagnostics(actual: Diagnostic[], file: string, expected: Expected[]): void {
  const mine = actual.filter((d) => d.file.endsWith(`articles/${file}`) && d.severity === "error").map(shape);
  expect(mine.map(({ hint, ...rest }) => rest)).toEqual(
    expected.map(({ hint, ...rest }) => ({ file: expect.stringMatching(new RegExp(`articles/${file.replace(".", "\\.")}$`)), ...rest })),
  );
  mine.forEach((d, i) => expect(d.hint).toContain(expected[i]!.hint));
}

describe("the hostile-input corpus", () => {
  it("has an expectation for every fixture file and a fixture for every expectation", async () => {
    expect((await readdir(CORPUS)).sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [file, expected] of Object.entries(CASES)) {
    it(`${file}: ${expected.map((e) => e.rule).join(", ")}`, async () => {
      const bytes = await readFile(join(CORPUS, file));
      const { diagnostics, ok } = await checkFiles({ [`articles/${file}`]: bytes, "articles/good.md": article() });
      expect(ok).toBe(false);
      expectDiagnostics(diagnostics, file, expected);
      // The good article beside it is not blamed for anything.
      expect(diagnostics.filter((d) => d.file.endsWith("good.md"))).toEqual([]);
    });
  }

  it("reports every broken file of a folder in one run, each exactly as it is reported alone", async () => {
    const files: Record<string, Uint8Array | string> = { "articles/good.md": article() };
    for (const name of Object.keys(CASES)) files[`articles/${name}`] = await readFile(join(CORPUS, name));
    const { diagnostics } = await checkFiles(files);
    for (const [file, expected] of Object.entries(CASES)) expectDiagnostics(diagnostics, file, expected);
    const errors = diagnostics.filter((d) => d.severity === "error");
    expect(errors).toHaveLength(Object.values(CASES).flat().length);
  });

  it("the CLI exits 1, names every broken file and leaves the output folder untouched", async () => {
    const files: Record<string, Uint8Array | string> = {
      "articles/good.md": article(),
      "dist/index.html": "<p>the live site</p>",
      "dist/2020/01/old/index.html": "<p>an old page</p>",
    };
    for (const name of Object.keys(CASES)) files[`articles/${name}`] = await readFile(join(CORPUS, name));
    const dir = await tempProject(files);
    const before = await hashTree(join(dir, "dist"));
    const run = await runCli(["build", "--now", "2026-01-01T00:00:00Z"], dir);
    expect(run.code).toBe(1);
    for (const name of Object.keys(CASES)) expect(run.stderr).toContain(`articles/${name}:`);
    expect(run.stderr).toContain("nothing was written");
    expect(await hashTree(join(dir, "dist"))).toEqual(before);
    // The article cache keeps what it verified even when the build fails; nothing else is left.
    expect((await readdir(dir)).filter((n) => n !== ".dateline-cache").sort()).toEqual(["articles", "dist"]);
  });
  it("control characters from a file cannot forge or hide lines in the terminal or CI log", async () => {
    const dir = await tempProject({
      "articles/evil.md": '---\ntitle: "x"\ndate: 2024-01-15\nslug: "a\\e[2J\\rfake.md:1:1  all good"\n---\nx\n',
    });
    const run = await runCli(["check"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(run.stderr).toContain('slug: "a\\u001b[2J\\rfake.md:1:1  all good" is not a URL-safe slug');
  });
});

describe("awkward input that must simply work", () => {
  it("a byte-order mark and Windows line endings", async () => {
    const text = article({ title: '"Windows file"', tags: "[Iraq]" }, "First paragraph.\n\nSecond one.").replace(/\n/g, "\r\n");
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const site = await buildProject(await tempProject({ "articles/windows.md": bom }));
    expect(site.diagnostics).toEqual([]);
    const html = site.html("/2024/01/windows/");
    expect(html).toContain("<h1>Windows file</h1>");
    expect(html).toContain("<p>Second one.</p>");
    expect(html).not.toContain("\r");
    expect(html).not.toContain("\uFEFF");
  });

  it("old Mac line endings (lone CR) and a BOM before a broken field still give the right line", async () => {
    const text = '---\r title: "x"\rdate: 2024-02-30\r---\r\rBody.\r'.replace("\r title", "\rtitle");
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const { diagnostics } = await checkFiles({ "articles/mac.md": bytes });
    expect(relativeTo("", diagnostics).map((d) => [d.file, d.line, d.column, d.rule])).toEqual([["articles/mac.md", 3, 7, "frontmatter/date"]]);
  });

  it("an update or correction dated the same day as a timestamped publication", async () => {
    const text = '---\ntitle: "Same day"\ndate: 2024-12-02T09:30:00+03:00\nupdated: 2024-12-02\ncorrections:\n  - date: 2024-12-02\n    text: "Fixed a name."\n---\n\nBody.\n';
    const { diagnostics, ok } = await checkFiles({ "articles/same-day.md": text });
    expect(diagnostics).toEqual([]);
    expect(ok).toBe(true);
  });

  it("a very large article (several MB)", async () => {
    const paragraph = "The ministry said the border crossing would reopen on Monday after talks. ".repeat(20);
    const body = Array.from({ length: 2100 }, (_, i) => (i % 100 === 0 ? `## Section ${i}\n\n` : "") + paragraph).join("\n\n");
    expect(body.length).toBeGreaterThan(3_000_000);
    const site = await buildProject(await tempProject({ "articles/huge.md": article({ title: '"Huge"' }, body) }));
    expect(site.diagnostics).toEqual([]);
    const html = site.html("/2024/01/huge/");
    expect(html.length).toBeGreaterThan(body.length);
    expect(html).toContain('<h2 id="section-2000">Section 2000</h2>');
  });

  it("long runs of spaces in a heading, a paragraph and a list item (a pasted table, a stuck key)", async () => {
    // Each run once cost time growing with its square: 300,000 spaces took minutes to load.
    const run = " ".repeat(300_000);
    const body = `# Results${run}##\n\nTurnout was high.${run}*Final* [figures](https://example.org)\nfollow.\n\n- first${run}item\n- second`;
    const site = await buildProject(await tempProject({ "articles/spaces.md": article({ title: '"Spaces"' }, body) }));
    expect(site.diagnostics).toEqual([]);
    const html = site.html("/2024/01/spaces/");
    expect(html).toContain(`Turnout was high.${run}<em>Final</em>`);
    expect(html).toContain(`<li>first${run}item</li>`);
  });

  it("a frontmatter list of 200,000 quoted names on one line", async () => {
    // The frontmatter reader once looked for a backslash from each closing quote back to the
    // start of the line: time growing with the square of the line's length (53 s for 100,000
    // names; these 200,000 would run past the test timeout). Now about a second.
    const tags = Array.from({ length: 200_000 }, (_, i) => `"Tag ${i}"`).join(", ");
    const { diagnostics } = await checkFiles({ "articles/tags.md": `---\ntitle: "Tags"\ndate: 2024-01-15\ntags: [${tags}]\n---\nBody.\n` });
    expect(diagnostics.filter((d) => d.severity === "error").map((d) => [d.rule, d.line, d.message])).toEqual([
      ["frontmatter/too-many-names", 4, "tags: has 200000 names (at most 200)"],
    ]);
  });

  it("200,000 blank lines inside a body, and a line of 20,000 <", async () => {
    // The blank lines once overflowed the stack (spread into push); each < once looked to the end of its line.
    const site = await buildProject(await tempProject({
      "articles/blank.md": article({ title: '"Blank lines"' }, `First paragraph.${"\n".repeat(200_000)}Last paragraph.`),
      "articles/angles.md": article({ title: '"Angles"', date: "2024-01-16" }, `A line of ${"<".repeat(20_000)} ends.`),
    }));
    expect(site.diagnostics).toEqual([]);
    expect(site.html("/2024/01/blank/")).toContain("<p>First paragraph.</p>\n<p>Last paragraph.</p>");
    expect(site.html("/2024/01/angles/")).toContain(`<p>A line of ${"&#x3C;".repeat(20_000)} ends.</p>`);
  });

  it("file names with URL-hostile characters get clean slugs", async () => {
    const site = await buildProject(await tempProject({
      "articles/a b?c#d%20e.md": article({ title: '"Spaces"' }),
      "articles/2024-01-15-Ünïcödé & Co.md": article({ title: '"Unicode"' }),
      "articles/<script>.md": article({ title: '"Script"' }),
    }));
    expect(site.diagnostics).toEqual([]);
    const files = [...site.writer.files.keys()].filter((f) => f.startsWith("2024/01/")).sort();
    expect(files).toEqual(["2024/01/a-b-c-d-20e/index.html", "2024/01/index.html", "2024/01/script/index.html", "2024/01/unicode-co/index.html"]);
  });

  it("a file name with no letters gives a diagnostic, not a page; a hidden one a warning", async () => {
    const { diagnostics } = await checkFiles({ "articles/%%%.md": article(), "articles/....md": article(), "articles/.draft.md": article() });
    expect(relativeTo("", diagnostics).map((d) => [d.file, d.severity, d.rule, d.message])).toEqual([
      ["articles/%%%.md", "error", "content/file-name", 'the file name "%%%.md" gives no usable slug'],
      ["articles/....md", "warning", "content/hidden-file", "this file name starts with a dot, so it is hidden and ignored"],
      ["articles/.draft.md", "warning", "content/hidden-file", "this file name starts with a dot, so it is hidden and ignored"],
    ]);
  });

  it("tags differing only by case or Unicode normalisation are one tag with one page", async () => {
    const nfc = "São Paulo";
    const nfd = nfc.normalize("NFD");
    expect(nfd).not.toBe(nfc);
    const site = await buildProject(await tempProject({
      "articles/a.md": article({ title: '"A"', tags: `["${nfc}", "syria"]` }),
      "articles/b.md": article({ title: '"B"', tags: `["${nfd}", "SYRIA"]` }),
      "articles/c.md": article({ title: '"C"', tags: `["SÃO PAULO", "Syria"]` }),
    }));
    expect(site.diagnostics).toEqual([]);
    const tagPages = [...site.writer.files.keys()].filter((f) => f.startsWith("tags/") && f.endsWith("/index.html") && f !== "tags/index.html").sort();
    expect(tagPages).toEqual(["tags/sao-paulo/index.html", "tags/syria/index.html"]);
    expect(site.html("/tags/sao-paulo/")).toContain("3 articles");
  });

  it("a lead image on another host: a warning, link previews use it, the page does not load it", async () => {
    const site = await buildProject(await tempProject({
      "articles/cdn.md": article({ title: '"CDN"', image: '{ src: "https://cdn.example.org/a.jpg", alt: "A photo" }' }),
    }));
    expect(site.ok).toBe(true);
    expect(relativeTo("", site.diagnostics).map((d) => [d.file, d.line, d.severity, d.rule, d.message])).toEqual([
      ["articles/cdn.md", 4, "warning", "frontmatter/image-external",
        "image.src: https://cdn.example.org/a.jpg is on another host: feeds and link previews use it, but the article page does not show it"],
    ]);
    const html = site.html("/2024/01/cdn/");
    expect(html).not.toContain("<img");
    expect(html).toContain('<meta property="og:image" content="https://cdn.example.org/a.jpg">');
  });

  it("stray non-article files give a warning and the build goes on", async () => {
    const site = await buildProject(await tempProject({
      "articles/a.md": article(),
      "articles/notes.txt": "scratch",
      "articles/2024/export.docx": new Uint8Array([0x50, 0x4b, 3, 4]),
    }));
    expect(site.ok).toBe(true);
    expect(relativeTo("", site.diagnostics).map((d) => [d.file, d.severity, d.rule])).toEqual([
      ["articles/2024/export.docx", "warning", "content/stray-file"],
      ["articles/notes.txt", "warning", "content/stray-file"],
    ]);
  });
});

describe("collisions name every file involved", () => {
  it("two articles on one URL", async () => {
    const { diagnostics } = await checkFiles({
      "articles/2024/same.md": article({ title: '"One"' }),
      "articles/2023/same.md": article({ title: '"Two"' }),
      "articles/other.md": article({ title: '"Three"', slug: "same" }),
    });
    const errors = relativeTo("", diagnostics).filter((d) => d.rule === "collision/article-url");
    expect(errors.map((d) => [d.file, d.line])).toEqual([["articles/2023/same.md", 2], ["articles/2024/same.md", 2], ["articles/other.md", 4]]);
    for (const e of errors) {
      expect(e.message).toContain("3 articles would be published at /2024/01/same/");
      for (const f of ["2023/same.md", "2024/same.md", "articles/other.md"]) expect(e.message).toContain(f);
      expect(e.hint).toContain("another slug");
    }
  });

  it("one old address claimed by two articles, or by the address of a live article", async () => {
    const { diagnostics } = await checkFiles({
      "articles/a.md": article({ title: '"A"', redirect_from: "[/old/page/]" }),
      "articles/b.md": article({ title: '"B"', redirect_from: "[/old/page]" }),
      "articles/c.md": article({ title: '"C"', redirect_from: "[/2024/01/a/]" }),
    });
    const rows = relativeTo("", diagnostics).filter((d) => d.rule === "collision/redirect");
    expect(rows.map((d) => [d.file, d.line, d.column])).toEqual([["articles/b.md", 4, 17], ["articles/c.md", 4, 17]]);
    expect(rows[0]!.message).toMatch(/^redirect_from "\/old\/page\/" clashes with the redirect_from of .*articles\/a\.md at the same path$/);
    expect(rows[1]!.message).toMatch(/^redirect_from "\/2024\/01\/a\/" clashes with the live page of .*articles\/a\.md at the same path$/);
    expect(rows[0]!.hint).toContain("one article only");
    expect(rows[1]!.hint).toContain("remove it from redirect_from");
  });

  it("tag and entity names differing only by accents or punctuation share a page: an error naming both files", async () => {
    const { diagnostics } = await checkFiles({
      "articles/a.md": article({ title: '"A"', tags: "[Sao Paulo]" }),
      "articles/b.md": article({ title: '"B"', tags: "[São-Paulo]" }),
      "articles/c.md": `---\ntitle: C\ndate: 2024-01-15\nentities:\n  people: ["Ana Lima"]\n---\nx\n`,
      "articles/d.md": `---\ntitle: D\ndate: 2024-01-15\nentities:\n  people: ["Ana  Lima!"]\n---\nx\n`,
    });
    const tag = relativeTo("", diagnostics).filter((d) => d.rule === "collision/tag");
    expect(tag.map((d) => [d.file, d.line])).toEqual([["articles/a.md", 4], ["articles/b.md", 4]]);
    for (const d of tag) {
      expect(d.message).toMatch(/^the tag names "Sao Paulo" \(in .*articles\/a\.md\) and "São-Paulo" \(in .*articles\/b\.md\) would share the page \/tags\/sao-paulo\/$/);
      expect(d.hint).toContain("spell the tag the same way everywhere");
    }
    const person = relativeTo("", diagnostics).filter((d) => d.rule === "collision/person");
    // Entities are collected by model/entities.ts, which names both files but no line.
    expect(person.map((d) => d.file)).toEqual(["articles/c.md", "articles/d.md"]);
    for (const d of person) expect(d.message).toMatch(/"Ana Lima".*articles\/c\.md.*"Ana Lima!".*articles\/d\.md|"Ana Lima!".*articles\/d\.md.*"Ana Lima".*articles\/c\.md/);
  });
});

describe("symbolic links", () => {
  it("a link pointing outside the content folder is an error and is not read", async () => {
    const outside = await tempProject({ "secret.md": article({ title: '"Secret"' }), "dir/x.md": article({ title: '"X"' }) });
    const dir = await tempProject({ "articles/ok.md": article() });
    await symlink(join(outside, "secret.md"), join(dir, "articles", "linked.md"));
    await symlink(join(outside, "dir"), join(dir, "articles", "linked-dir"));
    await symlink("../articles/ok.md", join(dir, "articles", "inside.md")); // inside, but ok.md twice: an error of its own
    const site = await buildProject(dir);
    expect(site.ok).toBe(false);
    const rows = relativeTo("", site.diagnostics).filter((d) => d.rule === "content/symlink-outside");
    expect(rows.map((d) => d.file)).toEqual(["articles/linked-dir", "articles/linked.md"]);
    for (const d of rows) expect(d.hint).toContain("copy the file into the content folder");
    expect(site.writer.files.size).toBe(0);
  });

  it("a link inside the content folder is followed", async () => {
    // The file itself is hidden (not published on its own), so the link is its only address.
    const dir = await tempProject({ "articles/.shared/one.md": article({ title: '"One"' }) });
    await mkdir(join(dir, "articles", "more"));
    await symlink("../.shared/one.md", join(dir, "articles", "more", "two.md"));
    await writeFile(join(dir, "articles", "three.md"), article({ title: '"Three"' }));
    const site = await buildProject(dir);
    expect(site.ok).toBe(true);
    expect(site.writer.files.has("2024/01/two/index.html")).toBe(true);
    expect(site.writer.files.has("2024/01/one/index.html")).toBe(false);
  });

  it("a link to a file that is already an article is a collision: one article, one URL", async () => {
    const dir = await tempProject({ "articles/real/one.md": article({ title: '"One"' }), "articles/three.md": article({ title: '"Three"' }) });
    await mkdir(join(dir, "articles", "more"));
    await symlink("../real/one.md", join(dir, "articles", "more", "two.md"));
    await symlink("real/one.md", join(dir, "articles", "again.md"));
    const site = await buildProject(dir);
    expect(site.ok).toBe(false);
    expect(site.writer.files.size).toBe(0);
    const rows = relativeTo("", site.diagnostics).filter((d) => d.rule === "collision/linked-article");
    expect(rows.map((d) => d.file)).toEqual(["articles/again.md", "articles/more/two.md"]);
    for (const d of rows) {
      expect(d.message).toMatch(/leads to .*articles\/real\/one\.md, which is already an article/);
      expect(d.hint).toContain("redirect_from");
    }
  });
});
