import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildProject, FIXTURES, ROOT, type BuiltSite } from "../helpers.js";

const main = (html: string) => html.slice(html.indexOf("<main"), html.indexOf("</main>"));
const body = (html: string) => html.slice(html.indexOf('<div class="body">'), html.indexOf("</div>", html.indexOf('<div class="body">')));
const anchors = (html: string) => [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((m) => `${m[2]} -> ${m[1]}`);

describe("the bundled archive", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildProject(ROOT);
  });

  it("links the seed article's entities from its body, aliases included", () => {
    expect(site.ok).toBe(true);
    const links = anchors(body(site.html("/2024/12/iraqi-interior-ministry-reassures-public-on-border-security/")));
    for (const expected of [
      "Muqdad Miri -> /people/muqdad-miri/",
      "Iraqi Interior Ministry -> /organizations/iraq-interior-ministry/",
      "Popular Mobilization Forces -> /organizations/popular-mobilization-forces/",
      "PMF -> /organizations/popular-mobilization-forces/",
      "Hashd al-Shaabi -> /organizations/popular-mobilization-forces/",
      "Kataib Hezbollah -> /organizations/kataib-hezbollah/",
      "Syria -> /places/syria/",
      "Iraq -> /places/iraq/",
      "Aleppo -> /places/aleppo/",
      "Al-Bukamal -> /places/al-bukamal/",
    ]) expect(links).toContain(expected);
    // The first mention only: Miri, Syria and Iraq recur in the text but are linked once.
    expect(links.filter((l) => l.endsWith("/people/muqdad-miri/"))).toHaveLength(1);
    expect(links.filter((l) => l.endsWith("/places/syria/"))).toHaveLength(1);
  });

  it("makes no page for a demonym, a weekday or a sentence-initial word", () => {
    const files = [...site.writer.files.keys()];
    expect(files.filter((f) => /(^|\/)(syrian|iraqi|monday|dozens|speaking|despite)(\/|$)/.test(f))).toEqual([]);
    expect(files).toContain("places/al-bukamal/index.html");
    expect(files).toContain("organizations/iraq-interior-ministry/index.html");
  });
});

describe("entity pages", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildProject(join(FIXTURES, "entities"));
  });

  it("shows name, type, description, aliases and sameAs links", () => {
    expect(site.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const html = main(site.html("/organizations/popular-mobilization-forces/"));
    expect(html).toContain("<h1>Popular Mobilization Forces</h1>");
    expect(html).toContain("Organization · 3 articles");
    expect(html).toContain("An umbrella of Iraqi armed groups.");
    expect(html).toContain("PMF, Hashd al-Shaabi");
    expect(html).toContain('href="https://www.wikidata.org/wiki/Q19861537"');
  });

  it("lists the articles newest first, paginated, each with the sentence that mentions the entity", () => {
    const first = main(site.html("/organizations/popular-mobilization-forces/"));
    const titles = [...first.matchAll(/class="card-title"><a [^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(titles).toEqual(["Border talks with Syria", "Hashd budget debated"]);
    expect(first).toContain('<blockquote class="context"><p>The PMF sent observers.</p></blockquote>');
    expect(first).toContain("Lawmakers debated the budget of the Hashd al-Shaabi on Tuesday.");
    const second = main(site.html("/organizations/popular-mobilization-forces/page/2/"));
    expect(second).toContain("Militia umbrella gains official status");
    expect(second).toContain("gave the Popular Mobilization Forces official status");
  });

  it("lists the entities it most often appears with", () => {
    const html = main(site.html("/organizations/popular-mobilization-forces/"));
    const related = html.slice(html.indexOf("Often mentioned with"));
    expect(anchors(related).slice(0, 3)).toEqual(["Iraq -> /places/iraq/", "Nadia Qasim -> /people/nadia-qasim/", "Syria -> /places/syria/"]);
    expect(related).toContain("Place · 2");
  });

  it("draws mentions per year as an accessible inline SVG", () => {
    const html = main(site.html("/organizations/popular-mobilization-forces/"));
    expect(html).toMatch(/<svg [^>]*role="img"[^>]*aria-labelledby="chart-title chart-desc"/);
    expect(html).toContain("<title id=\"chart-title\">Articles mentioning Popular Mobilization Forces, per year</title>");
    expect(html).toContain('<desc id="chart-desc">2021: 1; 2022: 1; 2023: 1</desc>');
    expect(html).not.toContain("<script");
  });

  it("groups the index by type and sorts it by name and by number of articles", () => {
    const byName = main(site.html("/entities/"));
    const places = (html: string) => anchors(html.slice(html.indexOf('id="group-places"'))).map((a) => a.split(" -> ")[0]);
    expect(places(byName)).toEqual(["Baghdad", "Iraq", "Syria"]);
    const people = byName.slice(byName.indexOf('id="group-people"'), byName.indexOf('id="group-organizations"'));
    expect(anchors(people).map((a) => a.split(" -> ")[0])).toEqual(["Nadia Qasim", "Omar Haddad"]);
    const byCount = main(site.html("/entities/by-articles/"));
    expect(places(byCount)).toEqual(["Iraq", "Syria", "Baghdad"]);
    const peopleByCount = byCount.slice(byCount.indexOf('id="group-people"'), byCount.indexOf('id="group-organizations"'));
    expect(anchors(peopleByCount).map((a) => a.split(" -> ")[0])).toEqual(["Nadia Qasim", "Omar Haddad"]);
    expect(byCount).toContain('aria-current="page">By number of articles</a>');
  });

  it("publishes unregistered names only when switched on and found in enough articles", () => {
    const files = [...site.writer.files.keys()];
    expect(files).toContain("people/nadia-qasim/index.html");
    expect(files.some((f) => f.includes("reform-bloc"))).toBe(false);
    expect(files).toContain("people/omar-haddad/index.html");
  });

  it("drops a false match listed in entities.exclude", () => {
    const files = [...site.writer.files.keys()];
    expect(files.some((f) => f.startsWith("places/jordan"))).toBe(false);
    expect(anchors(body(site.html("/2024/02/jordan/")))).toEqual(["Iraq -> /places/iraq/", "Baghdad -> /places/baghdad/"]);
  });

  it("never links inside links, headings or code", () => {
    const html = body(site.html("/2023/09/border/"));
    expect(html).toContain('<h2 id="the-pmf-in-headlines">The PMF in headlines</h2>');
    expect(html).toContain('<a href="https://example.org/pmf">the PMF site</a>');
    expect(html).toContain("<code>PMF</code>");
  });
});

describe("unregistered names without the switch", () => {
  it("get no pages", async () => {
    const site = await buildProject(join(FIXTURES, "entities"), { site: { entities: { publishCandidates: false, minArticles: 2 } } });
    expect([...site.writer.files.keys()].some((f) => f.includes("nadia-qasim"))).toBe(false);
  });
});

describe("registered names beside other capitalised words", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildProject(join(FIXTURES, "entities-registry"));
  });

  it("get their pages and body links: Northern Iraq, Downtown Baghdad, C++ Foundation, C# Group", () => {
    expect(site.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const files = [...site.writer.files.keys()];
    for (const page of ["places/iraq", "places/baghdad", "organizations/c-foundation", "organizations/c-group"]) expect(files).toContain(`${page}/index.html`);
    expect(anchors(body(site.html("/2024/03/northern-iraq/")))).toEqual([
      "Iraq -> /places/iraq/",
      "Baghdad -> /places/baghdad/",
      "C++ Foundation -> /organizations/c-foundation/",
      "C# Group -> /organizations/c-group/",
    ]);
    expect(main(site.html("/places/iraq/"))).toContain("Clashes erupted in Northern Iraq on Monday.");
  });
});
