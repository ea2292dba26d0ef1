import { z } from "zod";

/**
 * The frontmatter schema: the one definition of what an article may say about itself. Types
 * are derived from it (`Frontmatter`), so nothing untyped flows further down the pipeline.
 * Dates are validated here as strings and parsed by `dates.ts`, which knows about zones.
 */

const text = z.string().trim().min(1, { error: "must not be empty" });
const textList = z.array(text);
const url = z.string().trim().min(1, { error: "must not be empty" });

export const correctionSchema = z.strictObject({
  date: z.string(),
  text,
});

export const frontmatterSchema = z.object({
  title: text,
  date: z.string(),
  updated: z.string().optional(),
  slug: text.optional(),
  author: z.union([text, textList]).optional(),
  summary: text.optional(),
  tags: textList.optional(),
  entities: z
    .strictObject({
      people: textList.optional(),
      organizations: textList.optional(),
      places: textList.optional(),
      exclude: textList.optional(),
    })
    .optional(),
  image: z.strictObject({ src: url, alt: z.string().trim(), caption: text.optional() }).optional(),
  draft: z.boolean().optional(),
  canonical: url.optional(),
  corrections: z.array(correctionSchema).optional(),
  redirect_from: textList.optional(),
});

export type Frontmatter = z.output<typeof frontmatterSchema>;
export const KNOWN_FIELDS: readonly string[] = Object.keys(frontmatterSchema.shape);

/** How to fix each field, shown under every problem with it. */
export const FIELD_HINTS: Readonly<Record<string, string>> = {
  title: 'give the headline as text: title: "Iraq reinforces its border"',
  date: "write 2024-12-02, or a timestamp with its offset: 2024-12-02T09:30:00+03:00",
  updated: "write 2024-12-03, or a timestamp with its offset: 2024-12-03T10:00:00+03:00",
  slug: "use lowercase letters, digits and hyphens: slug: border-security-talks",
  author: 'one name (author: "Jane Doe") or a list (author: ["Jane Doe", "Ali Hassan"])',
  summary: 'one sentence as text: summary: "The ministry says the border is secure."',
  tags: "a list of names: tags: [Iraq, Border security]",
  entities:
    "a mapping with lists: entities: { people: [Muqdad Miri], organizations: [Interior Ministry], places: [Iraq] }",
  image: 'a mapping: image: { src: "photo.jpg", alt: "What the photo shows" }',
  draft: "true or false: draft: true",
  canonical: "the absolute URL of the original: canonical: https://example.org/original",
  corrections: 'a list of dated notes: corrections: [{ date: 2024-12-03, text: "An earlier version misnamed the ministry." }]',
  redirect_from: "a list of old paths: redirect_from: [/2024/12/old-slug/]",
};

export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return "nothing";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "string") return v.trim() === "" ? "empty text" : "text";
  return `the ${typeof v} ${String(v)}`;
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: "text",
  array: "a list",
  object: "a mapping",
  boolean: "true or false",
};

export interface SchemaProblem {
  path: (string | number)[];
  message: string;
  /** Set when the value itself shows the fix (a number where text belongs: quote it). */
  hint?: string;
}

/** Validates and explains every problem as `field.path: message`, one per bad field. */
export function validateFrontmatter(
  data: Record<string, unknown>,
): { ok: true; value: Frontmatter } | { ok: false; problems: SchemaProblem[] } {
  const result = frontmatterSchema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const problems: SchemaProblem[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    const actual = valueAt(data, path);
    let message: string;
    if (issue.code === "invalid_type" && actual === undefined) message = "is required";
    else if (issue.code === "invalid_type")
      message = `must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describeValue(actual)}`;
    else if (issue.code === "invalid_union" && Array.isArray(actual)) {
      // Point at the list items that are wrong rather than at the whole list.
      actual.forEach((item, i) => {
        if (typeof item !== "string" || item.trim() === "") {
          problems.push({ path: [...path, i], message: `must be text, not ${describeValue(item)}` });
        }
      });
      continue;
    } else if (issue.code === "invalid_union") message = `must be text or a list of text, not ${describeValue(actual)}`;
    else if (issue.code === "unrecognized_keys")
      message = `has unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}`;
    else message = issue.message;
    const problem: SchemaProblem = { path, message };
    // YAML reads `title: 1984` as a number and `title: yes` as text, but `title: true` as a
    // boolean: the editor meant text, so show the quoted spelling.
    if ((typeof actual === "number" || typeof actual === "boolean") && /must be text/.test(message)) {
      // A date YAML read as a number (`date: 20241202`) stays wrong in quotes: show the form.
      const dateField = path[path.length - 1] === "date" || path[0] === "updated";
      problem.hint = dateField
        ? "write the date with hyphens, 2024-12-02, or a timestamp with its offset: 2024-12-02T09:30:00+03:00"
        : `put the value in quotes so it is read as text: "${String(actual)}"`;
    }
    problems.push(problem);
  }
  return { ok: false, problems };
}

/**
 * The fields of `data` that are valid on their own, for checking their values (dates, slugs,
 * URLs) when other fields are wrong, so that one run reports every problem in a file. In a
 * list with bad items the good ones keep their places and the bad ones become holes, which
 * `forEach` skips, so a message about `corrections[2]` still says `[2]`.
 */
export function validFields(data: Record<string, unknown>): Partial<Frontmatter> {
  return validPart(frontmatterSchema, data, true) as Partial<Frontmatter>;
}

function validPart(schema: z.ZodType, value: unknown, top = false): unknown {
  const whole = schema.safeParse(value);
  if (whole.success) return whole.data;
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  if (inner instanceof z.ZodArray && Array.isArray(value)) {
    const items: unknown[] = new Array(value.length);
    value.forEach((item, i) => {
      const parsed = (inner.element as z.ZodType).safeParse(item);
      if (parsed.success) items[i] = parsed.data;
    });
    return items;
  }
  if (inner instanceof z.ZodObject && value !== null && typeof value === "object" && !Array.isArray(value)) {
    const shape = inner.shape as Record<string, z.ZodType>;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
      if (!(key in shape)) continue;
      const part = validPart(shape[key]!, field);
      if (part !== undefined) out[key] = part;
    }
    // An object missing a required part (an image without a valid src) is left out whole:
    // the checks after the schema may rely on what it requires. The frontmatter itself is
    // kept, and checked field by field.
    const complete = Object.entries(shape).every(([key, field]) => key in out || field.safeParse(undefined).success);
    return top || complete ? out : undefined;
  }
  return undefined;
}

/** With the u flag a whole pair is one code point, outside this range: only halves match. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Paths of the text values that are not well-formed Unicode. Only a YAML escape can make one
 * (the file itself is checked UTF-8); HTML would show it as �, XML feeds would drop it, and a
 * strict JSON parser would refuse the JSON Feed and the search index that carry it.
 */
export function brokenTextPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === "string") return LONE_SURROGATE.test(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => brokenTextPaths(item, [...path, i]));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => brokenTextPaths(item, [...path, key]));
  }
  return [];
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let v: unknown = data;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), "");
}

/** The closest known field name, for "did you mean" hints on typos such as `tittle`. */
export function suggestField(key: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of KNOWN_FIELDS) {
    const d = editDistance(key.toLowerCase(), known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
