import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { speedUpNunjucksFrames } from "../src/render/nunjucks-frame.js";

// Nunjucks as Eleventy loads it: the copy the workaround patches.
const require = createRequire(createRequire(import.meta.url).resolve("@11ty/eleventy"));
const nunjucks = require("nunjucks") as {
  Environment: new (loader?: unknown, options?: object) => { renderString(source: string, data: object): string };
};

/**
 * Every way a template writes a variable, each with what Nunjucks 3.2.4's own `Frame.set`
 * renders (checked by running these with the workaround switched off): loop variables, the
 * dotted `loop.*` names, `set` that writes to an outer scope, destructuring, macros.
 */
const CASES: [string, string, object][] = [
  ["{% for x in xs %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.first }}{{ loop.last }}{{ loop.length }}{{ x }};{% endfor %}",
    "1021truefalse2a;2110falsetrue2b;", { xs: ["a", "b"] }],
  ["{% for a in outer %}{% for b in a %}{{ loop.index }}/{{ b }} {% endfor %}{{ loop.index }}|{% endfor %}", "1/1 2/2 1|1/3 2|", { outer: [[1, 2], [3]] }],
  ["{% set n = 0 %}{% for i in [1, 2, 3] %}{% set n = n + i %}{% endfor %}{{ n }}", "6", {}],
  ["{% set n = 0 %}{% if true %}{% set n = 5 %}{% endif %}{{ n }}", "5", {}],
  ["{% for k, v in obj %}{{ k }}={{ v }},{% endfor %}", "a=1,b=2,", { obj: { a: 1, b: 2 } }],
  ["{% for a, b in pairs %}{{ a }}{{ b }}.{% endfor %}", "12.34.", { pairs: [[1, 2], [3, 4]] }],
  ["{% macro m(x, y=2) %}{{ x }}+{{ y }}{% endmacro %}{{ m(1) }} {{ m(3, y=4) }}", "1+2 3+4", {}],
  ["{% set x = 'outer' %}{% macro show() %}{{ x }}{% endmacro %}{% for i in [1] %}{% set x = 'inner' %}{% endfor %}{{ show() }} {{ x }}", "outer inner", {}],
  ["{% set a, b = 7 %}{{ a }}{{ b }}", "77", {}],
  ["{% for x in [] %}never{% else %}empty{% endfor %}{{ loop.index }}", "empty", {}],
];

describe("the Nunjucks frame workaround", () => {
  it("applies to the Nunjucks release Eleventy brings (if this fails after an upgrade, compare runtime.js's Frame.set with src/render/nunjucks-frame.ts)", () => {
    expect(speedUpNunjucksFrames()).toBe(true);
  });

  it.each(CASES)("renders %s as Nunjucks does", (source, expected, data) => {
    speedUpNunjucksFrames();
    const env = new nunjucks.Environment(undefined, { autoescape: true });
    expect(env.renderString(source, data)).toBe(expected);
    // Twice: the second run uses the names remembered by the first.
    expect(env.renderString(source, data)).toBe(expected);
  });
});
