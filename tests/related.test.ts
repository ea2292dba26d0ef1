import { describe, expect, it } from "vitest";
import { ENTITY_TYPES } from "../src/content/article.js";
import { nameKey } from "../src/content/slug.js";
import { DiagnosticBag } from "../src/diagnostics.js";
import { buildLibrary, type Library } from "../src/model/library.js";
import { relatedArticles } from "../src/pages/related.js";
import { buildFixture } from "./helpers.js";

/** The ranking spelled out plainly: every scored article sorted, the first `count` kept. */
function reference(library: Library, index: number, count: number): number[] {
  const article = library.articles[index]!;
  const scores = new Map<number, number>();
  const addAll = (articles: readonly number[] | undefined, weight: number) => {
    if (!articles || articles.length > 5_000) return;
    for (const other of articles) if (other !== index) scores.set(other, (scores.get(other) ?? 0) + weight);
  };
  for (const type of ENTITY_TYPES) for (const name of article.entities[type]) addAll(library.entitiesByName[type].get(nameKey(name))?.articles, 2);
  for (const name of article.tags) addAll(library.tagsByName.get(nameKey(name))?.articles, 1);
  return [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, count).map(([i]) => i);
}

describe("related articles", () => {
  it("rank like a full sort on a random archive, for any count", async () => {
    // The fixture supplies a valid config; the archive itself is generated.
    const site = await buildFixture("basic");
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = (prefix: string, n: number, k: number) => [...new Set(Array.from({ length: k }, () => `${prefix}${Math.floor(rand() * rand() * n)}`))];
    const base = site.config;
    const articles = Array.from({ length: 400 }, (_, i) => ({
      id: `a${i}.md`, sourcePath: `/a${i}.md`, file: `a${i}.md`, digest: String(i), title: `A ${i}`, slug: `a-${i}`,
      date: { epochMs: Date.UTC(2020, 0, 1) + Math.floor(rand() * 1e10), offsetMinutes: 0, dateOnly: false },
      authors: [], excerpt: "", tags: pick("t", 30, 3), excludedEntities: [], draft: false, corrections: [], redirectFrom: [],
      entities: { person: pick("p", 60, 2), organization: pick("o", 20, 1), place: pick("l", 10, 1) },
      wordCount: 1, bodyLine: 1, fieldLines: {}, mediaRefs: [], media: [], mentions: [], structure: String(i),
    }));
    const library = buildLibrary(articles, base, new DiagnosticBag());
    for (const count of [0, 1, 5, 12]) {
      for (let i = 0; i < library.articles.length; i++) expect(relatedArticles(library, i, count)).toEqual(reference(library, i, count));
    }
  });
});
