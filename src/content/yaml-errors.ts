import { isMap, isPair, isScalar, visit, type Document, type Node, type YAMLError } from "yaml";
import type { Position } from "../diagnostics.js";

/**
 * Turns the `yaml` package's parse errors into problems an editor can act on. The parser's
 * own wording ("A block sequence may not be used as an implicit map key") describes its state,
 * not the mistake, and one slip often produces several errors on the same line. So: one
 * problem per line, the field it belongs to named in the message, the position moved to where
 * the mistake was made (the opening quote, not the end of the file an unclosed quote swallowed),
 * and a hint chosen by what went wrong.
 */
export interface YamlProblem {
  rule: string;
  message: string;
  hint: string;
  at: Position;
}

export function explainYamlErrors(
  doc: Document,
  errors: readonly YAMLError[],
  toPosition: (offset: number) => Position,
): YamlProblem[] {
  const problems: YamlProblem[] = [];
  const seenLines = new Set<number>();
  for (const error of errors) {
    let offset = mistakeOffset(doc, error);
    // Where the parser ran out of stack depends on the stack size: the field is what to fix.
    if (firstLine(error.message) === TOO_DEEP) offset = fieldKeyAt(doc, offset)?.start ?? offset;
    const at = toPosition(offset);
    if (seenLines.has(at.line)) continue;
    seenLines.add(at.line);
    const field = fieldAt(doc, offset);
    const unclosed = error.code === "MISSING_CHAR" && /quote/i.test(error.message);
    const what = unclosed ? "this quoted value is never closed" : firstLine(error.message);
    problems.push({
      rule: error.code === "DUPLICATE_KEY" ? "frontmatter/duplicate-key" : "frontmatter/yaml",
      message: `${field ? `${field}: ` : ""}invalid YAML: ${what}`,
      hint: yamlHint(error.code, what),
      at,
    });
  }
  return problems;
}

/** An unclosed quote is reported where the text ran out; the editor needs the opening quote. */
function mistakeOffset(doc: Document, error: YAMLError): number {
  const offset = error.pos[0];
  if (error.code !== "MISSING_CHAR" || !/quote/i.test(error.message)) return offset;
  let start = offset;
  visit(doc, {
    Scalar(_key, node) {
      const range = node.range;
      if (!range || (node.type !== "QUOTE_DOUBLE" && node.type !== "QUOTE_SINGLE")) return;
      if (range[0] <= offset && range[1] >= offset && range[0] < start) start = range[0];
    },
  });
  return start;
}

/** The top-level field whose key comes last before `offset`: the field the broken line is in. */
export function fieldAt(doc: Document, offset: number): string | undefined {
  return fieldKeyAt(doc, offset)?.name;
}

function fieldKeyAt(doc: Document, offset: number): { name: string; start: number } | undefined {
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  let best: { name: string; start: number } | undefined;
  for (const pair of root.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const start = (pair.key as Node).range?.[0];
    if (start === undefined || start > offset) continue;
    if (!best || start > best.start) best = { name: String(pair.key.value), start };
  }
  return best;
}

/** The parser's message, first line only; its stack overflow on brackets nested thousands deep is named for what it is. */
export function firstLine(s: string): string {
  if (/Maximum call stack size exceeded/.test(s)) return TOO_DEEP;
  return (s.split("\n")[0] ?? s).replace(/ at line \d+, column \d+:?$/, "");
}

const TOO_DEEP = "lists or mappings are nested too deeply to read";

function yamlHint(code: string, message: string): string {
  switch (code) {
    case "TAB_AS_INDENT":
      return "indent YAML with spaces, never tabs";
    case "DUPLICATE_KEY":
      return "each field may appear once; merge the two values or delete one";
    case "MISSING_CHAR":
      return /quote/i.test(message)
        ? 'check the quotes on this line: a value that starts with " must end with " (write \\" for a quote inside it)'
        : "put a colon and a space after each field name (title: Headline); check the indentation of this line";
    case "BAD_DQ_ESCAPE":
      return 'inside "double quotes" a backslash starts an escape: write \\\\ for a backslash, or use single quotes';
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      return /nested mappings|compact/i.test(message)
        ? "a value containing ': ' must be quoted: title: \"Talks: day two\""
        : "line this up with the lines around it: fields start at the left margin, list items under a field are indented by the same two spaces";
    case "BAD_INDENT":
    case "BAD_INDENTATION":
      return "line the field up with the fields around it; list items under a key are indented by two spaces";
    default:
      if (message === TOO_DEEP) return "frontmatter holds text, lists of text and a few small mappings: remove the nested [ or { brackets";
      return 'quote values that contain ":" or "#", and indent with spaces';
  }
}
