import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DiagnosticBag } from "../../src/diagnostics.js";
import { parseRegistry, registryDigest } from "../../src/entities/registry.js";
import { loadRegistry } from "../../src/index.js";
import { buildProject, FIXTURES, ROOT } from "../helpers.js";

const parse = (text: string) => {
  const bag = new DiagnosticBag();
  const entries = parseRegistry(text, "articles/entities.yml", bag);
  return { entries, diagnostics: bag.list() };
};

describe("the entity registry", () => {
  it("reads names, types, aliases, slugs, descriptions and sameAs links", () => {
    const { entries, diagnostics } = parse(
      "- name: Popular Mobilization Forces\n  type: organization\n  aliases: [PMF, Hashd al-Shaabi]\n  slug: pmf\n" +
        "  description: An umbrella of armed groups.\n  sameAs: [https://www.wikidata.org/wiki/Q19861537]\n- name: Iraq\n  type: place\n",
    );
    expect(diagnostics).toEqual([]);
    expect(entries).toEqual([
      { name: "Popular Mobilization Forces", type: "organization", aliases: ["PMF", "Hashd al-Shaabi"], slug: "pmf",
        description: "An umbrella of armed groups.", sameAs: ["https://www.wikidata.org/wiki/Q19861537"] },
      { name: "Iraq", type: "place" },
    ]);
  });

  it("reports every error of the fixture with its line and a hint", async () => {
    const site = await buildProject(join(FIXTURES, "invalid/registry-errors"));
    expect(site.ok).toBe(false);
    expect(site.files).toBe(0);
    const found = site.diagnostics.map((d) => `${d.line} ${d.severity} ${d.rule} ${d.message}`);
    expect(found).toEqual([
      '4 error registry/duplicate entry 2: "Hashd al-Shaabi" is already used by "Popular Mobilization Forces" (line 3)',
      '7 error registry/type entry 3: unknown type "militia"',
      '10 error registry/duplicate entry 4: "pmf" is already used by "Popular Mobilization Forces" (line 3)',
      '11 error registry/same-as entry 4: sameAs "wikidata Q796" is not an http(s) URL',
      "12 error registry/name entry 5: name is required",
      '15 error registry/slug entry 6: slug "Aleppo City" is not URL-safe',
      '16 warning registry/unknown-field entry 6: unknown field "colour" is ignored',
    ]);
    for (const d of site.diagnostics) {
      expect(d.file).toMatch(/entities\.yml$/);
      expect(d.hint).toBeTruthy();
    }
  });

  it("accepts British spelling and the frontmatter group names as types", () => {
    expect(parse("- name: A\n  type: organisation\n- name: B\n  type: people\n").entries.map((e) => e.type)).toEqual(["organization", "person"]);
  });

  it("reports a registry that is not a list, and YAML syntax errors, with positions", () => {
    expect(parse("name: Iraq\ntype: place\n").diagnostics.map((d) => [d.line, d.rule])).toEqual([[1, "registry/not-a-list"]]);
    const syntax = parse("- name: Iraq\n  type: [place\n").diagnostics;
    expect(syntax[0]?.rule).toBe("registry/syntax");
    expect(syntax[0]?.line).toBeGreaterThan(1);
  });

  it("loadRegistry returns the entries of a good file and throws listing the problems of a bad one", async () => {
    const entries = await loadRegistry(join(ROOT, "articles/entities.yml"));
    expect(entries.find((e) => e.name === "Popular Mobilization Forces")?.aliases).toContain("Hashd al-Shaabi");
    await expect(loadRegistry(join(FIXTURES, "invalid/registry-errors/articles/entities.yml"))).rejects.toThrow(/registry\/duplicate/);
  });

  it("has a digest that changes with its content", () => {
    const a = registryDigest([{ name: "Iraq", type: "place" }]);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(registryDigest([{ name: "Iraq", type: "place", aliases: ["IQ"] }])).not.toBe(a);
  });
});
