import { ENTITY_TYPES, type EntityType } from "../content/article.js";
import { nameKey, slugify } from "../content/slug.js";
import type { DiagnosticBag } from "../diagnostics.js";
import type { RegistryEntry } from "../entities/types.js";
import type { PublishedArticle } from "./library.js";
import { routes } from "./routes.js";

/**
 * Entity terms of the Library. An article is listed under an entity when its frontmatter names
 * it (always), when its body mentions a registry name or alias, or, with `publishCandidates`,
 * when an unregistered name is found in at least `minArticles` articles. Names are made
 * canonical through the registry, so `PMF` and `Hashd al-Shaabi` land on one page.
 */
export interface EntityTerm {
  type: EntityType;
  name: string;
  slug: string;
  url: string;
  /** Indexes into Library.articles, newest first. */
  articles: number[];
  /** The sentence that mentions the entity in each of `articles` ("" when only frontmatter names it). */
  contexts: string[];
  /** Mentions per year of publication, for the chart. */
  perYear: Map<number, number>;
  entry?: RegistryEntry;
}

/** What an article page links: the strings naming each entity, first mention first. */
export interface ArticleEntityLink {
  term: EntityTerm;
  mentions: string[];
  /** Position in the article's `mentions` of the entity the body's marker stands for. */
  mention?: number;
}

export interface EntityOptions {
  registry: readonly RegistryEntry[];
  registryFile?: string;
  publishCandidates: boolean;
  minArticles: number;
}

export interface EntityIndex {
  entities: Record<EntityType, EntityTerm[]>;
  /** nameKey of names and aliases → term. */
  byName: Record<EntityType, Map<string, EntityTerm>>;
  /** Per article (same order as Library.articles): its entities and the strings to link. */
  perArticle: ArticleEntityLink[][];
}

interface Found {
  type: EntityType;
  name: string;
  mentions: string[];
  sentence: string;
  entry?: RegistryEntry;
  mention?: number;
}

export function collectEntities(articles: PublishedArticle[], options: EntityOptions, bag: DiagnosticBag): EntityIndex {
  // Keyed per type by nameKey, whose memo returns the same string for the same name: a
  // lookup then hashes nothing new, where a "type\0key" string made per mention cost more
  // than the rest of indexing (a quarter of a second per 10,000 articles).
  const registryByKey = perType<RegistryEntry>();
  for (const e of options.registry) for (const n of [e.name, ...(e.aliases ?? [])]) registryByKey[e.type].set(nameKey(n), e);
  const canonical = (type: EntityType, name: string): { name: string; entry?: RegistryEntry } => {
    const entry = registryByKey[type].get(nameKey(name));
    return entry ? { name: entry.name, entry } : { name };
  };

  // Unregistered names are published only once enough articles mention them.
  const candidateCounts = perType<number>();
  if (options.publishCandidates) {
    for (const a of articles) {
      const counted = perType<true>();
      for (const m of a.mentions) {
        if (m.registered) continue;
        const key = nameKey(m.name);
        if (counted[m.type].has(key)) continue;
        counted[m.type].set(key, true);
        candidateCounts[m.type].set(key, (candidateCounts[m.type].get(key) ?? 0) + 1);
      }
    }
  }

  const terms = perType<EntityTerm & { firstFile: string }>();
  const perArticle: ArticleEntityLink[][] = [];
  articles.forEach((article, index) => {
    const found: Found[] = [];
    const foundKeys = perType<true>();
    const excluded = new Set(article.excludedEntities.map(nameKey));
    article.mentions.forEach((m, mention) => {
      const key = nameKey(m.name);
      if (!m.registered && (candidateCounts[m.type].get(key) ?? 0) < options.minArticles) return;
      const entry = registryByKey[m.type].get(key);
      const name = entry ? entry.name : m.name;
      found.push(entry ? { type: m.type, name, mentions: m.mentions, sentence: m.sentence, entry, mention } : { type: m.type, name, mentions: m.mentions, sentence: m.sentence, mention });
      foundKeys[m.type].set(nameKey(name), true);
    });
    // Frontmatter names always count, even when the body never spells them out.
    const fromFrontmatter = perType<true>();
    for (const type of ENTITY_TYPES) {
      for (const name of article.entities[type]) {
        const c = canonical(type, name);
        fromFrontmatter[type].set(c.name, true);
        const key = nameKey(c.name);
        if (!foundKeys[type].has(key)) {
          found.push({ type, mentions: [], sentence: "", ...c });
          foundKeys[type].set(key, true);
        }
      }
    }
    const links: ArticleEntityLink[] = [];
    const names: Record<EntityType, string[]> = { person: [], organization: [], place: [] };
    for (const f of found) {
      const named = fromFrontmatter[f.type].has(f.name);
      if (!named && excluded.size > 0 && (excluded.has(nameKey(f.name)) || f.mentions.some((m) => excluded.has(nameKey(m))))) continue;
      const key = nameKey(f.name);
      let term = terms[f.type].get(key);
      if (!term) {
        const slug = f.entry?.slug ?? slugify(f.name);
        term = { type: f.type, name: f.name, slug, url: routes.entity(f.type, slug), articles: [], contexts: [], perYear: new Map(), firstFile: article.file };
        if (f.entry) term.entry = f.entry;
        terms[f.type].set(key, term);
      }
      if (term.articles[term.articles.length - 1] === index) continue;
      term.articles.push(index);
      term.contexts.push(f.sentence);
      term.perYear.set(article.year, (term.perYear.get(article.year) ?? 0) + 1);
      links.push(f.mention === undefined ? { term, mentions: f.mentions } : { term, mentions: f.mentions, mention: f.mention });
      names[f.type].push(f.name);
    }
    // Related articles and the article's own entity list follow the canonical names. Copied
    // with slice: an array filled by push keeps room for ~16 more items (~120 bytes), and
    // these four stay for the whole build, for every article.
    article.entities = { person: names.person.slice(), organization: names.organization.slice(), place: names.place.slice() };
    perArticle.push(links.slice());
  });

  const entities = { person: [], organization: [], place: [] } as Record<EntityType, EntityTerm[]>;
  const byName = { person: new Map(), organization: new Map(), place: new Map() } as Record<EntityType, Map<string, EntityTerm>>;
  const bySlug = new Map<string, (EntityTerm & { firstFile: string })[]>();
  for (const term of ENTITY_TYPES.flatMap((type) => [...terms[type].values()])) {
    entities[term.type].push(term);
    byName[term.type].set(nameKey(term.name), term);
    for (const alias of term.entry?.aliases ?? []) if (!byName[term.type].has(nameKey(alias))) byName[term.type].set(nameKey(alias), term);
    const k = `${term.type}\0${term.slug}`;
    bySlug.set(k, [...(bySlug.get(k) ?? []), term]);
  }
  for (const group of bySlug.values()) {
    if (group.length < 2) continue;
    const described = group.map((t) => `"${t.name}" (in ${t.firstFile})`).join(" and ");
    const files = new Set<string>();
    for (const t of group) {
      const file = t.entry && options.registryFile ? options.registryFile : t.firstFile;
      if (files.has(file)) continue; // one report per file, however many of the names it holds
      files.add(file);
      bag.error(file, undefined, `collision/${t.type}`,
        `the ${t.type} names ${described} would share the page ${t.url}`,
        "add one of them to entities.yml with a slug of its own, or as an alias of the other");
    }
  }
  const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
  for (const type of ENTITY_TYPES) entities[type].sort((a, b) => collator.compare(a.name, b.name) || (a.slug < b.slug ? -1 : 1));
  return { entities, byName, perArticle };
}

function perType<T>(): Record<EntityType, Map<string, T>> {
  return { person: new Map(), organization: new Map(), place: new Map() };
}
