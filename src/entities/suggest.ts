import { stringify } from "yaml";
import type { Article, EntityType } from "../content/article.js";
import { nameKey } from "../content/slug.js";
import type { RegistryEntry } from "./types.js";

/**
 * `dateline entities suggest`: the names the extractor found that no registry entry and no
 * frontmatter lists, with a guessed type, how many articles mention them and one sentence, as
 * YAML an editor can check and paste into entities.yml.
 */
export interface Suggestion {
  name: string;
  type: EntityType;
  articles: number;
  /** Other spellings seen that are not part of the name (acronyms): candidate aliases. */
  aliases: string[];
  example: { file: string; sentence: string };
}

/**
 * Registry names and aliases compared as the matcher compares them (curly and straight
 * apostrophes, spacing, Unicode forms alike) and, like the registry's own duplicate check,
 * whatever the case: a name the registry already has must never come back as a suggestion,
 * which pasted into entities.yml would be a duplicate error.
 */
const registryKey = (name: string) => nameKey(name.replace(/’/g, "'"));

export function suggestEntities(articles: readonly Article[], minArticles = 1, registry: readonly RegistryEntry[] = []): Suggestion[] {
  const known = new Set(registry.flatMap((e) => [e.name, ...(e.aliases ?? [])]).map(registryKey));
  interface Draft {
    names: Map<string, number>;
    types: Record<EntityType, number>;
    files: Set<string>;
    aliases: Set<string>;
    example: { file: string; sentence: string };
  }
  const drafts = new Map<string, Draft>();
  for (const article of [...articles].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    for (const m of article.mentions) {
      // A registry name the extractor did not link here (`Paris` the city, where the registry
      // has it as someone's surname) is still the registry's: that entry is where it is decided.
      if (m.registered || known.has(registryKey(m.name))) continue;
      const key = nameKey(m.name);
      let d = drafts.get(key);
      if (!d) {
        d = { names: new Map(), types: { person: 0, organization: 0, place: 0 }, files: new Set(), aliases: new Set(), example: { file: article.file, sentence: m.sentence } };
        drafts.set(key, d);
      }
      if (d.files.has(article.file)) continue;
      d.files.add(article.file);
      d.names.set(m.name, (d.names.get(m.name) ?? 0) + 1);
      d.types[m.type]++;
      for (const s of m.mentions) if (!m.name.includes(s)) d.aliases.add(s);
    }
  }
  const out: Suggestion[] = [];
  for (const d of drafts.values()) {
    if (d.files.size < minArticles) continue;
    const name = [...d.names].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    const type = (Object.keys(d.types) as EntityType[]).sort((a, b) => d.types[b] - d.types[a])[0]!;
    out.push({ name, type, articles: d.files.size, aliases: [...d.aliases].sort(), example: d.example });
  }
  return out.sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name, "en"));
}

/** YAML ready to paste: each entry preceded by a comment saying where it was seen. */
export function formatSuggestions(suggestions: readonly Suggestion[], registryPath: string): string {
  const lines = [
    `# Names found in article bodies that no entry of ${registryPath} and no frontmatter lists.`,
    "# The type is a guess: check each entry, then paste the ones you want into the registry.",
    "# A false match in one article can be dropped with `entities: { exclude: [Name] }` in its frontmatter.",
  ];
  if (suggestions.length === 0) lines.push("# (none: every name found is already registered)");
  for (const s of suggestions) {
    const entry: RegistryEntry = { name: s.name, type: s.type };
    if (s.aliases.length) entry.aliases = s.aliases;
    const sentence = s.example.sentence.length > 160 ? `${s.example.sentence.slice(0, 157)}…` : s.example.sentence;
    lines.push("", `# ${s.articles} article${s.articles === 1 ? "" : "s"}, e.g. ${s.example.file}: ${sentence.replace(/\s+/g, " ")}`);
    lines.push(stringify([entry], { flowCollectionPadding: false }).trimEnd());
  }
  return `${lines.join("\n")}\n`;
}
