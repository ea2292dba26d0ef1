import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import { parseFrontmatter } from "../src/content/frontmatter.js";
import { parseSimpleYaml } from "../src/content/simple-yaml.js";

/** What the real parser makes of `text`, as parseFrontmatter configures it, and each top-level key's line. */
function realYaml(text: string): { errors: number; data: unknown; keyLines: Map<string, number> } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: "core", uniqueKeys: true, prettyErrors: false, lineCounter });
  const keyLines = new Map<string, number>();
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) keyLines.set(String(pair.key.value), lineCounter.linePos(pair.key.range[0]).line);
    }
  }
  return { errors: doc.errors.length, data: doc.errors.length ? undefined : (doc.toJS({ maxAliasCount: 50 }) ?? {}), keyLines };
}

function expectSameAsYaml(text: string): boolean {
  const simple = parseSimpleYaml(text);
  if (simple === undefined) return false;
  const real = realYaml(text);
  expect(real.errors, text).toBe(0);
  // As JSON: the values are strings, booleans, null, lists and maps, and key order counts too.
  // (toStrictEqual trips over a key named "constructor".)
  expect(JSON.stringify(simple.data), text).toBe(JSON.stringify(real.data));
  expect([...simple.keyLines], text).toEqual([...real.keyLines]);
  return true;
}

const EDITORS_FRONTMATTER = [
  `title: "Veloria Sets Date for Snap General Election"
date: 2023-05-03
author: "Clara Venn"
summary: "Prime Minister Tomas Beltrane has called an early vote: 28 May."
tags: [Elections, Politics, Sample]
entities:
  people: [Tomas Beltrane, Ines Calder-Moray]
  organizations: [Veloria Electoral Commission]
  places: [Veloria, Castel Orvo]
`,
  `title: Hoga Round could country ministry, was meetings 6715
date: 2019-03-12T09:37:01Z
draft: false
tags:
  - "Trasari"
  - Rutra
authors:
- Visa Vermel
- 'Lope Ridorno'
# a comment line
entities:
  people:
    - Marmel Ormarno
  places: []
image: /media/photo.jpg
updated:
`,
];

describe("simple frontmatter", () => {
  it("reads what editors write exactly as yaml does", () => {
    for (const text of EDITORS_FRONTMATTER) expect(expectSameAsYaml(text)).toBe(true);
  });

  it("reads the bundled articles' frontmatter without the YAML parser", () => {
    for (const path of ["articles/2023/05/veloria-sets-date-for-snap-general-election.md", "articles/2024/12/iraqi-interior-ministry-reassures-public-on-border-security.md"]) {
      let text: string;
      try {
        text = readFileSync(path, "utf8");
      } catch {
        continue;
      }
      const yamlText = text.split(/^---$/m)[1]!.replace(/^\n/, "");
      expect(expectSameAsYaml(yamlText), path).toBe(true);
    }
  });

  it.each([
    ["a number", "count: 12"],
    ["a float", "ratio: 1.5"],
    ["hex", "n: 0x1F"],
    ["null", "x: ~"],
    ["an escape", 'title: "a\\"b"'],
    ["a doubled single quote", "title: 'it''s'"],
    ["a comment after a value", "title: News # draft"],
    ["a tab", "title:\tNews"],
    ["an anchor", "title: &t News"],
    ["an alias", "title: *t"],
    ["a block scalar", "summary: |\n  text"],
    ["a multi-line plain scalar", "title: News\n  continued"],
    ["a multi-line quoted scalar", 'title: "News\n  continued"'],
    ["a duplicate key", "title: A\ntitle: B"],
    ["a flow mapping", "entities: {people: [A]}"],
    ["a trailing comma", "tags: [a, b, ]"],
    ["an empty item", "tags:\n  -\n  - b"],
    ["a key that is a boolean", "true: x"],
    ["a tag", "title: !!str 12"],
    ["Windows line ends", "title: A\r\ndate: 2024-01-01\r\n"],
    ["an indented root", "  title: A"],
    ["a directive", "%YAML 1.2\n---\ntitle: A"],
    ["a lone surrogate", "title: \ud800"],
  ])("leaves %s to the YAML parser", (_name, text) => {
    expect(parseSimpleYaml(text)).toBeUndefined();
  });

  it("agrees with yaml on generated frontmatter whenever it reads it", () => {
    const tricky = fc.constantFrom(
      "Hello, world", "C#", "AT&T", "a: b", "a:b", "x #y", "x#y", "-5", "- x", "12", "1.5", "0x1F", "0o7", "1e3", ".inf", ".NaN",
      "~", "null", "Null", "NULL", "true", "False", "TRUE", "yes", "no", "2024-12-02T10:00:00+03:00", "&a", "*a", "!x",
      "|", ">", "[", "]", "{a: 1}", "@x", "%x", "`x`", "", " ", "'", '"', "\\", "it's", 'say "hi"', "a\\nb", "?", ":", ",",
      "x,y", "[a]", "a]", "#", "...", "---", "a  b", "end:",
      // Spaces YAML does not trim: only " " and tab separate and end its scalars.
      "\u00a0", "x\u00a0", "\u00a0x", "x\u3000", "\u2003", "x\u205f",
    );
    const ordinary = fc.constantFrom("News", "Ünïcödé ☃", "🗞️", "2024-12-02", "Tomas Beltrane", "Calder-Moray", "Port Marren", "O'Neil", "x.y");
    const atom = fc.oneof({ arbitrary: ordinary, weight: 4 }, { arbitrary: tricky, weight: 1 });
    const scalar = fc.oneof(
      atom,
      atom.map((s) => `"${s}"`),
      atom.map((s) => `'${s}'`),
      fc.tuple(atom, atom).map(([a, b]) => `${a} ${b}`),
    );
    const flow = fc.array(fc.oneof(scalar, atom), { maxLength: 4 }).map((items) => `[${items.join(fc.sample(fc.constantFrom(", ", ",", " , "), 1)[0])}]`);
    const key = fc.constantFrom("title", "tags", "people", "date", "a", "b", "true", "null", "x-y", "k_1", "1a", "__proto__", "constructor");
    const indent = fc.constantFrom("", "", "", "", "  ", "  ", "  ", "    ", " ", "\t", "\u00a0");
    const trailing = fc.constantFrom("", "", "", "", " ", "  ", " # c");
    const line = fc.oneof(
      fc.tuple(indent, key, fc.oneof(scalar, flow), trailing).map(([i, k, v, t]) => `${i}${k}: ${v}${t}`),
      fc.tuple(indent, key).map(([i, k]) => `${i}${k}:`),
      fc.tuple(indent, key, atom).map(([i, k, v]) => `${i}${k}:${v}`),
      fc.tuple(indent, scalar, trailing).map(([i, v, t]) => `${i}- ${v}${t}`),
      fc.tuple(indent, fc.constantFrom("# note", "#", "")).map(([i, c]) => `${i}${c}`),
      fc.tuple(indent, atom).map(([i, v]) => `${i}${v}`),
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
        expectSameAsYaml(lines.join("\n"));
      }),
      { numRuns: 3000, seed: 20261127 },
    );

    // Frontmatter-shaped documents, with an occasional odd value or line, so that most of
    // them are read by the fast path and the agreement is checked where it counts.
    const keys = fc.uniqueArray(fc.constantFrom("title", "date", "tags", "entities", "people", "places", "author", "summary", "a", "b", "x-y", "k_1", "updated"), { minLength: 1, maxLength: 6 });
    const item = fc.oneof({ arbitrary: scalar, weight: 3 }, { arbitrary: flow, weight: 1 });
    const block = (pad: string) => fc.tuple(fc.constantFrom(pad, pad + "  "), fc.array(scalar, { minLength: 1, maxLength: 3 })).map(([i, vs]) => vs.map((v) => `\n${i}- ${v}`).join(""));
    const entry = (pad: string, nested: boolean): fc.Arbitrary<(k: string) => string> =>
      fc.oneof(
        { arbitrary: item.map((v) => (k: string) => `${pad}${k}: ${v}`), weight: 4 },
        { arbitrary: block(pad).map((b) => (k: string) => `${pad}${k}:${b}`), weight: 2 },
        { arbitrary: fc.constant((k: string) => `${pad}${k}:`), weight: 1 },
        ...(nested ? [{ arbitrary: fc.tuple(keys, fc.array(entry(pad + "  ", false), { minLength: 6, maxLength: 6 })).map(([ks, es]) => (k: string) => `${pad}${k}:\n${ks.map((kk, n) => es[n]!(kk)).join("\n")}`), weight: 1 }] : []),
      );
    const doc = fc.tuple(keys, fc.array(entry("", true), { minLength: 6, maxLength: 6 }), fc.option(fc.tuple(fc.nat(8), line), { freq: 4 }))
      .map(([ks, es, odd]) => {
        const lines = ks.map((k, n) => es[n]!(k)).join("\n").split("\n");
        if (odd) lines.splice(odd[0] % (lines.length + 1), 0, odd[1]);
        return lines.join("\n");
      });
    let read = 0;
    let runs = 0;
    fc.assert(
      fc.property(doc, (text) => {
        runs++;
        if (expectSameAsYaml(text)) read++;
      }),
      { numRuns: 3000, seed: 20261127 },
    );
    // The generator must reach the fast path often, or the agreement above says little.
    expect(read / runs).toBeGreaterThan(0.1);
  });

  it("still points at the line of a wrong field when the fast path read the frontmatter", () => {
    const fm = parseFrontmatter("---\ntitle: News\ntags:\n  - a\n  - b\n\n# a comment\nsummry: typo\n---\nBody\n");
    expect(fm.problems).toEqual([]);
    expect(fm.data).toStrictEqual({ title: "News", tags: ["a", "b"], summry: "typo" });
    expect(fm.keyPosition("summry")).toEqual({ line: 8, column: 1 });
    expect(fm.keyPosition("tags")).toEqual({ line: 3, column: 1 });
    expect(fm.positionOf(["tags", 1])).toEqual({ line: 5, column: 5 });
    expect(fm.bodyLine).toBe(10);
  });
});
