import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../src/serve/server.js";
import { FIXTURES, NOW, ROOT } from "./helpers.js";

/**
 * Drives `dateline serve` the way an editor does: a real server on a free port, real files
 * edited on disk, pages fetched over HTTP. Waits poll with a generous timeout: how fast a
 * rebuild is belongs to the benchmark, not to this test.
 */
const WAIT_MS = 45_000;

async function get(url: string): Promise<{ status: number; text: string; type: string }> {
  const res = await fetch(url);
  return { status: res.status, text: await res.text(), type: res.headers.get("content-type") ?? "" };
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("dateline serve", () => {
  let dir: string;
  let server: RunningServer;
  const log: string[] = [];
  const page = (path: string) => get(new URL(path, server.url).href);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "dateline-serve-"));
    await cp(join(FIXTURES, "basic"), dir, { recursive: true });
    await cp(join(ROOT, "templates"), join(dir, "templates"), { recursive: true });
    server = await startServer({
      projectDir: dir,
      publicDir: join(ROOT, "public"),
      now: NOW,
      port: 0,
      host: "127.0.0.1",
      log: (m) => log.push(m),
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("serves the built site with a CSP-safe live-reload client", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const alpha = await page("2023/03/alpha/");
    expect(alpha.status).toBe(200);
    expect(alpha.type).toContain("text/html");
    expect(alpha.text).toContain("Alpha: Syria talks open");
    expect(alpha.text).toContain('<script src="/__dateline/client.js" defer></script>');
    // No inline script or inline style: a strict Content-Security-Policy allows all of it.
    const inlineScripts = [...alpha.text.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>/g)];
    expect(inlineScripts).toEqual([]);
    const client = await page("/__dateline/client.js");
    expect(client.type).toContain("javascript");
    expect(client.text).toContain("EventSource");
    expect((await page("/__dateline/overlay.css")).type).toContain("text/css");
    expect((await page("no/such/page/")).status).toBe(404);
    // Nothing of the preview leaks into the built files.
    expect(await readFile(join(dir, "dist", "2023", "03", "alpha", "index.html"), "utf8")).not.toContain("__dateline");
  });

  it("serves the search index the search page's script loads", async () => {
    const meta = await page("search-index/meta.json");
    expect(meta.type).toContain("application/json");
    const { shards } = JSON.parse(meta.text) as { shards: string[] };
    expect(shards.length).toBeGreaterThan(0);
    expect((await page(`search-index/terms/${shards[0]}.json`)).status).toBe(200);
    expect((await page("search-index/tokenize.js")).type).toContain("text/javascript");
  });

  it("rebuilds when an article is saved", async () => {
    const file = join(dir, "articles", "2023", "alpha.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("Alpha: Syria talks open", "Alpha: talks resume"));
    await until("the edited headline", async () => (await page("2023/03/alpha/")).text.includes("Alpha: talks resume"));
  });

  it("shows a broken article as an overlay and keeps serving the last good site, until it is fixed", async () => {
    const file = join(dir, "articles", "2023", "beta.md");
    const good = await readFile(file, "utf8");
    const betaBefore = (await page("2023/")).text;
    await writeFile(file, good.replace(/^date: .*$/m, "date: someday"));
    await until("the overlay", async () => (await page("2023/03/alpha/")).text.includes('id="dateline-overlay"'));
    const broken = await page("2023/03/alpha/");
    expect(broken.status).toBe(200);
    expect(broken.text).toContain("Alpha: talks resume"); // the last good page, under the overlay
    const overlay = broken.text.slice(broken.text.indexOf('id="dateline-overlay"'));
    expect(overlay).toContain("articles/2023/beta.md");
    expect(overlay).toContain("frontmatter/date");
    expect(overlay).not.toMatch(/style="|onclick=/);
    expect((await page("2023/")).text).toContain(betaBefore.match(/<h1[^>]*>[^<]*<\/h1>/)![0]);
    expect(log.join("\n")).toContain("still serving the last good site");

    await writeFile(file, good);
    await until("the overlay to go", async () => !(await page("2023/03/alpha/")).text.includes('id="dateline-overlay"'));
    expect(server.status().ok).toBe(true);
  });

  it("rebuilds when a template changes", async () => {
    const file = join(dir, "templates", "article.njk");
    await writeFile(file, (await readFile(file, "utf8")).replace('<article class="article">', '<article class="article" data-edited="yes">'));
    await until("the edited template", async () => (await page("2023/03/alpha/")).text.includes('data-edited="yes"'));
  });

  it("rebuilds when the config file or the entity registry changes", async () => {
    const config = join(dir, "dateline.config.json");
    await writeFile(config, (await readFile(config, "utf8")).replace("Basic Fixture", "Renamed Fixture"));
    await until("the new site title", async () => (await page("")).text.includes("Renamed Fixture"));

    const before = server.status().builds;
    await writeFile(join(dir, "articles", "entities.yml"), "# the entity registry\n");
    await until("a rebuild after the registry changed", async () => server.status().builds > before);
    await server.idle();
    expect((await page("2023/03/alpha/")).status).toBe(200);
  });
});

describe("dateline serve on a site that is broken from the start", () => {
  it("serves the overlay until the first good build, then the site", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dateline-serve-broken-"));
    await cp(join(FIXTURES, "basic"), dir, { recursive: true });
    const file = join(dir, "articles", "2023", "alpha.md");
    const good = await readFile(file, "utf8");
    await writeFile(file, good.replace(/^title: .*$/m, "title: [not, text]"));
    const server = await startServer({
      projectDir: dir, templatesDir: join(ROOT, "templates"), publicDir: join(ROOT, "public"), now: NOW, port: 0, host: "127.0.0.1", log: () => {},
    });
    try {
      const first = await get(server.url);
      expect(first.status).toBe(503);
      expect(first.text).toContain('id="dateline-overlay"');
      expect(first.text).toContain("articles/2023/alpha.md");
      expect(first.text).toContain("/__dateline/client.js");
      await writeFile(file, good);
      await until("the first good build", async () => (await get(server.url)).status === 200);
      expect((await get(server.url)).text).not.toContain('id="dateline-overlay"');
    } finally {
      await server.close();
    }
  });
});
