import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { formatText } from "../src/diagnostics.js";
import { buildFixture, FIXTURES, ROOT } from "./helpers.js";

/**
 * Each folder in tests/fixtures/invalid is a site that must not build. `expected.txt` holds
 * the exact report an editor sees; the build must write nothing.
 */
const cases = readdirSync(join(FIXTURES, "invalid"), { withFileTypes: true }).filter((e) => e.isDirectory());

describe("sites that must fail", () => {
  for (const c of cases) {
    it(c.name, async () => {
      const dir = join("invalid", c.name);
      const site = await buildFixture(dir);
      expect(site.ok).toBe(false);
      expect(site.writer.files.size).toBe(0);
      const expectedPath = join(FIXTURES, dir, "expected.txt");
      const actual = formatText(site.diagnostics).replaceAll(`${relative(process.cwd(), ROOT) || "."}/`, "") + "\n";
      if (!existsSync(expectedPath)) throw new Error(`write ${expectedPath} with:\n${actual}`);
      expect(actual).toBe(readFileSync(expectedPath, "utf8"));
    });
  }
});
