import type { EntityType } from "../content/article.js";

export type { EntityType };

/** One entry of `entities.yml`: the canonical name and the other spellings that mean it. */
export interface RegistryEntry {
  name: string;
  type: EntityType;
  aliases?: string[];
  slug?: string;
  description?: string;
  sameAs?: string[];
}

/** What `extractEntities` returns: one value per entity, with the exact strings that named it. */
export interface ExtractedEntity {
  name: string;
  type: EntityType;
  mentions: string[];
}

/** An extracted entity with what pages need besides: where it came from and a sentence. */
export interface EntityMention extends ExtractedEntity {
  /** True when the registry (or the article's frontmatter) named it; false for a guess. */
  registered: boolean;
  /** The first sentence that mentions it, as plain text. */
  sentence: string;
}
