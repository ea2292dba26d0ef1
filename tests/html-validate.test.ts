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
  const errors = async (site: Awaited<ReturnType<typeof buildProject>>, pages: string[]) => {
    const config = JSON.parse(await readFile(join(ROOT, ".htmlvalidate.json"), "utf8")) as ConfigData;
    const validator = new HtmlValidate(new StaticConfigLoader(config));
    const problems: string[] = [];
    for (const path of pages) {
      const report = await validator.validateString(site.writer.text(path), path);
      for (const result of report.results) {
        for (const m of result.messages) {
          if (m.severity === 2) problems.push(`${path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
        }
      }
    }
    return problems;
  };

  it("passes every built page of the bundled site", async () => {
    const site = await buildProject(ROOT);
    expect(site.ok).toBe(true);
    const pages = [...site.writer.files.keys()].filter((p) => p.endsWith(".html")).sort();
    expect(pages.length).toBeGreaterThan(50);
    expect(await errors(site, pages)).toEqual([]);
  });

  it("keeps ids unique when subheads are named like the page's own ids", async () => {
    const site = await buildProject(join(ROOT, "tests", "fixtures", "heading-ids"));
    expect(site.ok).toBe(true);
    const page = "2024/05/headings/index.html";
    expect(await errors(site, [page])).toEqual([]);
    const html = site.writer.text(page);
    // The skip link still lands on <main>, and each subhead keeps a readable, stable anchor.
    expect(html).toMatch(/<main id="content"/);
    const ids = [...html.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(expect.arrayContaining(["content-2", "footnote-label-2", "h-user-content-fn-1", "related-heading-2", "intro", "intro-2", "intro-2-2"]));
  });
});
