/**
 * Markdown that no article needs but that makes remark slow or crash: block quotes or lists
 * nested hundreds of levels deep. Rendering cost grows with the square of the depth (500
 * nested list levels take ~20 s, 1,000 overflow the stack), so one small hostile file could
 * stall or kill a build. Real articles nest a handful of levels; the limit is far above that.
 */
export const MAX_NESTING = 100;

export interface NestingProblem {
  /** 0-based line within the body. */
  line: number;
  depth: number;
  kind: "quote" | "list" | "quote-and-list";
}

/** The run of container markers that opens a line: `>`, list bullets, numbers, whitespace. */
const PREFIX = /^(?:[ \t]+|>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))*/;

export function findExcessiveNesting(body: string): NestingProblem | undefined {
  const lines = body.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const found = lineDepth(lines[i]!);
    if (found && found.depth > MAX_NESTING) return { line: i, ...found };
  }
  return undefined;
}

/**
 * Estimates how many containers a line opens. Quotes and list markers count one level each,
 * and indentation in front of a list marker about one level per two columns (how nested
 * lists are written). Both kinds count together: `> - > - …` nests just as deep for the
 * renderer as `>>>>`, so a limit on each kind alone would let the mix through.
 */
function lineDepth(line: string): { depth: number; kind: NestingProblem["kind"] } | undefined {
  const prefix = PREFIX.exec(line)![0];
  if (!prefix.includes(">") && !/[-+*.)]/.test(prefix)) return undefined;
  let quotes = 0;
  let markers = 0;
  let columns = 0;
  let afterMarker = false;
  for (const token of prefix.match(/[ \t]+|>|[-+*]|\d{1,9}[.)]/g) ?? []) {
    if (token === ">") {
      quotes++;
      afterMarker = true;
    } else if (/^[ \t]/.test(token)) {
      // The one space after a marker separates it from what follows; the rest is indentation.
      columns += token.replace(/\t/g, "    ").length - (afterMarker ? 1 : 0);
      afterMarker = false;
    } else {
      markers++;
      afterMarker = true;
    }
  }
  // Indentation only nests lists: a plain indented line is code or a continuation.
  const listDepth = markers === 0 ? 0 : markers - 1 + Math.floor(columns / 2);
  const depth = quotes + listDepth;
  return { depth, kind: quotes === 0 ? "list" : listDepth === 0 ? "quote" : "quote-and-list" };
}
