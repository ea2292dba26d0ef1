/**
 * Misuse of the API or the CLI throws at once with the fix in the message (the
 * unified convention); content problems never throw, they become Diagnostics.
 */
export class DatelineError extends Error {
  override readonly name: string = "DatelineError";
  readonly hint: string | undefined;
  constructor(message: string, options?: { cause?: unknown; hint?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options?.hint;
  }
}

/** Wrong command-line usage: exit code 2. */
export class UsageError extends DatelineError {
  override readonly name = "UsageError";
}

/** The build stopped because content has errors; the diagnostics say which. Exit code 1. */
export class ContentError extends DatelineError {
  override readonly name = "ContentError";
}

/** Renders `message` and the chain of causes once, without stack traces unless verbose. */
export function describeError(error: unknown, verbose = false): string {
  const lines: string[] = [];
  const hints: string[] = [];
  let current: unknown = error;
  const seen = new Set<unknown>();
  while (current !== undefined && current !== null && !seen.has(current)) {
    seen.add(current);
    const prefix = lines.length === 0 ? "" : "  caused by: ";
    if (current instanceof Error) {
      lines.push(prefix + (verbose && current.stack ? current.stack : current.message));
      if (current instanceof DatelineError && current.hint) hints.push(current.hint);
      current = (current as { cause?: unknown }).cause;
    } else {
      lines.push(prefix + String(current));
      break;
    }
  }
  return [...lines, ...hints.map((h) => `hint: ${h}`)].join("\n");
}
