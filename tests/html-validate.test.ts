import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { HtmlValidate, StaticConfigLoader, type ConfigData } from "html-validate";
import { describe, expect, it } from "vitest";
import { buildProject, ROOT } from "./helpers.js";

/**
 * .htmlvalidate.json (JSON has no comments, so the reasons live here):
 * - `html-validate:recommended`, the strictest preset, with one rule relaxed:
 * - `long-title` off: an article page's <title> is its full headline plus the site name. A
 *   news archive must not cut headlines at 70 characters; that limit is search-engine display
 *   advice, not validity, and engines truncate the display themselves.
 * - `no-inline-style` raised to an error: the site must work under a strict CSP (style-src 'self').
 *
 * Every page of the bundled archive, run through html-validate with the project's own
 * .htmlvalidate.json: no errors allowed. Building in memory is enough here; the browser
 * tests cover the disk build with its search index.
 */
describe("html-validate", () => {
  it("passes every built page of the bundled site", async () => {
    const site = await buildProject(ROOT);
    expect(site.ok).toBe(true);
    const config = JSON.parse(await readFile(join(ROOT, ".htmlvalidate.json"), "utf8")) as ConfigData;
    const validator = new HtmlValidate(new StaticConfigLoader(config));
    const pages = [...site.writer.files.keys()].filter((p) => p.endsWith(".html")).sort();
    expect(pages.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const path of pages) {
      const report = await validator.validateString(site.writer.text(path), path);
      for (const result of report.results) {
        for (const m of result.messages) {
          if (m.severity === 2) problems.push(`${path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
