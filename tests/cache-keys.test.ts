import { spawnSync } from "node:child_process";
import { appendFile, cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

/** The code digest a copy of the compiled library computes (in a child: it is made at import). */
function codeDigestOf(libDir: string): string {
  const url = pathToFileURL(join(libDir, "cache/keys.js")).href;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", `const k = await import(${JSON.stringify(url)}); console.log(k.CODE_DIGEST);`], { encoding: "utf8" });
  expect(r.stderr).toBe("");
  return r.stdout.trim();
}

describe("cache keys", () => {
  it("change with any change to Dateline's code, so an upgrade never reuses what older code made", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dateline-keys-"));
    const same = join(dir, "same/lib");
    const changed = join(dir, "changed/lib");
    await cp(join(ROOT, "lib"), same, { recursive: true });
    await cp(join(ROOT, "lib"), changed, { recursive: true });
    // A rule added to validation, say: nothing about versions changes.
    await appendFile(join(changed, "content/frontmatter.js"), "\n// a new rule\n");
    const original = codeDigestOf(join(ROOT, "lib"));
    expect(original).toMatch(/^[0-9a-f]{64}$/);
    expect(codeDigestOf(same)).toBe(original);
    expect(codeDigestOf(changed)).not.toBe(original);
  });
});
