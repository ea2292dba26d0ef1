import { describe, expect, it } from "vitest";
import { buildFixture } from "./helpers.js";

describe("building the basic fixture", () => {
  it("writes every page kind and no errors", async () => {
    const site = await buildFixture("basic");
    expect(site.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(site.ok).toBe(true);
    const files = [...site.writer.files.keys()].sort();
    expect(files).toContain("index.html");
    expect(files).toContain("2023/03/alpha/index.html");
    expect(files).toContain("2024/05/delta/index.html");
    expect(files).toContain("tags/syria/index.html");
    expect(files).toContain("tags/syria/page/2/index.html");
    expect(files).toContain("people/ana-lima/index.html");
    expect(files).toContain("places/sao-paulo/index.html");
    expect(files).toContain("404.html");
    expect(files).toContain("assets/site.css");
  });
});
