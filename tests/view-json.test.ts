import { describe, expect, it } from "vitest";
import { shareJson, viewJson } from "../src/render/view-json.js";
import { ViewContext } from "../src/pages/context.js";
import { buildFixture } from "./helpers.js";

describe("viewJson", () => {
  it("gives exactly JSON.stringify's text, with shared parts, nested ones and repeats", () => {
    const link = shareJson({ name: "Iraq", href: "/places/iraq/" });
    const card = shareJson({ title: "A “quoted” title\u2028", tags: [link, link], summary: undefined, n: 1.5 });
    const list = shareJson([card, { plain: true }]);
    const view = { page: { items: [card, card], list, link }, none: null, nested: { card } };
    const plain = JSON.parse(JSON.stringify(view));
    expect(viewJson(view)).toBe(JSON.stringify(plain));
    // Made once and reused: a second serialization is the same text.
    expect(viewJson(view)).toBe(JSON.stringify(plain));
    expect(viewJson(card)).toBe(JSON.stringify(plain.nested.card));
  });

  it("leaves JSON.stringify alone outside it: no placeholder leaks into other output", () => {
    const card = shareJson({ title: "T", href: "/t/" });
    expect(JSON.stringify({ card })).toBe('{"card":{"title":"T","href":"/t/"}}');
    expect(JSON.stringify(card, null, 1)).toBe('{\n "title": "T",\n "href": "/t/"\n}');
    expect(Object.keys(card)).toEqual(["title", "href"]);
  });

  it("does not touch text that only looks like a placeholder", () => {
    const card = shareJson({ title: "T" });
    const view = { a: "\u0000deadbeefdeadbeef:0", card };
    expect(viewJson(view)).toBe(JSON.stringify({ a: "\u0000deadbeefdeadbeef:0", card: { title: "T" } }));
  });

  it("serializes a site's cards as they are, on every page that shows them", async () => {
    const site = await buildFixture("basic");
    const ctx = new ViewContext(site.library!, site.config);
    const cards = site.library!.articles.map((_, i) => ctx.card(i));
    const view = { items: cards, related: cards.slice().reverse() };
    expect(viewJson(view)).toBe(JSON.stringify(JSON.parse(JSON.stringify(view))));
    expect(JSON.parse(viewJson(view)).items).toEqual(JSON.parse(JSON.stringify(cards)));
  });
});
