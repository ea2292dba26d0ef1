import { cp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../src/build.js";
import { BuildSession } from "../src/incremental/session.js";
import { article, ROOT, tempProject } from "./helpers.js";
import { buildOptions, expectSameAsCold } from "./support/same-as-cold.js";

/**
 * Edits to what the archive is indexed by (tags, authors, entities, dates, slugs) change the
 * Library's structure. A build after one keys again only the pages that show what changed
 * (src/incremental/page-deps.ts, narrowDependencies): these tests hold that to a cold build,
 * byte for byte, through a long seeded sequence of such edits on an archive whose terms
 * overlap, whose listings paginate, and whose entity pages come and go with their mentions.
 */
const TAGS = ["Water", "Politics", "Courts", "Energy", "Health"];
const PEOPLE = ["Ana Ruiz", "Bo Chen", "Cy Adams", "Dee Park"];
const PLACES = ["Basra", "Mosul", "Erbil"];
const AUTHORS = ["Clara Venn", "Omar Haddad", "Ines Roth"];

interface Story {
  title: string;
  date: string;
  slug?: string;
  author: string;
  tags: string[];
  people: string[];
  places: string[];
  body: string;
}

function render(s: Story): string {
  const list = (xs: string[]) => `[${xs.map((x) => JSON.stringify(x)).join(", ")}]`;
  return article(
    {
      title: JSON.stringify(s.title),
      date: s.date,
      ...(s.slug ? { slug: s.slug } : {}),
      author: JSON.stringify(s.author),
      tags: list(s.tags),
      entities: `\n  people: ${list(s.people)}\n  places: ${list(s.places)}`,
    },
    s.body,
  );
}

/** mulberry32: the same sequence of edits on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function initial(i: number): Story {
  return {
    title: `Story ${i}`,
    // Distinct times on a few days, so that some dates move an article within its place.
    date: `2024-0${1 + (i % 3)}-1${i % 4}T${String(10 + (i % 9)).padStart(2, "0")}:${String(i).padStart(2, "0")}:00Z`,
    author: AUTHORS[i % AUTHORS.length]!,
    tags: [TAGS[i % 5]!, TAGS[(i * 2 + 1) % 5]!].filter((t, k, all) => all.indexOf(t) === k),
    people: [PEOPLE[i % 4]!],
    places: i % 3 ? [PLACES[i % 3]!] : [],
    body: `Story ${i} begins here.\n\n${PEOPLE[(i + 1) % 4]} spoke in ${PLACES[i % 3]} on Monday.`,
  };
}

type Edit = [string, (s: Story, pick: <T>(xs: readonly T[]) => T) => void];

/** Every edit keeps the article valid; the kinds cover each thing a page can show of the structure. */
const EDITS: Edit[] = [
  ["tag added", (s, pick) => void s.tags.push(pick(TAGS.filter((t) => !s.tags.includes(t)).concat(["Brand new tag"])))],
  ["tag removed", (s) => void (s.tags.length > 1 && s.tags.pop())],
  // The name a tag shows is its most used spelling: another spelling can take over.
  ["tag respelled", (s) => void (s.tags[0] = s.tags[0] === s.tags[0]!.toLowerCase() ? s.tags[0]!.toUpperCase() : s.tags[0]!.toLowerCase())],
  ["author changed", (s, pick) => void (s.author = pick(AUTHORS.filter((a) => a !== s.author)))],
  ["person added", (s, pick) => void s.people.push(pick(PEOPLE.filter((p) => !s.people.includes(p)).concat(["Eve Stone"])))],
  ["person removed", (s) => void s.people.pop()],
  ["place changed", (s, pick) => void (s.places = [pick(PLACES)])],
  // Mentions in the text alone: with candidates published at two articles, a name's page can
  // appear or go with one article's text, and every article naming it links it or stops.
  ["mention in the text", (s, pick) => void (s.body = `${s.body}\n\nLater, Zed Quill met ${pick(PEOPLE)} in ${pick(PLACES)}.`)],
  ["mention removed", (s) => void (s.body = s.body.split("\n\nLater,")[0]!)],
  ["time moved within the day", (s) => void (s.date = s.date.replace(/T(\d\d)/, (_, h: string) => `T${String((Number(h) + 1) % 24).padStart(2, "0")}`))],
  ["date moved", (s, pick) => void (s.date = `2023-${pick(["05", "11", "12"])}-0${1 + (s.title.length % 8)}T09:00:00Z`)],
  ["slug changed", (s) => void (s.slug = `${s.title.toLowerCase().replace(/\W+/g, "-")}-moved`)],
  ["title changed", (s) => void (s.title = `${s.title} (updated)`)],
];

/** Small pages, so that listings paginate and an article's place decides its page. */
const SMALL_PAGES = { pageSize: 3, homeSize: 4, feedSize: 3, relatedCount: 3, entities: { publishCandidates: true, minArticles: 2 } };

async function project(stories: Story[], config: object = SMALL_PAGES): Promise<string> {
  const files: Record<string, string> = { "dateline.config.json": JSON.stringify(config) };
  stories.forEach((s, i) => (files[`articles/story-${i}.md`] = render(s)));
  const dir = await tempProject(files);
  await cp(join(ROOT, "templates"), join(dir, "templates"), { recursive: true });
  return dir;
}

/** A project of `count` stories, built once. */
async function builtProject(count: number): Promise<{ stories: Story[]; dir: string }> {
  const stories = Array.from({ length: count }, (_, i) => initial(i));
  const dir = await project(stories);
  expect((await build(buildOptions(dir))).ok).toBe(true);
  return { stories, dir };
}

describe.each([
  { way: "one process per build", session: false },
  { way: "a serve session", session: true },
])("structural edits, $way", ({ session }) => {
  it("write the same site as a cold build through a seeded sequence of edits", async () => {
    const rand = seeded(session ? 7 : 11);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const stories: (Story | undefined)[] = Array.from({ length: 14 }, (_, i) => initial(i));
    const dir = await project(stories as Story[]);
    const kept = session ? new BuildSession() : undefined;
    const opts = () => ({ ...buildOptions(dir), ...(kept && { session: kept }) });
    expect((await build(opts())).ok).toBe(true);
    let narrowed = 0;
    for (let step = 0; step < 20; step++) {
      const present = stories.flatMap((s, i) => (s ? [i] : []));
      const index = pick(present);
      const roll = rand();
      let name: string;
      if (roll < 0.1) {
        // A new article, as editors add them: dated among the others or newest of all.
        name = "article added";
        const added = initial(stories.length);
        if (rand() < 0.5) added.date = "2024-06-30T12:00:00Z";
        stories.push(added);
        await writeFile(join(dir, `articles/story-${stories.length - 1}.md`), render(added));
      } else if (roll < 0.15 && present.length > 8) {
        name = "article removed";
        stories[index] = undefined;
        await rm(join(dir, `articles/story-${index}.md`));
      } else {
        const [kind, edit] = pick(EDITS);
        name = kind;
        edit(stories[index]!, pick);
        await writeFile(join(dir, `articles/story-${index}.md`), render(stories[index]!));
      }
      const result = await build(opts());
      const label = `step ${step}: ${name} (story-${index})`;
      expect(result.ok, label).toBe(true);
      if ((result.incremental?.pagesKeyed ?? 0) < (result.pages ?? 0) / 2) narrowed++;
      await expectSameAsCold(dir, label);
    }
    // Their builds key few pages: each edit changes what a few pages show.
    expect(narrowed).toBeGreaterThan(8);
  }, 120_000);
});

describe("edits to what the archive is indexed by", () => {
  it("keys again only the pages that show the article, the tag or the whole archive", async () => {
    const { dir } = await builtProject(30);
    const file = join(dir, "articles/story-5.md");
    await writeFile(file, (await readFile(file, "utf8")).replace('tags: ["', 'tags: ["Drought", "'));
    const result = await build(buildOptions(dir));
    expect(result.ok).toBe(true);
    const pages = result.pages ?? 0;
    // The article's page and those listing it, the new tag's page and feed, the pages of its
    // entities and of the articles related to it, and the few pages that show every term.
    expect(result.incremental?.pagesKeyed).toBeGreaterThan(3);
    expect(result.incremental?.pagesKeyed).toBeLessThan(pages / 3);
    await expectSameAsCold(dir);
    await rm(file);
    expect((await build(buildOptions(dir))).ok).toBe(true);
    await expectSameAsCold(dir);
  });

  it("updates every year's and month's archive navigation when the oldest article moves to a month of its own", async () => {
    const { stories, dir } = await builtProject(12);
    // The oldest article stays the oldest, so every article keeps its place; the calendar
    // gains a year and a month, which the navigation of every year and month page lists.
    const oldest = stories.reduce((a, b) => (a.date <= b.date ? a : b));
    const index = stories.indexOf(oldest);
    oldest.date = "2022-06-01T08:00:00Z";
    await writeFile(join(dir, `articles/story-${index}.md`), render(oldest));
    const result = await build(buildOptions(dir));
    expect(result.ok).toBe(true);
    expect(result.incremental?.pagesKeyed).toBeLessThan((result.pages ?? 0) / 2);
    await expectSameAsCold(dir);
  });

  it("follows every article by id when a new one is added in front of them all", async () => {
    const { dir } = await builtProject(30);
    const added = { ...initial(30), date: "2025-01-01T09:00:00Z", tags: ["Drought"] };
    await writeFile(join(dir, "articles/story-30.md"), render(added));
    const result = await build(buildOptions(dir));
    expect(result.ok).toBe(true);
    // Every article moved one place down; only the listings the new one joins are new.
    expect(result.incremental?.pagesKeyed).toBeLessThan((result.pages ?? 0) / 2);
    await expectSameAsCold(dir);
  });

  it("ranks related articles again when one moves past another it ties with", async () => {
    // With one related article, "Lead" ties between the two that share one tag each with
    // it, and the newer wins. Moving the older one up past the other changes the winner,
    // though neither tag's list changes order and Lead's neighbours stay the same.
    const plain = (title: string, date: string, tags: string[]): Story => ({ title, date, author: "Clara Venn", tags, people: [], places: [], body: `${title} text.` });
    const stories = [
      plain("Lead", "2024-06-30T12:00:00Z", ["Rivers", "Dams"]),
      plain("Filler", "2024-06-28T12:00:00Z", ["Weather"]),
      plain("Dam story", "2024-06-20T12:00:00Z", ["Dams"]),
      plain("River story", "2024-06-10T12:00:00Z", ["Rivers"]),
      plain("Old filler", "2024-06-05T12:00:00Z", ["Weather"]),
    ];
    const dir = await project(stories, { relatedCount: 1 });
    expect((await build(buildOptions(dir))).ok).toBe(true);
    stories[3]!.date = "2024-06-25T12:00:00Z";
    await writeFile(join(dir, "articles/story-3.md"), render(stories[3]!));
    expect((await build(buildOptions(dir))).ok).toBe(true);
    await expectSameAsCold(dir);
    // The list remembered for Lead must be the new one too: the next build trusts it.
    await writeFile(join(dir, "articles/story-3.md"), render({ ...stories[3]!, title: "River story, retitled" }));
    expect((await build(buildOptions(dir))).ok).toBe(true);
    await expectSameAsCold(dir);
  });

  it("keys every page again when the state the last build saved is not what a build writes", async () => {
    const { stories, dir } = await builtProject(12);
    // The state is the second line of each output manifest (src/write/manifest.ts).
    const corrupt = async (change: (state: Record<string, unknown>) => Record<string, unknown>) => {
      const manifests = join(dir, ".dateline-cache", "outputs");
      const files = (await readdir(manifests, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const path = join(file.parentPath, file.name);
        const lines = (await readFile(path, "utf8")).split("\n");
        lines[1] = JSON.stringify(change(JSON.parse(lines[1]!) as Record<string, unknown>));
        await writeFile(path, lines.join("\n"));
      }
    };
    const edit = async (index: number, change: (s: Story) => void) => {
      change(stories[index]!);
      await writeFile(join(dir, `articles/story-${index}.md`), render(stories[index]!));
      const result = await build(buildOptions(dir));
      expect(result.ok).toBe(true);
      expect(result.incremental?.pagesKeyed).toBe(result.pages);
      await expectSameAsCold(dir);
    };
    // A text edit keeps the structure, where the related lists are read as they were saved.
    await corrupt((state) => ({ ...state, related: (state.related as unknown[]).map(() => 7) }));
    await edit(3, (s) => void (s.body += "\n\nA sentence added."));
    await corrupt((state) => ({ ...state, ids: "not a list", terms: null, calendar: 3 }));
    await edit(4, (s) => void s.tags.push("Drought"));
  });
});
