import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { ENTITY_TYPES } from "../content/article.js";
import { nameKey, slugify, cleanName } from "../content/slug.js";
import { displayPath } from "../config.js";
import { DiagnosticBag, formatText, type Position } from "../diagnostics.js";
import { decodeArticle } from "../content/read.js";
import { firstLine } from "../content/yaml-errors.js";
import { DatelineError } from "../errors.js";
import { digest } from "../util/digest.js";
import type { EntityType, RegistryEntry } from "./types.js";

/**
 * The curated entity registry, `entities.yml` in the content folder: a YAML list of
 * `{name, type, aliases?, slug?, description?, sameAs?}`. Problems are diagnostics with the
 * line of the offending entry, like any article error, so one run reports them all.
 */
export const REGISTRY_FILES = ["entities.yml", "entities.yaml"] as const;
const FIELDS = ["name", "type", "aliases", "slug", "description", "sameAs"];
const EXAMPLE = "- name: Popular Mobilization Forces\n  type: organization\n  aliases: [PMF, Hashd al-Shaabi]";

export interface LoadedRegistry {
  entries: RegistryEntry[];
  /** Identifies the registry's content; see `registryDigest`. */
  digest: string;
  /** Display path of the file read, when there was one. */
  file?: string;
}

/**
 * The registry decides which entity pages exist, what they show and which words of every
 * article body become links: anything that caches entity pages or article HTML must include
 * this digest in its key, beside the article's own content digest.
 */
export function registryDigest(entries: readonly RegistryEntry[]): string {
  return digest("registry/1", JSON.stringify(entries));
}

/** Reads the registry of a content folder; a folder without one has an empty registry. */
export async function readRegistry(contentDir: string, bag: DiagnosticBag): Promise<LoadedRegistry> {
  const found: { path: string; text: string }[] = [];
  for (const name of REGISTRY_FILES) {
    const path = join(contentDir, name);
    try {
      // Decoded like an article: read as "utf8", NUL bytes and broken UTF-8 became U+FFFD and
      // then a misleading "must be a list" or "must be a mapping".
      const decoded = decodeArticle(await readFile(path));
      if (decoded.ok) found.push({ path, text: decoded.text });
      else bag.error(displayPath(path), decoded, "registry/encoding", decoded.message, "save entities.yml as UTF-8 text");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
        bag.error(displayPath(path), undefined, "registry/unreadable", `cannot read the entity registry: ${(error as Error).message}`,
          "check that the file is readable");
      }
    }
  }
  if (found.length === 0) return { entries: [], digest: registryDigest([]) };
  if (found.length > 1) {
    bag.error(displayPath(found[1]!.path), undefined, "registry/two-files", `both ${REGISTRY_FILES.join(" and ")} exist`,
      "keep one entity registry: merge the two files into entities.yml");
  }
  const file = displayPath(found[0]!.path);
  const entries = parseRegistry(found[0]!.text, file, bag);
  return { entries, digest: registryDigest(entries), file };
}

/** The public API: the entries of a registry file; throws with every problem listed. */
export async function loadRegistry(path: string): Promise<RegistryEntry[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new DatelineError(`cannot read the entity registry ${path}`, { cause: error });
  }
  const bag = new DiagnosticBag();
  const entries = parseRegistry(text, displayPath(path), bag);
  if (bag.hasErrors) {
    throw new DatelineError(`the entity registry ${path} has errors:\n${formatText(bag.list())}`, {
      hint: "fix the entries named above; each line says what is wrong and how to fix it",
    });
  }
  return entries;
}

export function parseRegistry(text: string, file: string, bag: DiagnosticBag): RegistryEntry[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, schema: "core", uniqueKeys: true });
  const at = (node: Node | null | undefined): Position => {
    const p = lines.linePos(node?.range?.[0] ?? 0);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length) {
    for (const e of doc.errors) {
      const p = lines.linePos(e.pos[0]);
      bag.error(file, { line: p.line, column: p.col }, "registry/syntax", firstLine(e.message),
        "the registry is a YAML list; check indentation, colons and quotes");
    }
    return [];
  }
  if (doc.contents === null) return [];
  if (!isSeq(doc.contents)) {
    bag.error(file, at(doc.contents as Node), "registry/not-a-list", "the registry must be a list of entities",
      `start each entity with "- ", e.g.\n${EXAMPLE}`);
    return [];
  }

  const entries: RegistryEntry[] = [];
  /** nameKey of every name and alias → where it was first given. */
  const seen = new Map<string, { entry: string; line: number }>();
  doc.contents.items.forEach((item, index) => {
    const where = `entry ${index + 1}`;
    if (!isMap(item)) {
      bag.error(file, at(item as Node), "registry/entry", `${where}: must be a mapping with name and type`, `write it as\n${EXAMPLE}`);
      return;
    }
    let ok = true;
    const fail = (node: Node | null | undefined, rule: string, message: string, hint: string) => {
      bag.error(file, at(node ?? (item as Node)), rule, message, hint);
      ok = false;
    };
    const field = (key: string) => item.items.find((p) => isScalar(p.key) && p.key.value === key);
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      if (!FIELDS.includes(key)) {
        bag.warning(file, at(pair.key as Node), "registry/unknown-field", `${where}: unknown field "${key}" is ignored`,
          `known fields: ${FIELDS.join(", ")}`);
      }
    }
    const text = (key: string, required: boolean): string | undefined => {
      const pair = field(key);
      if (!pair) {
        if (required) fail(item as Node, `registry/${key}`, `${where}: ${key} is required`, `write ${key}: on its own line in the entry`);
        return undefined;
      }
      const value = pair.value as Node | null;
      if (!isScalar(value) || typeof value.value !== "string" || cleanName(value.value) === "") {
        fail(value ?? (pair.key as Node), `registry/${key}`, `${where}: ${key} must be text`, `write ${key}: followed by the text`);
        return undefined;
      }
      return cleanName(value.value);
    };
    const list = (key: string): { value: string; node: Node }[] => {
      const pair = field(key);
      if (!pair) return [];
      const value = pair.value as Node | null;
      if (isScalar(value) && typeof value.value === "string") return [{ value: cleanName(value.value), node: value }];
      if (!isSeq(value) || value.items.some((v) => !isScalar(v) || typeof v.value !== "string" || cleanName(v.value) === "")) {
        fail(value ?? (pair.key as Node), `registry/${key === "sameAs" ? "same-as" : key}`, `${where}: ${key} must be a list of text`,
          `write ${key}: [first, second]`);
        return [];
      }
      return value.items.map((v) => ({ value: cleanName(String((v as { value: unknown }).value)), node: v as Node }));
    };

    const name = text("name", true);
    const typeText = text("type", true);
    let type: EntityType | undefined;
    if (typeText !== undefined) {
      type = normaliseType(typeText);
      if (!type) {
        fail(field("type")?.value as Node, "registry/type", `${where}: unknown type "${typeText}"`,
          `type is one of ${ENTITY_TYPES.join(", ")}`);
      }
    }
    const aliases = list("aliases");
    const slugText = text("slug", false);
    if (slugText !== undefined && slugify(slugText) !== slugText) {
      fail(field("slug")?.value as Node, "registry/slug", `${where}: slug "${slugText}" is not URL-safe`,
        slugify(slugText) ? `write slug: ${slugify(slugText)}` : "use lowercase words joined by hyphens");
    }
    if (name !== undefined && slugify(name) === "" && slugText === undefined) {
      fail(field("name")?.value as Node, "registry/name", `${where}: "${name}" has no letters or digits, so it cannot have a page`,
        "use a name made of words");
    }
    const description = text("description", false);
    const sameAs = list("sameAs");
    for (const s of sameAs) {
      if (!/^https?:\/\/[^\s]+$/.test(s.value)) {
        fail(s.node, "registry/same-as", `${where}: sameAs "${s.value}" is not an http(s) URL`,
          "give the full address of a page about the entity, e.g. https://www.wikidata.org/wiki/Q796");
      }
    }

    // A name or alias may belong to one entry only, or a mention could not be resolved.
    const label = name ?? where;
    for (const spelling of [...(name ? [{ value: name, node: field("name")!.value as Node }] : []), ...aliases]) {
      const key = nameKey(spelling.value);
      const first = seen.get(key);
      const line = at(spelling.node).line;
      if (first && first.entry !== label) {
        fail(spelling.node, "registry/duplicate", `${where}: "${spelling.value}" is already used by "${first.entry}" (line ${first.line})`,
          "a name or alias may name one entity only: remove it here or there");
      } else if (!first) seen.set(key, { entry: label, line });
    }
    if (!ok || name === undefined || type === undefined) return;
    const entry: RegistryEntry = { name, type };
    const aliasValues = aliases.map((a) => a.value).filter((a) => a !== name);
    if (aliasValues.length) entry.aliases = [...new Set(aliasValues)];
    if (slugText !== undefined) entry.slug = slugText;
    if (description !== undefined) entry.description = description;
    if (sameAs.length) entry.sameAs = sameAs.map((s) => s.value);
    entries.push(entry);
  });
  return entries;
}

/** Accepts the frontmatter group names too (`people`, `places`), which editors know. */
function normaliseType(value: string): EntityType | undefined {
  const v = value.toLowerCase();
  const map: Record<string, EntityType> = {
    person: "person", people: "person", organization: "organization", organisation: "organization", organizations: "organization",
    organisations: "organization", org: "organization", place: "place", places: "place", location: "place",
  };
  return map[v];
}
