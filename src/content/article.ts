import type { DateValue } from "../dates.js";
import type { MediaRef, RawMediaRef } from "./media.js";
import type { EntityMention } from "../entities/types.js";

export type EntityType = "person" | "organization" | "place";
export const ENTITY_TYPES: readonly EntityType[] = ["person", "organization", "place"];
/** Frontmatter group names, in the order pages show them. */
export const ENTITY_GROUPS = { person: "people", organization: "organizations", place: "places" } as const;

export interface ImageRef {
  src: string;
  alt: string;
  caption?: string | undefined;
}

export interface Correction {
  date: DateValue;
  text: string;
}

/**
 * What the model keeps of one article: metadata only. The body is read again when its page is
 * rendered, so memory grows with the number of articles, not with their text.
 */
export interface Article {
  /** Relative to the content folder, forward slashes: stable across machines. */
  id: string;
  sourcePath: string;
  /** For diagnostics: relative to the working directory. */
  file: string;
  /** sha256 of the file's text: the cache key of everything derived from it. */
  digest: string;
  title: string;
  slug: string;
  date: DateValue;
  updated?: DateValue | undefined;
  authors: string[];
  summary?: string | undefined;
  /** The first paragraph as plain text, for listings when there is no summary. */
  excerpt: string;
  tags: string[];
  entities: Record<EntityType, string[]>;
  excludedEntities: string[];
  /**
   * Entities found in the body (registry, frontmatter and unregistered names), minus those the
   * frontmatter excludes: a pure function of the body, the frontmatter and the registry.
   */
  mentions: EntityMention[];
  image?: ImageRef | undefined;
  draft: boolean;
  canonical?: string | undefined;
  corrections: Correction[];
  redirectFrom: string[];
  /** Local files the article refers to, as found while loading. */
  mediaRefs: RawMediaRef[];
  /** The same, resolved against the files beside the article once discovery is complete. */
  media: MediaRef[];
  wordCount: number;
  /** 1-based line of the body in the file, so Markdown problems point at the right line. */
  bodyLine: number;
  /** Positions of frontmatter fields, for diagnostics raised after loading (collisions). */
  fieldLines: Record<string, number>;
  /** Digest of the fields that shape the Library (content/structure.ts). */
  structure: string;
}

/** Every field of T, the optional ones too: an object literal of this type must name them all. */
export type EveryField<T> = { [K in keyof Required<T>]: T[K] };

/**
 * The same article as one object literal, its fields in declaration order. An article that
 * arrives from a worker thread is made by structured clone, which gives each object a hidden
 * class (V8 map, descriptors and an out-of-object property array) of its own: about 1 KB per
 * article, measured in a heap snapshot (9,993 maps for 10,000 articles), 100 MB at 100,000.
 * Made by this literal, every article shares one.
 */
export function articleRecord(a: Article): Article {
  const record: EveryField<Article> = {
    id: a.id,
    sourcePath: a.sourcePath,
    file: a.file,
    digest: a.digest,
    title: a.title,
    slug: a.slug,
    date: a.date,
    updated: a.updated,
    authors: a.authors,
    summary: a.summary,
    excerpt: a.excerpt,
    tags: a.tags,
    entities: a.entities,
    excludedEntities: a.excludedEntities,
    mentions: a.mentions.map(mentionRecord),
    image: a.image,
    draft: a.draft,
    canonical: a.canonical,
    corrections: a.corrections,
    redirectFrom: a.redirectFrom,
    mediaRefs: a.mediaRefs,
    media: a.media,
    wordCount: a.wordCount,
    bodyLine: a.bodyLine,
    fieldLines: a.fieldLines,
    structure: a.structure,
  };
  return record;
}

/**
 * A mention as one literal too (a structured clone puts its fields out of the object, 40 bytes
 * more each), its type the shared constant instead of a copy per mention.
 */
function mentionRecord(m: EntityMention): EntityMention {
  const record: EveryField<EntityMention> = {
    name: m.name,
    type: ENTITY_TYPES.find((t) => t === m.type) ?? m.type,
    mentions: m.mentions,
    registered: m.registered,
    sentence: m.sentence,
  };
  return record;
}
