import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

/**
 * WCAG 2.2 AA contrast of the theme's colour pairs in both schemes, computed from site.css
 * itself. axe checks the text it finds on rendered pages; this also covers what axe cannot
 * see: hover colours, focus rings and form-control borders (non-text, 3:1).
 */
const css = readFileSync(join(ROOT, "public", "assets", "site.css"), "utf8");

function variables(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

const light = variables(/^:root\s*\{([^}]*)\}/m.exec(css)![1]!);
const dark = { ...light, ...variables(/@media \(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(css)![1]!) };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** [foreground, background, minimum ratio, where it is used] */
const PAIRS: [string, string, number, string][] = [
  ["fg", "bg", 4.5, "body text"],
  ["muted", "bg", 4.5, "dates, counts, ledes"],
  ["muted", "chip-bg", 4.5, "muted text on the no-JS notice"],
  ["fg", "chip-bg", 4.5, "notice text"],
  ["accent", "bg", 4.5, "links"],
  ["accent", "chip-bg", 4.5, "tag chips"],
  ["accent-hover", "bg", 4.5, "hovered links"],
  ["accent-hover", "chip-bg", 4.5, "hovered tag chips"],
  ["bg", "accent", 4.5, "buttons, current page number"],
  ["bg", "accent-hover", 4.5, "hovered buttons"],
  ["fg", "mark-bg", 4.5, "search matches"],
  ["focus", "bg", 3, "focus ring"],
  ["control", "bg", 3, "input and select borders"],
];

describe("colour contrast of site.css", () => {
  for (const [scheme, vars] of [["light", light], ["dark", dark]] as const) {
    it(`meets WCAG 2.2 AA in the ${scheme} scheme`, () => {
      const failures = PAIRS.flatMap(([fg, bg, min, use]) => {
        const ratio = contrast(vars[fg]!, vars[bg]!);
        return ratio >= min ? [] : [`${fg} ${vars[fg]} on ${bg} ${vars[bg]} (${use}): ${ratio.toFixed(2)} < ${min}`];
      });
      expect(failures).toEqual([]);
    });
  }

  it("reads both palettes from the stylesheet", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    for (const name of ["fg", "bg", "muted", "accent", "focus", "control", "mark-bg"]) {
      expect(light[name], name).toMatch(/^#/);
      expect(dark[name], name).not.toBe(light[name]);
    }
  });
});
