import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSite } from "../src/build.js";
import { checkSiteWithLinks } from "../src/check/site.js";
import { article, buildProject, FIXTURES, ROOT, tempProject } from "./helpers.js";

const photo = await readFile(join(FIXTURES, "images", "photo.jpg")); // 900×560 JPEG: wider than one target width, narrower than the next
const chart = await readFile(join(FIXTURES, "images", "chart.png")); // 300×200 PNG with transparency

async function imageProject(body: string, extra: Record<string, string | Uint8Array> = {}): Promise<string> {
  return tempProject({
    "articles/2024/border.md": article(
      { title: '"Border"', image: '{ src: photo.jpg, alt: "Guards at the crossing", caption: "At dawn" }' },
      body,
    ),
    "articles/2024/photo.jpg": photo,
    "articles/2024/charts/chart.png": chart,
    "articles/2024/report.pdf": "%PDF-1.4 not really\n",
    ...extra,
  });
}

const BODY = "Arrivals rose.\n\n![Chart of arrivals](charts/chart.png \"Arrivals\")\n\nRead [the report](report.pdf).";

describe("images beside articles", () => {
  it("publishes them in the article's folder with responsive sizes in modern formats", async () => {
    const dir = await imageProject(BODY);
    const site = await buildProject(dir);
    expect(site.diagnostics).toEqual([]);
    const files = [...site.writer.files.keys()].filter((f) => f.startsWith("2024/01/border/")).sort();
    expect(files).toEqual([
      "2024/01/border/charts/chart-300.avif",
      "2024/01/border/charts/chart-300.png",
      "2024/01/border/charts/chart-300.webp",
      "2024/01/border/charts/chart.png",
      "2024/01/border/index.html",
      "2024/01/border/photo-480.avif",
      "2024/01/border/photo-480.jpeg",
      "2024/01/border/photo-480.webp",
      "2024/01/border/photo-900.avif",
      "2024/01/border/photo-900.jpeg",
      "2024/01/border/photo-900.webp",
      "2024/01/border/photo.jpg",
      "2024/01/border/report.pdf",
    ]);
    // Real encodings, not copies: AVIF and WebP magic numbers.
    expect(Buffer.from(site.writer.files.get("2024/01/border/photo-480.avif")!).subarray(4, 12).toString("latin1")).toBe("ftypavif");
    expect(Buffer.from(site.writer.files.get("2024/01/border/photo-480.webp")!).subarray(8, 12).toString("latin1")).toBe("WEBP");
    expect(Buffer.from(site.writer.files.get("2024/01/border/photo.jpg")!)).toEqual(photo);

    const html = site.html("/2024/01/border/");
    const lead = html.slice(html.indexOf('<figure class="lead-image">'), html.indexOf("</figure>"));
    expect(lead).toContain(
      '<source type="image/avif" srcset="/2024/01/border/photo-480.avif 480w, /2024/01/border/photo-900.avif 900w"',
    );
    expect(lead).toContain('<source type="image/webp"');
    expect(lead).toMatch(/<img src="\/2024\/01\/border\/photo-900\.jpeg" srcset="[^"]+" sizes="[^"]+" alt="Guards at the crossing" width="900" height="560"/);
    expect(lead.indexOf("image/avif")).toBeLessThan(lead.indexOf("image/webp"));

    const body = html.slice(html.indexOf('<div class="body">'));
    expect(body).toContain(
      '<picture><source type="image/avif" srcset="/2024/01/border/charts/chart-300.avif 300w" sizes="(min-width: 50rem) 48rem, 100vw">',
    );
    // A transparent PNG keeps PNG as its fallback (JPEG has no transparency).
    expect(body).toMatch(/<img src="\/2024\/01\/border\/charts\/chart-300\.png" [^>]*alt="Chart of arrivals" title="Arrivals" width="300" height="200" loading="lazy"/);
    expect(body).toContain('<a href="/2024/01/border/report.pdf">the report</a>');
  });

  it("gives feed readers absolute URLs for every image candidate", async () => {
    const site = await buildProject(await imageProject(BODY), { site: { baseUrl: "https://news.example.org/archive/" } });
    expect(site.ok).toBe(true);
    const feed = site.writer.text("feed.xml");
    expect(feed).toContain("https://news.example.org/archive/2024/01/border/charts/chart-300.avif 300w");
    expect(feed).not.toMatch(/srcset=(?:"|&quot;)\//);
  });

  it("links every published file correctly, under a sub-path too", async () => {
    const dir = await imageProject(BODY);
    for (const baseUrl of ["https://example.org/", "https://example.org/archive/"]) {
      const result = await checkSiteWithLinks({
        projectDir: dir, templatesDir: join(ROOT, "templates"), publicDir: join(ROOT, "public"), baseUrl, now: Date.UTC(2026, 0, 1),
      });
      expect(result.diagnostics).toEqual([]);
      expect(result.ok).toBe(true);
    }
  });

  it("reuses processed images from the cache, keyed by the image's bytes", async () => {
    const dir = await imageProject("No body images.");
    await buildProject(dir);
    const cacheRoot = join(dir, ".dateline-cache", "images");
    const [bucket] = await readdir(cacheRoot);
    const [entry] = await readdir(join(cacheRoot, bucket!));
    const cached = join(cacheRoot, bucket!, entry!, "480.avif");
    await writeFile(cached, "served from the cache");
    const again = await buildProject(dir);
    expect(new TextDecoder().decode(again.writer.files.get("2024/01/border/photo-480.avif"))).toBe("served from the cache");
    // Different bytes → a different cache entry, processed afresh.
    await writeFile(join(dir, "articles", "2024", "photo.jpg"), chart);
    const changed = await buildProject(dir);
    expect(changed.writer.files.has("2024/01/border/photo-300.avif")).toBe(true);
  });

  it("encodes the same bytes on every build (no cache)", async () => {
    const one = await buildProject(await imageProject(BODY));
    const two = await buildProject(await imageProject(BODY));
    for (const file of ["2024/01/border/photo-900.avif", "2024/01/border/photo-900.webp", "2024/01/border/charts/chart-300.png"]) {
      expect(Buffer.from(two.writer.files.get(file)!).equals(Buffer.from(one.writer.files.get(file)!))).toBe(true);
    }
  });

  it("requires alt text and a path inside the article's folder, naming the file and line", async () => {
    const dir = await imageProject(
      ["Text.", "", "![](charts/chart.png)", "", "![A map](map.png) and ![Up](../photo.jpg)", "", "`![](not-an-image.png)` in code"].join("\n"),
    );
    const checked = await checkSite({ projectDir: dir });
    expect(checked.ok).toBe(false);
    const errors = checked.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => [d.file.slice(dir.length + 1), d.line, d.column, d.rule])).toEqual([
      ["articles/2024/border.md", 9, 1, "content/image-alt"],
      ["articles/2024/border.md", 11, 23, "content/media-outside"],
    ]);
  });

  it("publishes reference-style images and warns about files no article uses", async () => {
    const dir = await imageProject("Text.\n\n![Chart of arrivals][arrivals]\n\n[arrivals]: charts/chart.png", {
      "articles/2024/forgotten.png": chart,
    });
    const site = await buildProject(dir);
    expect(site.ok).toBe(true);
    expect(site.html("/2024/01/border/")).toMatch(/<picture><source type="image\/avif" srcset="\/2024\/01\/border\/charts\/chart-300\.avif 300w"/);
    expect(site.diagnostics.map((d) => [d.file.slice(dir.length + 1), d.severity, d.rule])).toEqual([
      ["articles/2024/forgotten.png", "warning", "content/unused-media"],
      ["articles/2024/report.pdf", "warning", "content/unused-media"],
    ]);
    expect([...site.writer.files.keys()].some((f) => f.includes("forgotten"))).toBe(false);
  });

  it("leaves a missing image to check --links, which names the article and line", async () => {
    const dir = await imageProject("Text.\n\n![A map](map.png)");
    const result = await checkSiteWithLinks({
      projectDir: dir, templatesDir: join(ROOT, "templates"), publicDir: join(ROOT, "public"), now: Date.UTC(2026, 0, 1),
    });
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => [d.file.slice(dir.length + 1), d.line, d.rule])).toEqual([
      ["articles/2024/border.md", 9, "links/broken"],
    ]);
    expect(errors[0]!.message).toContain("map.png");
  });

  it("stops the build with a diagnostic when an image cannot be decoded", async () => {
    const dir = await imageProject("Text.", { "articles/2024/photo.jpg": "this is not a JPEG" });
    const site = await buildProject(dir);
    expect(site.ok).toBe(false);
    expect(site.writer.files.size).toBe(0);
    expect(site.diagnostics.filter((d) => d.severity === "error")).toMatchObject([
      { file: join(dir, "articles/2024/border.md"), line: 4, rule: "content/image-unreadable" },
    ]);
  });
});
