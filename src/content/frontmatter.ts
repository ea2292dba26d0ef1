import matter from "gray-matter";
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from "yaml";
import type { Position } from "../diagnostics.js";
import { parseSimpleYaml } from "./simple-yaml.js";
import { explainYamlErrors, fieldAt } from "./yaml-errors.js";

/**
 * The one module that knows about gray-matter and YAML. gray-matter splits the frontmatter
 * block from the body; the `yaml` package parses it because it keeps source positions, so every
 * diagnostic can point at the line and column of the offending field. The core schema is used:
 * dates stay strings (YAML 1.1 timestamps would silently drop the offset the editor wrote).
 * Plain frontmatter is read by simple-yaml.ts, which gives the same fields or defers to `yaml`.
 */
export interface FrontmatterProblem {
  rule: string;
  message: string;
  hint: string;
  at: Position;
}

export interface ParsedFrontmatter {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
  /** Position of a field's value (`["entities", "people", 2]`), or of the nearest parent found. */
  positionOf(path: readonly (string | number)[]): Position;
  /** Position of a mapping key, for problems with the key itself. */
  keyPosition(key: string): Position;
  problems: FrontmatterProblem[];
}

const FIRST_LINE: Position = { line: 1, column: 1 };
const DELIMITER = /^---[ \t]*$/m;

/**
 * The body alone, exactly as parseFrontmatter gives it, without parsing the YAML (which is
 * most of parseFrontmatter's cost): for rereading a file that was already validated.
 */
export function frontmatterBody(text: string): string {
  if (!text.startsWith("---") || findClosingDelimiter(text) === -1) return text;
  return matter(text, { engines: { yaml: () => ({}) } }).content;
}

export function parseFrontmatter(text: string): ParsedFrontmatter {
  const noFields = (problems: FrontmatterProblem[], body = text, bodyLine = 1): ParsedFrontmatter => ({
    data: {},
    body,
    bodyLine,
    positionOf: () => FIRST_LINE,
    keyPosition: () => FIRST_LINE,
    problems,
  });

  if (!text.startsWith("---")) {
    return noFields([
      {
        rule: "frontmatter/missing",
        message: "the file has no frontmatter block",
        hint: 'start the file with a block like ---\\ntitle: "Headline"\\ndate: 2024-12-02\\n---',
        at: FIRST_LINE,
      },
    ]);
  }
  const firstLine = text.slice(0, (text.indexOf("\n") + 1 || text.length + 1) - 1);
  if (!/^---[ \t]*$/.test(firstLine)) {
    // `---json`, `---js` (gray-matter's other languages) or `----`: not a YAML block. Called
    // "never closed" before, which sent the editor looking at the wrong line.
    return noFields([
      {
        rule: "frontmatter/delimiter",
        message: `the frontmatter must open with a line of only ---, not "${firstLine.slice(0, 40)}"`,
        hint: "frontmatter is YAML between two lines of exactly ---",
        at: FIRST_LINE,
      },
    ]);
  }
  const closing = findClosingDelimiter(text);
  if (closing === -1) {
    return noFields([
      {
        rule: "frontmatter/unclosed",
        message: "the frontmatter block is never closed",
        hint: "add a line with only --- after the last frontmatter field",
        at: FIRST_LINE,
      },
    ]);
  }

  // An options object matters: without one gray-matter caches every input string forever.
  const file = matter(text, { engines: { yaml: () => ({}) } });
  const yamlText = file.matter.replace(/^\n/, "");
  const body = file.content;
  const bodyOffset = text.length - body.length;
  const bodyLine = countLines(text, bodyOffset);
  // The YAML text starts on line 2, after the opening ---.
  const yamlLineOffset = 1;

  const parse = () => {
    const lineCounter = new LineCounter();
    const doc = parseDocument(yamlText, { schema: "core", lineCounter, uniqueKeys: true, prettyErrors: false });
    const toPosition = (offset: number): Position => {
      const p = lineCounter.linePos(offset);
      return { line: p.line + yamlLineOffset, column: p.col };
    };
    return { doc, toPosition };
  };

  // Frontmatter as editors write it gives the same fields without the YAML parser; positions
  // inside values are asked for only when a field is wrong, and then the real parse finds them.
  const simple = parseSimpleYaml(yamlText);
  if (simple !== undefined) {
    let parsed: ReturnType<typeof parse> | undefined;
    const full = () => (parsed ??= parse());
    return {
      data: simple.data,
      body,
      bodyLine,
      positionOf: (path) => nodePosition(full().doc, path, full().toPosition) ?? { line: 2, column: 1 },
      // Every article records where its main fields are (for collisions found later): the
      // reader knows those lines, and a top-level key always starts its line.
      keyPosition: (key) => {
        const line = simple.keyLines.get(key);
        return line === undefined ? { line: 2, column: 1 } : { line: line + yamlLineOffset, column: 1 };
      },
      problems: [],
    };
  }

  const { doc, toPosition } = parse();

  const problems: FrontmatterProblem[] = explainYamlErrors(doc, doc.errors, toPosition);

  let data: Record<string, unknown> = {};
  if (problems.length === 0) {
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 50 });
    } catch (error) {
      // Aliases (`*name`) that point nowhere or expand without end only fail here.
      const offset = firstAliasOffset(doc);
      const field = offset === undefined ? undefined : fieldAt(doc, offset);
      problems.push({
        rule: "frontmatter/yaml",
        message: `${field ? `${field}: ` : ""}invalid YAML: ${(error as Error).message}`,
        hint: "a value starting with * or & is a YAML alias or anchor: put the value in quotes",
        at: offset === undefined ? { line: 2, column: 1 } : toPosition(offset),
      });
    }
    if (problems.length > 0) data = {};
    else if (value === null || value === undefined) data = {};
    else if (typeof value === "object" && !Array.isArray(value)) data = value as Record<string, unknown>;
    else {
      problems.push({
        rule: "frontmatter/not-a-mapping",
        message: "the frontmatter must be a list of `key: value` fields",
        hint: 'write one field per line, e.g. title: "Headline"',
        at: { line: 2, column: 1 },
      });
    }
  }

  return {
    data,
    body,
    bodyLine,
    positionOf: (path) => nodePosition(doc, path, toPosition) ?? { line: 2, column: 1 },
    keyPosition: (key) => keyPositionOf(doc, key, toPosition) ?? { line: 2, column: 1 },
    problems,
  };
}

function firstAliasOffset(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (node.range && offset === undefined) offset = node.range[0];
    },
  });
  return offset;
}

function findClosingDelimiter(text: string): number {
  const firstNewline = text.indexOf("\n");
  if (firstNewline === -1) return -1;
  if (!/^---[ \t]*$/.test(text.slice(0, firstNewline))) return -1;
  const rest = text.slice(firstNewline + 1);
  const m = DELIMITER.exec(rest);
  return m ? firstNewline + 1 + m.index : -1;
}

function nodePosition(
  doc: Document,
  path: readonly (string | number)[],
  toPosition: (offset: number) => Position,
): Position | undefined {
  let node: unknown = doc.contents;
  let best: Position | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === segment);
      if (!pair) break;
      const keyRange = (pair.key as Node).range;
      if (keyRange) best = toPosition(keyRange[0]);
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      node = node.items[segment];
    } else break;
    const range = (node as Node | null)?.range;
    if (range) best = toPosition(range[0]);
  }
  return best;
}

function keyPositionOf(doc: Document, key: string, toPosition: (offset: number) => Position): Position | undefined {
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === key);
  const range = (pair?.key as Node | undefined)?.range;
  return range ? toPosition(range[0]) : undefined;
}

function countLines(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
