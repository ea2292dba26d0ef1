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

/**
 * Inline markup has the same problem in another shape: the Markdown parser matches each
 * closing `*`, `_`, `~` or `]` against every opener still waiting in the same paragraph, so
 * the cost grows with the square (or worse) of their number. 4,000 `_a ` … `a_ ` in 24 KB take
 * over a minute; `[` nested 50,000 deep as long; `*a **` repeated overflows the stack. Real
 * paragraphs hold a few dozen such runs and nest brackets two or three deep.
 */
export const MAX_EMPHASIS_RUNS = 500;
export const MAX_BRACKET_DEPTH = 100;
/**
 * GFM's footnote calls look back, at every `]`, through the paragraph's parsed text for an
 * opening: 15,000 `]` without one take 2 s and 50,000 take 18 s. A paragraph of a hundred
 * links has a hundred.
 */
export const MAX_CLOSING_BRACKETS = 2000;

export interface InlineProblem {
  /** 0-based line within the body where the paragraph (or list item, cell row…) starts. */
  line: number;
  kind: "emphasis" | "brackets" | "closing-brackets";
  count: number;
}

/** A line that starts a new block, and so a new run of inline text for the parser. */
const BLOCK_START = /^\s*(?:$|[>#|]|(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$))/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

export function findInlineOverload(body: string): InlineProblem | undefined {
  let start = 0;
  let runs = 0;
  let depth = 0;
  let deepest = 0;
  let closers = 0;
  let fence: string | undefined;
  const lines = body.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const fenceMatch = FENCE.exec(raw);
    if (fenceMatch || fence) {
      if (fenceMatch && !fence) fence = fenceMatch[1]![0];
      else if (fenceMatch && fenceMatch[1]![0] === fence) fence = undefined;
      start = i + 1;
      runs = depth = deepest = closers = 0;
      continue;
    }
    if (BLOCK_START.test(raw)) {
      start = raw.trim() === "" ? i + 1 : i;
      runs = depth = deepest = closers = 0;
    }
    // Code spans are literal text: their asterisks and brackets are not markup.
    const line = raw.replace(/`+[^`]*`+/g, "");
    runs += line.match(/[*_~]+/g)?.length ?? 0;
    for (const c of line.match(/[[\]]/g) ?? []) {
      depth = c === "[" ? depth + 1 : Math.max(0, depth - 1);
      if (depth > deepest) deepest = depth;
      if (c === "]") closers++;
    }
    if (runs > MAX_EMPHASIS_RUNS) return { line: start, kind: "emphasis", count: runs };
    if (deepest > MAX_BRACKET_DEPTH) return { line: start, kind: "brackets", count: deepest };
    if (closers > MAX_CLOSING_BRACKETS) return { line: start, kind: "closing-brackets", count: closers };
  }
  return undefined;
}
