/**
 * Frontmatter as editors write it, read without a YAML parser: `key: value` lines, quoted or
 * plain strings, `true`/`false`, `[a, "b"]` lists, `- item` lists and one or two levels of
 * nested keys (`entities:` / `  people: [...]`). The `yaml` package's parse was the largest
 * single cost of loading an article (about 0.19 ms, a sixth of it, on the bench corpus; this
 * reader takes 0.015 ms), for text that almost always looks like this.
 *
 * The rule is: give exactly what `yaml` (core schema, unique keys) gives, or give up. Anything
 * outside this subset, and anything whose meaning could differ by a hair (numbers, nulls,
 * escapes, anchors, tags, comments after values, tabs, multi-line scalars, duplicate keys),
 * returns undefined and the real parser reads it, with its errors and positions.
 * tests/simple-yaml.test.ts checks the two agree on generated frontmatter.
 */
export type SimpleValue = string | boolean | SimpleValue[] | { [key: string]: SimpleValue | null };

/** Characters YAML refuses, treats specially, or that only the real parser should judge. */
const UNUSUAL = /[\t\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/;
const KEY_LINE = /^([A-Za-z][A-Za-z0-9_-]{0,63}):(?: +(.*))?$/;
/** Plain scalars the core schema reads as something other than a string (yaml's own tests). */
const NOT_A_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];
const BOOLEAN = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
/** Characters that may not start a plain scalar, or that this reader leaves to `yaml`. */
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
const MAX_DEPTH = 3;

class GiveUp extends Error {}

export interface SimpleYaml {
  data: Record<string, SimpleValue | null>;
  /** 1-based line of each top-level key in the text (each starts its line). */
  keyLines: Map<string, number>;
}

/** The frontmatter's fields, or undefined when the text needs the real YAML parser. */
export function parseSimpleYaml(text: string): SimpleYaml | undefined {
  if (UNUSUAL.test(text)) return undefined;
  const lines: string[] = [];
  const numbers: number[] = [];
  text.split("\n").forEach((line, i) => {
    if (isBlankOrComment(line)) return;
    lines.push(line);
    numbers.push(i + 1);
  });
  try {
    const reader: Reader = { lines, next: 0, keyLines: new Map(), numbers };
    const data = readMapping(reader, 0, 1);
    return reader.next === lines.length ? { data, keyLines: reader.keyLines } : undefined;
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    throw error;
  }
}

interface Reader {
  lines: string[];
  /** Each line's number in the text (blank and comment lines are not in `lines`). */
  numbers: number[];
  next: number;
  keyLines: Map<string, number>;
}

function isBlankOrComment(line: string): boolean {
  const first = line.charCodeAt(indentOf(line));
  return Number.isNaN(first) || first === 35; // nothing but spaces, or `#`
}

/**
 * Only the space separates and ends YAML's scalars here (tabs never reach this reader):
 * String#trim would also take a no-break or ideographic space that `yaml` keeps.
 */
function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  return text.slice(start, end);
}

function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return i;
}

function readMapping(reader: Reader, indent: number, depth: number): Record<string, SimpleValue | null> {
  const map: Record<string, SimpleValue | null> = {};
  while (reader.next < reader.lines.length) {
    const line = reader.lines[reader.next]!;
    const lineIndent = indentOf(line);
    if (lineIndent < indent) break;
    if (lineIndent > indent) throw new GiveUp();
    const match = KEY_LINE.exec(line.slice(indent));
    if (!match) throw new GiveUp();
    const key = match[1]!;
    if (BOOLEAN.test(key) || NOT_A_STRING[0]!.test(key) || Object.prototype.hasOwnProperty.call(map, key)) throw new GiveUp();
    if (depth === 1) reader.keyLines.set(key, reader.numbers[reader.next]!);
    reader.next++;
    const inline = trimSpaces(match[2] ?? "");
    map[key] = inline === "" ? readNested(reader, indent, depth) : readInline(inline);
  }
  return map;
}

/** What follows `key:` on the next lines: a list, deeper keys, or nothing (null). */
function readNested(reader: Reader, indent: number, depth: number): SimpleValue | null {
  const line = reader.lines[reader.next];
  if (line === undefined) return null;
  const childIndent = indentOf(line);
  const isItem = line.startsWith("- ", childIndent) || line.length === childIndent + 1 && line.endsWith("-");
  // A list may sit at its key's own indentation; deeper keys must be indented.
  if (isItem && childIndent >= indent) return readSequence(reader, childIndent);
  if (childIndent <= indent) return null;
  if (depth >= MAX_DEPTH) throw new GiveUp();
  return readMapping(reader, childIndent, depth + 1);
}

function readSequence(reader: Reader, indent: number): SimpleValue[] {
  const items: SimpleValue[] = [];
  while (reader.next < reader.lines.length) {
    const line = reader.lines[reader.next]!;
    if (indentOf(line) !== indent || !line.startsWith("-", indent)) break;
    if (!line.startsWith("- ", indent)) throw new GiveUp();
    const value = trimSpaces(line.slice(indent + 2));
    if (value === "") throw new GiveUp();
    items.push(readInline(value));
    reader.next++;
  }
  return items;
}

/** A value on the key's own line: a quoted string, a `[...]` list or a plain scalar. */
function readInline(text: string): SimpleValue {
  const first = text[0];
  if (first === '"' || first === "'") {
    const end = quotedEnd(text, 0);
    if (end !== text.length - 1) throw new GiveUp();
    return text.slice(1, -1);
  }
  if (first === "[") return readFlowSequence(text);
  return plainScalar(text, false);
}

/** Index of the closing quote of the string opening at `start`; gives up on escapes. */
function quotedEnd(text: string, start: number): number {
  const quote = text[start]!;
  const end = text.indexOf(quote, start + 1);
  if (end === -1) throw new GiveUp();
  // `\` escapes in "…"; `''` is a quote in '…'. Either is left to the real parser. (Looked
  // for in this string only: a search back from `end` crossed every earlier item of a list.)
  if (quote === '"' && text.slice(start + 1, end).includes("\\")) throw new GiveUp();
  if (quote === "'" && text[end + 1] === "'") throw new GiveUp();
  return end;
}

function readFlowSequence(text: string): SimpleValue[] {
  if (!text.endsWith("]")) throw new GiveUp();
  const items: SimpleValue[] = [];
  const inner = text.slice(1, -1);
  let i = 0;
  const skipSpaces = () => {
    while (inner[i] === " ") i++;
  };
  skipSpaces();
  if (i === inner.length) return items;
  for (;;) {
    skipSpaces();
    const first = inner[i];
    if (first === '"' || first === "'") {
      const end = quotedEnd(inner, i);
      items.push(inner.slice(i + 1, end));
      i = end + 1;
    } else {
      let end = inner.indexOf(",", i);
      if (end === -1) end = inner.length;
      items.push(plainScalar(trimSpaces(inner.slice(i, end)), true));
      i = end;
    }
    skipSpaces();
    if (i === inner.length) return items;
    if (inner[i] !== ",") throw new GiveUp();
    i++;
    skipSpaces();
    // A trailing comma, or an empty item: left to the real parser.
    if (i === inner.length || inner[i] === ",") throw new GiveUp();
  }
}

function plainScalar(text: string, inFlow: boolean): SimpleValue {
  if (text === "" || INDICATOR_START.test(text) || text.endsWith(":") || text.includes(": ") || text.includes(" #")) throw new GiveUp();
  if (/[[\]{}]/.test(text) || (inFlow && /[,:#]/.test(text))) throw new GiveUp();
  if (BOOLEAN.test(text)) return text[0] === "t" || text[0] === "T";
  for (const pattern of NOT_A_STRING) if (pattern.test(text)) throw new GiveUp();
  return text;
}
