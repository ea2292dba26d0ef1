import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_FLAGS, runCli, tempProject } from "./helpers.js";

describe("dateline new", () => {
  it("writes an article that checks and builds", async () => {
    const dir = await tempProject({ "dateline.config.json": JSON.stringify({ title: "Desk", baseUrl: "https://desk.example/" }) });
    const made = await runCli(["new", "Iraq reinforces its border", "--tags", "Iraq, Border security", "--date", "2024-12-02"], dir);
    expect(made.stderr).toBe("");
    expect(made.code).toBe(0);
    expect(made.stdout).toBe("wrote articles/2024/12/iraq-reinforces-its-border.md\n");
    const text = await readFile(join(dir, "articles", "2024", "12", "iraq-reinforces-its-border.md"), "utf8");
    expect(text).toContain('title: "Iraq reinforces its border"');
    expect(text).toContain("date: 2024-12-02");
    expect(text).toContain('tags: ["Iraq", "Border security"]');

    const check = await runCli(["check"], dir);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain("checked 1 articles: no errors");

    const built = await runCli(["build", "--now", "2025-01-01", ...PROJECT_FLAGS], dir);
    expect(built.code).toBe(0);
    const page = await readFile(join(dir, "dist", "2024", "12", "iraq-reinforces-its-border", "index.html"), "utf8");
    expect(page).toContain("Iraq reinforces its border");
    expect(page).toContain('href="/tags/border-security/"');
  });

  it("refuses to overwrite an existing article", async () => {
    const dir = await tempProject({});
    expect((await runCli(["new", "Same headline", "--date", "2024-05-01"], dir)).code).toBe(0);
    const file = join(dir, "articles", "2024", "05", "same-headline.md");
    await writeFile(file, "---\ntitle: Edited by hand\ndate: 2024-05-01\n---\nKeep me.\n");
    const again = await runCli(["new", "Same headline", "--date", "2024-05-01"], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("articles/2024/05/same-headline.md already exists; not overwriting it");
    expect(await readFile(file, "utf8")).toContain("Keep me.");
  });

  it("dates the article today in the site's time zone unless --date is given", async () => {
    const dir = await tempProject({ "dateline.config.json": JSON.stringify({ timezone: "Asia/Baghdad" }) });
    // 22:30 UTC on 31 March is already 1 April in Baghdad (UTC+3).
    const made = await runCli(["new", "Late night", "--now", "2025-03-31T22:30:00Z"], dir);
    expect(made.stdout).toBe("wrote articles/2025/04/late-night.md\n");
    expect(await readFile(join(dir, "articles", "2025", "04", "late-night.md"), "utf8")).toContain("date: 2025-04-01\n");
    expect((await runCli(["check", "--now", "2025-04-02"], dir)).code).toBe(0);
  });

  it("rejects a bad date or an empty headline as wrong usage", async () => {
    const dir = await tempProject({});
    const bad = await runCli(["new", "Headline", "--date", "next tuesday"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--date");
    expect((await runCli(["new", "  "], dir)).code).toBe(2);
    expect((await runCli(["new", "One", "Two"], dir)).code).toBe(2);
  });
});
