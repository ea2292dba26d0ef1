/**
 * Content problems are values, not exceptions: every loader and checker appends to a
 * DiagnosticBag so that one run reports every problem in every file (unified's vfile
 * messages and Astro's content errors work the same way). Only the CLI prints them.
 */
export type Severity = "error" | "warning";

export interface Diagnostic {
  /** Path as the editor knows it: relative to the working directory. */
  file: string;
  /** 1-based; 0 when the problem concerns the whole file. */
  line: number;
  /** 1-based; 0 when unknown. */
  column: number;
  /** A permanent rule id, e.g. `frontmatter/missing-title`. */
  rule: string;
  severity: Severity;
  /** What is wrong, naming the field where there is one (`tags[2]: ...`). */
  message: string;
  /** What to do about it. */
  hint?: string;
}

export interface Position {
  line: number;
  column: number;
}

export class DiagnosticBag {
  readonly #items: Diagnostic[] = [];

  add(diagnostic: Diagnostic): void {
    this.#items.push(diagnostic);
  }

  error(file: string, at: Position | undefined, rule: string, message: string, hint?: string): void {
    this.add({ file, line: at?.line ?? 0, column: at?.column ?? 0, rule, severity: "error", message, hint });
  }

  warning(file: string, at: Position | undefined, rule: string, message: string, hint?: string): void {
    this.add({ file, line: at?.line ?? 0, column: at?.column ?? 0, rule, severity: "warning", message, hint });
  }

  addAll(diagnostics: Iterable<Diagnostic>): void {
    for (const d of diagnostics) this.#items.push(d);
  }

  get hasErrors(): boolean {
    return this.#items.some((d) => d.severity === "error");
  }

  get errorCount(): number {
    return this.#items.filter((d) => d.severity === "error").length;
  }

  get warningCount(): number {
    return this.#items.filter((d) => d.severity === "warning").length;
  }

  /** Sorted by file, then position, so output is stable whatever order files were loaded in. */
  list(): Diagnostic[] {
    return [...this.#items].sort(compareDiagnostics);
  }
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  return a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0;
}

export type DiagnosticFormat = "text" | "json" | "github";
export const DIAGNOSTIC_FORMATS: readonly DiagnosticFormat[] = ["text", "json", "github"];

function location(d: Diagnostic): string {
  if (d.line > 0 && d.column > 0) return `${d.file}:${d.line}:${d.column}`;
  if (d.line > 0) return `${d.file}:${d.line}`;
  return d.file;
}

/** `path:line:col  rule  message` then an indented hint: the shape editors and terminals link. */
export function formatText(diagnostics: readonly Diagnostic[]): string {
  const lines: string[] = [];
  for (const d of diagnostics) {
    lines.push(visible(`${location(d)}  ${d.severity === "warning" ? "warning " : ""}${d.rule}  ${d.message}`));
    if (d.hint) lines.push(visible(`    hint: ${d.hint}`));
  }
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length > 0) lines.push(`${plural(errors, "error")}, ${plural(warnings, "warning")}`);
  return lines.join("\n");
}

/**
 * Messages quote article text and file names. Control characters in them (an ANSI escape
 * that clears the screen, a carriage return that overwrites the line) would let a file hide
 * or forge lines in a terminal or CI log, so they are shown as `\u001b`, `\r`, `\n`.
 */
function visible(line: string): string {
  return line.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) =>
    c === "\n" ? "\\n" : c === "\r" ? "\\r" : c === "\t" ? "\\t" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(diagnostics, null, 2);
}

/** GitHub Actions workflow commands: https://docs.github.com/actions/reference/workflow-commands */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const props = [`file=${escapeGithubProperty(d.file)}`];
      if (d.line > 0) props.push(`line=${d.line}`);
      if (d.column > 0) props.push(`col=${d.column}`);
      props.push(`title=${escapeGithubProperty(d.rule)}`);
      const text = d.hint ? `${d.message} (hint: ${d.hint})` : d.message;
      return `::${d.severity === "error" ? "error" : "warning"} ${props.join(",")}::${escapeGithubData(text)}`;
    })
    .join("\n");
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: DiagnosticFormat): string {
  switch (format) {
    case "json":
      return formatJson(diagnostics);
    case "github":
      return formatGithub(diagnostics);
    default:
      return formatText(diagnostics);
  }
}

function escapeGithubData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
