import { describe, expect, it } from "vitest";
import { ViewContext } from "../src/pages/context.js";
import { buildFixture } from "./helpers.js";

describe("ViewContext", () => {
  it("shares one link per term between every card that shows it", async () => {
    const site = await buildFixture("basic");
    const ctx = new ViewContext(site.library!, site.config);
    const tag = site.library!.tags.find((t) => t.articles.length > 1)!;
    const [a, b] = tag.articles as [number, number];
    const inA = ctx.card(a).tags.find((l) => l.name === tag.name);
    const inB = ctx.card(b).tags.find((l) => l.name === tag.name);
    expect(inA).toEqual({ name: tag.name, href: ctx.href(tag.url) });
    expect(inB).toBe(inA);
    expect(ctx.link(tag)).toBe(inA);
  });

  it("builds the same cards again once it has forgotten them", async () => {
    const site = await buildFixture("basic");
    const ctx = new ViewContext(site.library!, site.config);
    const before = site.library!.articles.map((_, i) => ctx.card(i));
    ctx.forgetCards();
    const after = site.library!.articles.map((_, i) => ctx.card(i));
    expect(after).toEqual(before);
    expect(after[0]).not.toBe(before[0]);
  });

  it("keeps other modules' per-article memos until it forgets the cards", async () => {
    const site = await buildFixture("basic");
    const ctx = new ViewContext(site.library!, site.config);
    const key = Symbol("test memo");
    ctx.articleMemo<string>(key).set(0, "made once");
    expect(ctx.articleMemo<string>(key).get(0)).toBe("made once");
    expect(ctx.articleMemo<string>(Symbol("another")).size).toBe(0);
    ctx.forgetCards();
    expect(ctx.articleMemo<string>(key).size).toBe(0);
  });
});
