import { describe, expect, it } from "vitest";
import { entityMarkers, resolveEntityMarkers } from "../src/content/entity-markers.js";
import { renderMarkdown } from "../src/content/markdown.js";

/**
 * Bodies are rendered with entity markers where their articles are loaded, and the markers
 * become links when pages are rendered. The result must be what rendering with the links
 * directly gives, for any text.
 */
const digest = "3f5a9c0e1b2d4f6a8c0e1b2d4f6a8c0e1b2d4f6a8c0e1b2d4f6a8c0e1b2d4f6a";
const article = (mentions: string[][]) => ({ digest, mentions: mentions.map((m) => ({ mentions: m })) });

async function viaMarkers(text: string, mentions: string[][], hrefOf: (i: number) => string | undefined) {
  const rendered = await renderMarkdown(text, { entityLinks: entityMarkers(article(mentions)) });
  return resolveEntityMarkers(rendered.html, digest, hrefOf);
}

describe("entity markers", () => {
  const text = [
    "# Talks & *tensions*",
    "",
    "Muqdad Miri said the Popular Mobilization Forces (PMF) would stay. Miri's office in Baghdad & Basra agreed.",
    "",
    "> The PMF, said [a source](https://example.org/?a=1&b=2), is \"ready\" <em>now</em>.",
    "",
    "- Baghdad again, and `Baghdad` in code.",
  ].join("\n");
  const mentions = [["Muqdad Miri", "Miri"], ["Popular Mobilization Forces", "PMF"], ["Baghdad"], ["Basra"]];
  const hrefs = ["/people/muqdad-miri/", "/organizations/pmf/?x=1&y=\"2\"", "/places/baghdad/", "/places/basra/"];

  it("link exactly as rendering with the links directly does", async () => {
    const direct = await renderMarkdown(text, { entityLinks: mentions.map((m, i) => ({ mentions: m, href: hrefs[i]! })) });
    expect(await viaMarkers(text, mentions, (i) => hrefs[i])).toBe(direct.html);
    expect(direct.html).toContain('<a href="/organizations/pmf/?x=1&#x26;y=%222%22">Popular Mobilization Forces</a>');
  });

  it("leave an entity without a page as plain text", async () => {
    const html = await viaMarkers(text, mentions, (i) => (i === 2 ? hrefs[2] : undefined));
    expect(html).toContain('<a href="/places/baghdad/">Baghdad</a>');
    expect(html).not.toContain("dl-entity");
    expect(html).toContain("Muqdad Miri said");
    expect((html.match(/<a /g) ?? []).length).toBe(2); // Baghdad and the editor's own link
  });

  it("never take an editor's link for a marker", async () => {
    const forged = `See [this](#dl-entity-${digest.slice(0, 16)}-0) and [that](#dl-entity-0000000000000000-1).\n\nBasra.`;
    const otherDigest = article([["Basra"]]);
    const rendered = await renderMarkdown(forged, { entityLinks: entityMarkers({ ...otherDigest, digest: "f".repeat(64) }) });
    const html = resolveEntityMarkers(rendered.html, "f".repeat(64), () => "/places/basra/");
    expect(html).toContain(`<a href="#dl-entity-${digest.slice(0, 16)}-0">this</a>`);
    expect(html).toContain('<a href="#dl-entity-0000000000000000-1">that</a>');
    expect(html).toContain('<a href="/places/basra/">Basra</a>');
  });

  it("leave anything shaped unlike a marker alone", () => {
    const n = digest.slice(0, 16);
    const odd = [`<a href="#dl-entity-${n}-x">a</a>`, `<a href="#dl-entity-${n}-1"><b>b</b></a>`, `<a href="#dl-entity-${n}-2">unclosed`];
    for (const html of odd) expect(resolveEntityMarkers(html, digest, () => "/e/")).toBe(html);
    expect(resolveEntityMarkers(`x <a href="#dl-entity-${n}-0">A &#x26; B</a> y`, digest, () => "/e/a?b")).toBe('x <a href="/e/a?b">A &#x26; B</a> y');
  });
});

describe("entity markers, for any text", () => {
  it("give what direct links give, whichever entities have pages", async () => {
    const fc = await import("fast-check");
    const names = ["Iraq", "Iraq's", "Al-Bukamal", "PMF", "Popular Mobilization Forces", "Miri", "Muqdad Miri", "A&B Co", "Zoë"];
    const token = fc.constantFrom(...names, "the", "said", "*", "**", "`", "[", "](https://x.org)", "\n\n", "# ", "> ", "- ", "<b>", "&", "\"", "'", ",", ".");
    await fc.assert(
      fc.asyncProperty(
        fc.array(token, { maxLength: 60 }).map((t) => t.join(" ")),
        fc.array(fc.subarray(names, { minLength: 1, maxLength: 3 }), { maxLength: 4 }),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        async (text, mentions, hasPage) => {
          const href = (i: number) => (hasPage[i] ? `/e/${i}/?q=${encodeURIComponent(mentions[i]![0]!)}` : undefined);
          const linked = mentions.map((m, i) => ({ m, href: href(i) })).filter((l) => l.href !== undefined);
          const direct = await renderMarkdown(text, { entityLinks: linked.map((l) => ({ mentions: l.m, href: l.href! })) });
          // Only where no entity without a page shares a name with one that has a page: there
          // the marker version rightly links neither inside the other.
          const shared = mentions.some((m, i) => !hasPage[i] && linked.some((l) => l.m.some((a) => m.some((b) => a.includes(b) || b.includes(a)))));
          if (!shared) expect(await viaMarkers(text, mentions, href)).toBe(direct.html);
        },
      ),
      { numRuns: 300 },
    );
  });
});
