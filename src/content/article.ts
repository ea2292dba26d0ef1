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
