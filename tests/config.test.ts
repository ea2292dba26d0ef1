import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../src/diagnostics.js";
import { configSchema } from "../src/config.js";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { article, ROOT, runCli, tempProject } from "./helpers.js";

async function checkWithConfig(config: string): Promise<{ code: number; diagnostics: Diagnostic[] }> {
  const dir = await tempProject({ "dateline.config.json": config, "articles/a.md": article() });
  const run = await runCli(["check", "--format", "json"], dir);
  return { code: run.code, diagnostics: JSON.parse(run.stdout) as Diagnostic[] };
}

describe("dateline.config.json", () => {
  it("reports broken JSON at its line", async () => {
    const { code, diagnostics } = await checkWithConfig('{\n  "title": "News",\n  "pageSize": 10\n  "language": "fr"\n}\n');
    expect(code).toBe(1);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: "dateline.config.json", rule: "config/syntax" });
    expect([3, 4]).toContain(diagnostics[0]!.line);
  });

  it("refuses a build time that is not epoch milliseconds, with the fix", async () => {
    const { checkSite } = await import("../src/build.js");
    const dir = await tempProject({ "articles/a.md": article() });
    // A string would compare as NaN and quietly hold back every article as scheduled.
    await expect(checkSite({ projectDir: dir, now: "2025-01-01T00:00:00Z" as unknown as number })).rejects.toThrow(/now must be a time in epoch milliseconds, not the text "2025-01-01T00:00:00Z"/);
    await expect(checkSite({ projectDir: dir, now: Number.NaN })).rejects.toThrow(/epoch milliseconds/);
    expect((await checkSite({ projectDir: dir, now: Date.UTC(2026, 0, 1), templatesDir: join(ROOT, "templates") })).library?.articles).toHaveLength(1);
  });

  it("accepts a file saved with a byte-order mark", async () => {
    const { code, diagnostics } = await checkWithConfig('\uFEFF{ "title": "News" }\n');
    expect(diagnostics).toEqual([]);
    expect(code).toBe(0);
  });

  it("reports a value of the wrong type at its line, naming the option", async () => {
    const { code, diagnostics } = await checkWithConfig('{\n  "title": "News",\n  "pageSize": "ten"\n}\n');
    expect(code).toBe(1);
    expect(diagnostics).toMatchObject([{ file: "dateline.config.json", line: 3, rule: "config/invalid" }]);
    expect(diagnostics[0]!.message).toMatch(/^pageSize: /);
    expect(diagnostics[0]!.hint).toContain("README");
  });

  it("reports an unknown time zone and an unknown option", async () => {
    const { diagnostics } = await checkWithConfig('{\n  "timezone": "Mars/Olympus",\n  "pagesize": 5\n}\n');
    expect(diagnostics.map((d) => [d.line, d.rule])).toEqual([
      [2, "config/timezone"],
      [3, "config/unknown-option"],
    ]);
    expect(diagnostics.find((d) => d.rule === "config/timezone")!.message).toContain("Mars/Olympus");
    expect(diagnostics.find((d) => d.rule === "config/unknown-option")!.message).toContain("pagesize");
  });

  it("is fully documented in the README", async () => {
    const readme = await readFile(join(ROOT, "README.md"), "utf8");
    const table = readme.slice(readme.indexOf("## Configuration"));
    for (const key of Object.keys(configSchema.shape)) expect(table).toContain(`| \`${key}\``);
    for (const key of ["publisher.name", "publisher.logo", "publisher.url"]) expect(table).toContain(`| \`${key}\``);
  });
});
