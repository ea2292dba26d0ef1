/**
 * Markdown that no article needs but that makes remark slow or crash: block quotes or lists
 * nested hundreds of levels deep. Rendering cost grows with the square of the depth (500
 * nested list levels take ~20 s, 1,000 overflow the stack), so one small hostile file could
 * stall or kill a build. Real articles nest a handful of levels; the limit is far above that.
 */
export const MAX_NESTING = 100;
/** Columns of indentation before a list marker: ~2 per level. */
const MAX_LIST_INDENT = MAX_NESTING * 2;

export interface NestingProblem {
  /** 0-based line within the body. */
  line: number;
  depth: number;
  kind: "quote" | "list";
}

export function findExcessiveNesting(body: string): NestingProblem | undefined {
  const lines = body.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const quotes = /^(?:[ \t]*>)+/.exec(line);
    if (quotes) {
      const depth = quotes[0].split(">").length - 1;
      if (depth > MAX_NESTING) return { line: i, depth, kind: "quote" };
    }
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, "    ").length;
    if (indent > MAX_LIST_INDENT && /^[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/.test(line)) {
      return { line: i, depth: Math.floor(indent / 2), kind: "list" };
    }
  }
  return undefined;
}
