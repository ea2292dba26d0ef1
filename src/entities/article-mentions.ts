import type { EntityType } from "../content/article.js";
import { nameKey } from "../content/slug.js";
import { analyseEntities } from "./extract.js";
import { compileRegistry, type CompiledRegistry } from "./matcher.js";
import type { EntityMention, RegistryEntry } from "./types.js";

/**
 * The entities of one article: its frontmatter names are matched in the body like registry
 * names (frontmatter always wins, so they come first), then `entities.exclude` drops false
 * matches by name or by mention. Cheap and pure: (body, frontmatter, registry) in, mentions out.
 */
export function articleMentions(
  body: string,
  frontmatter: Record<EntityType, string[]>,
  exclude: readonly string[],
  registry: CompiledRegistry | undefined,
): EntityMention[] {
  const own: RegistryEntry[] = [];
  for (const type of Object.keys(frontmatter) as EntityType[]) {
    for (const name of frontmatter[type]) {
      const known = registry ? resolve(registry, name) : undefined;
      if (!known || known.type !== type) own.push({ name, type });
    }
  }
  const registries = own.length ? [compileRegistry(own), ...(registry ? [registry] : [])] : registry ? [registry] : [];
  const found = analyseEntities(body, registries);
  if (exclude.length === 0) return found;
  const excluded = new Set(exclude.map(nameKey));
  return found.filter((m) => !excluded.has(nameKey(m.name)) && !m.mentions.some((s) => excluded.has(nameKey(s))));
}

const byKey = new WeakMap<CompiledRegistry, Map<string, RegistryEntry>>();

/** The registry entry a name or alias stands for, compared as names are (case and spacing folded). */
export function resolve(registry: CompiledRegistry, name: string): RegistryEntry | undefined {
  let index = byKey.get(registry);
  if (!index) {
    index = new Map();
    for (const e of registry.entries) for (const n of [e.name, ...(e.aliases ?? [])]) if (!index.has(nameKey(n))) index.set(nameKey(n), e);
    byKey.set(registry, index);
  }
  return index.get(nameKey(name));
}
