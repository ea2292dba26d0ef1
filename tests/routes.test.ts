import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { absoluteUrl } from "../src/model/routes.js";

/** What absoluteUrl has always meant: the route resolved by URL parsing against the base. */
const byParsing = (route: string, baseUrl: string) => new URL(encodeURI(route.replace(/^\//, "")), baseUrl).href;

/** The result, or that it threw: a route that is no URL must fail the same way. */
const outcome = (make: () => string) => {
  try {
    return make();
  } catch (error) {
    return `threw ${(error as Error).name}`;
  }
};

describe("absolute URLs", () => {
  const bases = ["http://localhost/", "https://example.org", "https://example.org/news/", "https://example.org/news", "http://127.0.0.1:8080/a/b/", "https://xn--bcher-kva.example/arch%C3%AFve/"];
  const pieces = ["2024", "12", "iraq-border", "/", "/", "//", ".", "..", "./", "../", "%", "%2e", "?", "#", " ", "é", "記者", "~", "-", "_", "a.b", "index.html", "\\", ":", "@", "&", "'"];
  const route = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => `/${parts.join("")}`);

  it("are exactly what URL parsing makes of any route, plain or not", () => {
    fc.assert(fc.property(route, fc.constantFrom(...bases), (r, base) => {
      expect(outcome(() => absoluteUrl(r, base))).toBe(outcome(() => byParsing(r, base)));
    }), { numRuns: 3000 });
  });

  it("for the routes Dateline makes", () => {
    for (const base of bases) {
      for (const r of ["/", "/2024/12/iraq-border/", "/tags/water/page/2/", "/feed.xml", "/search/index/meta.json", "/2024/12/a..b/", "/.well-known/x", "/x/./y", "/x/../y", "/x/.."]) {
        expect(absoluteUrl(r, base), `${r} on ${base}`).toBe(byParsing(r, base));
      }
    }
  });
});
