import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { searchTokenizer } from "../../src/search/tokenize.js";
import { HOSTILE_TEXT } from "../support/search-sample.js";
import { axeViolations, describeViolations, hasChromium, startLiveSite, watchErrors, type LiveSite } from "./browser.js";

/**
 * A reader in a real browser: the bundled archive, built to disk with its search index, in
 * Debian's Chromium. Slow by nature, hence the long timeouts.
 */
const SCREENSHOTS = join(ROOT, "artifacts", "screenshots");
const WIDTHS = { phone: 375, desktop: 1280 } as const;

describe.skipIf(!hasChromium)("a reader in Chromium", { timeout: 300_000 }, () => {
  let site: LiveSite;
  /** One URL per page type, found by following links the way a reader would. */
  const pages: Record<string, string> = {};

  beforeAll(async () => {
    site = await startLiveSite();
    const page = await site.browser.newPage();
    await page.goto(site.url("/"));
    pages.home = page.url();
    pages.article = await hrefOf(page, ".cards .card-title a");
    pages.year = await hrefOf(page, "[aria-labelledby=browse-years] a");
    await page.goto(pages.article);
    pages.tag = await hrefOf(page, "a[rel=tag]");
    pages.entity = await hrefOf(page, ".entities a");
    pages.month = await hrefOf(page, ".article .meta a[href]");
    pages.tags = site.url("/tags/");
    pages.entities = site.url("/entities/");
    pages.search = site.url("/search/?q=harbour");
    pages.notFound = site.url("/no/such/page/");
    await page.close();
  }, 300_000);

  afterAll(async () => {
    await site?.close();
  });

  it("goes home → article → tag → entity → year → search result", async () => {
    const page = await site.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(site.url("/"));
    await expect.poll(() => text(page.locator("h1"))).toBe("Latest news");
    expect(await page.getAttribute("nav[aria-label=Sections] a[aria-current]", "href")).toBe("/");

    const first = page.locator(".cards .card-title a").first();
    const headline = (await first.textContent())!.trim();
    await first.click();
    await expect.poll(() => text(page.locator("article h1"))).toBe(headline);

    const tag = page.locator("a[rel=tag]").first();
    const tagName = (await tag.textContent())!.trim();
    await tag.click();
    await expect.poll(() => text(page.locator("h1"))).toBe(tagName);
    expect(await page.getAttribute("nav[aria-label=Sections] a[aria-current]", "aria-current")).toBe("true");
    await expect.poll(() => page.locator(".cards .card-title a", { hasText: headline }).count()).toBe(1);

    await page.locator(".cards .card-title a", { hasText: headline }).click();
    const entity = page.locator(".entities a").first();
    const entityName = (await entity.textContent())!.trim();
    await entity.click();
    await expect.poll(() => text(page.locator("h1"))).toBe(entityName);
    await expect.poll(() => page.locator(".cards .card-title a", { hasText: headline }).count()).toBe(1);

    await page.locator(".site-title").click();
    const year = page.locator("[aria-labelledby=browse-years] a").first();
    const yearText = (await year.textContent())!.trim();
    await year.click();
    await expect.poll(() => text(page.locator("h1"))).toBe(`Articles from ${yearText}`);
    await expect.poll(() => text(page.locator(`.siblings a[aria-current=page]`))).toBe(yearText);

    await page.locator("nav[aria-label=Sections] a", { hasText: "Search" }).click();
    await expect.poll(() => page.locator("#search-form").isVisible()).toBe(true);
    await page.locator("#search-query").fill("desalination");
    await page.locator("#search-form button[type=submit]").click();
    const result = page.locator("#search-results .search-result a").first();
    await expect.poll(() => text(result)).toMatch(/desalination/i);
    await expect.poll(() => text(page.locator("#search-status"))).toMatch(/found for “desalination”/);
    expect(page.url()).toContain("?q=desalination");
    const resultTitle = (await result.textContent())!.trim();
    await result.click();
    await expect.poll(() => text(page.locator("article h1"))).toBe(resultTitle);
    expect(page.url()).toMatch(/\/\d{4}\/\d{2}\/[^/]+\/$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("filters search results by year, tag and entity type", async () => {
    const page = await site.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(site.url("/search/"));
    await page.locator("#search-query").fill("port");
    await page.locator("#search-form button[type=submit]").click();
    const all = await resultCount(page);
    expect(all).toBeGreaterThan(1);

    const years = await page.locator("#filter-year option").allTextContents();
    let narrowed = false;
    for (const y of years.slice(1)) {
      await page.locator("#filter-year").selectOption(y);
      const n = await resultCount(page);
      expect(n).toBeLessThanOrEqual(all);
      for (const date of await page.locator("#search-results .meta").allTextContents()) expect(date).toContain(y);
      if (n > 0 && n < all) narrowed = true;
    }
    expect(narrowed).toBe(true);
    expect(page.url()).toMatch(/year=\d{4}/);

    await page.locator("#filter-year").selectOption("");
    await page.locator("#filter-type").selectOption("People");
    expect(await resultCount(page)).toBeLessThanOrEqual(all);
    // A filter alone, with no words, lists every article carrying it.
    await page.locator("#filter-type").selectOption("");
    await page.locator("#search-query").fill("");
    const tag = (await page.locator("#filter-tag option").nth(1).textContent())!.trim();
    await page.locator("#filter-tag").selectOption(tag);
    expect(await resultCount(page)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("ranks, highlights, pages and matches the last word as a prefix", async () => {
    const page = await site.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(site.url("/search/?q=desalination"));
    await expect.poll(() => text(page.locator("#search-status"))).toMatch(/found for “desalination”/);
    // The count is announced first; the results follow once their documents have been fetched.
    await expect.poll(() => page.locator("#search-results .search-result mark").count()).toBeGreaterThan(0);
    const marks = await page.locator("#search-results .search-result mark").allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.toLowerCase()).toBe("desalination");
    // An unfinished last word finds what the whole word finds.
    await page.locator("#search-query").fill("desalin");
    await page.locator("#search-form button[type=submit]").click();
    await expect.poll(() => text(page.locator("#search-status"))).toMatch(/found for “desalin”/);
    expect((await page.locator("#search-results mark").first().textContent())?.toLowerCase()).toBe("desalination");
    // A common word has more than one page of results: "Show more" adds the next ones.
    await page.locator("#search-query").fill("said");
    await page.locator("#search-form button[type=submit]").click();
    const total = await resultCount(page);
    expect(total).toBeGreaterThan(10);
    await expect.poll(() => page.locator("#search-results .search-result").count()).toBe(10);
    await page.locator("#search-results .more-results button").click();
    await expect.poll(() => page.locator("#search-results .search-result").count()).toBe(Math.min(20, total));
    // A filter value the page does not offer (typed into the address bar) is ignored.
    await page.goto(site.url("/search/?q=said&tag=__proto__"));
    expect(await resultCount(page)).toBe(total);
    expect(await page.locator("#filter-tag").inputValue()).toBe("");
    // Words no article has, and words made of stopwords only, find nothing.
    await page.locator("#search-query").fill("the of");
    await page.locator("#search-form button[type=submit]").click();
    expect(await resultCount(page)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("runs the same tokenizer in the browser as the build did", async () => {
    const page = await site.browser.newPage();
    await page.goto(site.url("/search/"));
    await expect.poll(() => page.locator("#search-form").isVisible()).toBe(true);
    // A string, not a function: vitest would rewrite import() inside a function's source.
    const inBrowser = (await page.evaluate(`(async () => {
      const { tokenizer } = await import(new URL("/search-index/tokenize.js", location.href).href);
      const sample = ${JSON.stringify(HOSTILE_TEXT)};
      return { terms: tokenizer.terms(sample), words: tokenizer.words(sample).map((w) => w.word) };
    })()`)) as { terms: string[]; words: string[] };
    const here = searchTokenizer();
    expect(inBrowser.terms).toEqual(here.terms(HOSTILE_TEXT));
    expect(inBrowser.words).toEqual(here.words(HOSTILE_TEXT).map((w) => w.word));
    await page.close();
  });

  it("works without JavaScript, and the search page says why it cannot", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pages.article!);
    await expect.poll(() => page.locator("article h1").isVisible()).toBe(true);
    await page.locator("a[rel=tag]").first().click();
    await expect.poll(() => page.locator(".cards .card").count()).toBeGreaterThan(0);
    await page.goto(site.url("/search/"));
    await expect.poll(() => page.locator("#search-form").isHidden()).toBe(true);
    const notice = page.locator("main .notice");
    await expect.poll(() => text(notice)).toContain("Search needs JavaScript");
    await notice.locator("a").click();
    await expect.poll(() => text(page.locator("h1"))).toBe("All articles");
    await context.close();
  });

  it("lets a keyboard user skip to the content, with a visible focus ring", async () => {
    const page = await site.browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(pages.article!);
    await page.keyboard.press("Tab");
    const skip = page.locator(".skip-link");
    expect(await page.evaluate("document.activeElement.className")).toBe("skip-link");
    const box = await skip.boundingBox();
    expect(box && box.y >= 0 && box.height > 0).toBe(true); // on screen once focused
    expect(await page.evaluate("getComputedStyle(document.activeElement).outlineStyle")).toBe("solid");
    await page.keyboard.press("Enter");
    expect(await page.evaluate("document.activeElement.id")).toBe("content");
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement.closest('main') !== null")).toBe(true);
    await page.close();
  });

  it("fits a 320px screen without sideways scrolling on any page type", async () => {
    const page = await site.browser.newPage({ viewport: { width: 320, height: 640 } });
    const overflowing: string[] = [];
    for (const [type, url] of Object.entries(pages)) {
      await page.goto(url);
      const width = (await page.evaluate("document.documentElement.scrollWidth")) as number;
      if (width > 320) overflowing.push(`${type}: ${width}px wide`);
    }
    expect(overflowing).toEqual([]);
    await page.close();
  });

  it("prints the article without navigation", async () => {
    const page = await site.browser.newPage();
    await page.goto(pages.article!);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("nav[aria-label=Sections]").isHidden()).toBe(true);
    expect(await page.locator(".related").isHidden()).toBe(true);
    expect(await page.locator("article .body").isVisible()).toBe(true);
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, "article-print.png"), fullPage: true });
    await page.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    for (const [device, width] of Object.entries(WIDTHS)) {
      it(`has no axe violations on any page type (${scheme}, ${device} ${width}px)`, async () => {
        const page = await site.browser.newPage({ viewport: { width, height: 900 } });
        await page.emulateMedia({ colorScheme: scheme });
        const problems: string[] = [];
        for (const [type, url] of Object.entries(pages)) {
          await page.goto(url);
          if (type === "search") await page.locator("#search-results .search-result").first().waitFor();
          problems.push(...describeViolations(`${type} ${url}`, await axeViolations(page)));
        }
        expect(problems).toEqual([]);
        await page.close();
      });
    }
  }

  it("writes screenshots of the main page types at phone and desktop widths", async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    for (const [device, width] of Object.entries(WIDTHS)) {
      for (const scheme of ["light", "dark"] as const) {
        const page = await site.browser.newPage({ viewport: { width, height: 900 } });
        await page.emulateMedia({ colorScheme: scheme });
        for (const type of ["home", "article", "tag", "entity", "search"]) {
          await page.goto(pages[type]!);
          if (type === "search") await page.locator("#search-results .search-result").first().waitFor();
          const suffix = scheme === "dark" ? "-dark" : "";
          await page.screenshot({ path: join(SCREENSHOTS, `${type}-${device}${suffix}.png`), fullPage: true });
        }
        await page.close();
      }
    }
  });
});

describe.skipIf(!hasChromium)("a reader searching Chinese and Japanese articles in Chromium", { timeout: 300_000 }, () => {
  let site: LiveSite;
  beforeAll(async () => {
    site = await startLiveSite(join(ROOT, "tests", "fixtures", "cjk"));
  }, 300_000);
  afterAll(async () => {
    await site?.close();
  });

  const search = async (page: Page, query: string) => {
    await page.locator("#search-query").fill(query);
    await page.locator("#search-form button[type=submit]").click();
    const count = await resultCount(page);
    await expect.poll(() => page.locator("#search-results .search-result").count()).toBe(count);
    return { count, titles: await page.locator("#search-results .search-result a").allTextContents() };
  };

  it("finds a word inside a sentence written without spaces, and a character on its own", async () => {
    const page = await site.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(site.url("/search/"));
    await expect.poll(() => page.locator("#search-form").isVisible()).toBe(true);
    // 经济 and 统计 sit inside sentences; 大雪 and 雪 inside a Japanese one.
    expect((await search(page, "经济")).titles).toEqual(["中国经济增长放缓"]);
    expect((await search(page, "统计局")).titles).toEqual(["中国经济增长放缓"]);
    expect((await search(page, "大雪")).titles).toEqual(["東京で大雪"]);
    expect((await search(page, "雪")).titles).toEqual(["東京で大雪"]);
    await expect.poll(() => page.locator("#search-results mark").count()).toBeGreaterThan(0);
    // Pairs that are not next to each other in any article find nothing; English still works.
    expect((await search(page, "经济雪")).count).toBe(0);
    expect((await search(page, "harbour")).titles).toEqual(["Harbour reopens"]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

async function hrefOf(page: Page, selector: string): Promise<string> {
  const href = await page.locator(selector).first().getAttribute("href");
  if (!href) throw new Error(`no link matches ${selector} on ${page.url()}`);
  return new URL(href, page.url()).href;
}

/** Waits for the search to settle, then counts the results it reports. */
async function resultCount(page: Page): Promise<number> {
  // A function string would be eval'd in the page, which the site's CSP (rightly) forbids.
  await expect.poll(() => text(page.locator("#search-status"))).toMatch(/found|No articles/);
  const match = /^(\d+) articles? found/.exec(await text(page.locator("#search-status")));
  return match ? Number(match[1]) : 0;
}

async function text(locator: Locator): Promise<string> {
  return ((await locator.first().textContent()) ?? "").trim();
}
