import { beforeAll, describe, expect, it } from "vitest";
import { buildFixture, buildProject, ROOT, type BuiltSite } from "../helpers.js";
import { parseCsp, parseHeadersFile } from "../support/headers.js";
import { scanSite } from "../support/scan.js";

/**
 * The published site: `_headers` ships a strict Content-Security-Policy, and every built page
 * must work under it (nothing from another origin, no inline script apart from JSON-LD, no
 * inline style, no event handlers). The policy is read from the built `_headers` itself, so the
 * file and the pages cannot drift apart.
 */
function headersOf(site: BuiltSite): Map<string, string> {
  const rules = parseHeadersFile(site.writer.text("_headers"));
  const all = rules.find((r) => r.path === "/*");
  expect(all, "_headers has a rule for every path (/*)").toBeDefined();
  return all!.headers;
}

describe("the published site's security", () => {
  let sites: [string, BuiltSite][];

  beforeAll(async () => {
    sites = [
      ["bundled archive", await buildProject(ROOT)],
      ["basic fixture", await buildFixture("basic")],
    ];
    for (const [, site] of sites) expect(site.ok).toBe(true);
  });

  it("ships _headers with a strict policy and the usual protections", () => {
    for (const [, site] of sites) {
      const headers = headersOf(site);
      const csp = parseCsp(headers.get("content-security-policy") ?? "");
      expect(csp.get("default-src")).toEqual(["'self'"]);
      expect(csp.get("script-src")).toEqual(["'self'"]);
      expect(csp.get("style-src")).toEqual(["'self'"]);
      expect(csp.get("img-src")).toEqual(["'self'"]);
      expect(csp.get("object-src")).toEqual(["'none'"]);
      expect(csp.get("base-uri")).toEqual(["'self'"]);
      expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
      for (const sources of csp.values()) {
        for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:", "data:"]) expect(sources).not.toContain(bad);
      }
      expect(headers.get("x-content-type-options")).toBe("nosniff");
      expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(headers.get("permissions-policy")).toMatch(/camera=\(\).*geolocation=\(\)/);
    }
  });

  it("every page works under that policy: nothing from another origin, no inline script, style or handlers", () => {
    for (const [name, site] of sites) {
      const origin = new URL(site.config.baseUrl).origin;
      const problems = scanSite(site.writer.files, origin);
      expect(problems, name).toEqual([]);
      const pages = [...site.writer.files.keys()].filter((p) => p.endsWith(".html"));
      expect(pages.length, name).toBeGreaterThan(10);
    }
  });
});
