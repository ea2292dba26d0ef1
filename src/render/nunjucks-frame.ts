import { createRequire } from "node:module";

/**
 * A workaround in Nunjucks, the template language Eleventy runs for us. Every `{% for %}`
 * iteration calls `Frame.set` eight times (the item, then `loop.index`, `loop.first`, …), and
 * `set` splits its dotted name on every call. Profiled over 3,000 pages of the bench corpus,
 * that split and its garbage made `set` 39 % of template time, the largest single cost of a
 * page. The names come from compiled templates, a few dozen distinct ones, so the split is
 * done once per name here. The behaviour is Nunjucks' own, line for line (3.2.4's runtime.js):
 * nested objects for dotted names, and `resolveUp` writing to the frame that already holds the
 * variable. Applied only to the Nunjucks release it was read from; another release keeps its
 * own `set`, slower but right.
 */
interface Frame {
  variables: Record<string, unknown>;
  resolve(name: string, forWrite: boolean): Frame | undefined;
  set(name: string, value: unknown, resolveUp?: boolean): void;
}

const PATCHED_RELEASE = "3.2.4";
/** Template variable names are few; a bound keeps a template that makes names on the fly harmless. */
const MAX_NAMES = 4096;

let applied: boolean | undefined;

/** Installs the faster `set` once per thread; returns whether this Nunjucks got it. */
export function speedUpNunjucksFrames(): boolean {
  if (applied !== undefined) return applied;
  // Nunjucks as Eleventy resolves it, so the patched runtime is the one that renders.
  const require = createRequire(createRequire(import.meta.url).resolve("@11ty/eleventy"));
  const version = (require("nunjucks/package.json") as { version: string }).version;
  if (version !== PATCHED_RELEASE) return (applied = false);
  const { Frame } = require("nunjucks/src/runtime.js") as { Frame: { prototype: Frame } };
  const paths = new Map<string, string[]>();
  Frame.prototype.set = function set(this: Frame, name: string, value: unknown, resolveUp?: boolean): void {
    let parts = paths.get(name);
    if (parts === undefined) {
      parts = name.split(".");
      if (paths.size < MAX_NAMES) paths.set(name, parts);
    }
    if (resolveUp) {
      const holder = this.resolve(parts[0]!, true);
      if (holder) {
        holder.set(name, value);
        return;
      }
    }
    let target = this.variables;
    for (let i = 0; i < parts.length - 1; i++) {
      const id = parts[i]!;
      if (!target[id]) target[id] = {};
      target = target[id] as Record<string, unknown>;
    }
    target[parts[parts.length - 1]!] = value;
  };
  return (applied = true);
}
