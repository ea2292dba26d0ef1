import { randomBytes } from "node:crypto";

/**
 * Page views as JSON, with the parts many pages share serialized once. An article's card is
 * on about ten listings and the site header on every page, and serializing them again for
 * each page was about half of what the main thread spent turning views into the JSON pages
 * are keyed on and sent to the template threads as (render/page-keys.ts).
 *
 * A shared part is marked with `shareJson`. During `viewJson` its `toJSON` stands in a
 * placeholder string, which is then replaced by the part's JSON, made once and kept while the
 * part lives. Anywhere else (`JSON.stringify` in a template filter, say) `toJSON` returns the
 * part itself, so serialization is exactly as if it were not marked. The output is byte for
 * byte what `JSON.stringify` gives, so keys do not change.
 */
// A placeholder no view can hold by accident: a NUL and a random tag, fixed per process.
const TAG = randomBytes(8).toString("hex");
const PLACEHOLDER = new RegExp(`"\\\\u0000${TAG}:(\\d+)"`, "g");

const partJson = new WeakMap<object, string>();
/** The shared parts met by the serialization in progress, by placeholder number. */
let met: object[] | undefined;

function sharedToJson(this: object): unknown {
  if (!met) return this;
  met.push(this);
  return `\u0000${TAG}:${met.length - 1}`;
}

/** Marks `part` (plain data that nothing mutates afterwards) as serialized once by viewJson. */
export function shareJson<T extends object>(part: T): T {
  Object.defineProperty(part, "toJSON", { value: sharedToJson, enumerable: false, configurable: true });
  return part;
}

/** `JSON.stringify(value)`, with the shared parts' JSON reused. */
export function viewJson(value: unknown): string {
  const outer = met;
  const parts: object[] = [];
  met = parts;
  let json: string;
  try {
    json = JSON.stringify(value);
  } finally {
    met = outer;
  }
  return parts.length === 0 ? json : json.replace(PLACEHOLDER, (_, at: string) => jsonOfPart(parts[Number(at)]!));
}

function jsonOfPart(part: object): string {
  let json = partJson.get(part);
  if (json === undefined) {
    // A copy of its own fields, without the marker, and with any shared parts inside it spliced.
    json = viewJson(Array.isArray(part) ? part.slice() : { ...part });
    partJson.set(part, json);
  }
  return json;
}
