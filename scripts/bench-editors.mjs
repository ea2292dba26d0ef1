#!/usr/bin/env node
// Benchmarks what editors and CI wait for: a cold build with images to encode, the same build
// with the image cache warm, and `check --links` (build into a temporary folder + link check).
//
//   npm run compile && node scripts/bench-editors.mjs [articles=2000] [images=20]
//
// Articles link to their neighbour and to a heading on it, so the link checker has real work.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import sharp from "sharp";
import { build } from "../lib/build.js";
import { checkSiteWithLinks } from "../lib/check/site.js";

const ROOT = resolve(import.meta.dirname, "..");
const articles = Number(process.argv[2] ?? 2000);
const images = Number(process.argv[3] ?? 20);
const dir = await mkdtemp(join(tmpdir(), "dateline-bench-editors-"));
const pad = (n) => String(n).padStart(2, "0");

for (let i = 0; i < articles; i++) {
  const month = (i % 12) + 1;
  const day = (i % 28) + 1;
  const folder = join(dir, "articles", "2024", pad(month));
  await mkdir(folder, { recursive: true });
  const prev = `/2024/${pad(((Math.max(i, 1) - 1) % 12) + 1)}/story-${Math.max(i, 1) - 1}/`;
  const image = i < images ? `\n![Photo ${i}](photo-${i}.jpg)\n` : "";
  if (i < images) {
    const w = 1600;
    const h = 1000;
    const raw = Buffer.alloc(w * h * 3);
    for (let p = 0; p < raw.length; p += 3) raw[p] = (p / 3 + i * 37) % 256, raw[p + 1] = (p / 3 / w) % 256, raw[p + 2] = 120;
    await sharp(raw, { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality: 80 }).toFile(join(folder, `photo-${i}.jpg`));
  }
  await writeFile(join(folder, `story-${i}.md`), `---
title: "Story ${i}"
date: 2024-${pad(month)}-${pad(day)}T${pad(i % 24)}:00:00Z
tags: [Tag ${i % 50}]
image: ${i < images ? `{ src: photo-${i}.jpg, alt: "Photo ${i}" }` : "null"}
---

Body of story ${i}. See [the previous one](${prev}#details).
${image}
## Details

More text.
`.replace("image: null\n", ""));
}

const options = { projectDir: dir, templatesDir: join(ROOT, "templates"), publicDir: join(ROOT, "public"), now: Date.UTC(2026, 0, 1) };
const time = async (label, fn) => {
  const start = performance.now();
  const result = await fn();
  console.log(`${label.padEnd(34)} ${(performance.now() - start).toFixed(0).padStart(7)} ms`);
  return result;
};
const cold = await time(`build, ${images} images cold`, () => build({ ...options, outDir: join(dir, "dist") }));
if (!cold.ok) throw new Error(JSON.stringify(cold.diagnostics.slice(0, 5)));
console.log(`  media phase ${cold.timings.media} ms, ${cold.files} files`);
const warm = await time(`build, image cache warm`, () => build({ ...options, outDir: join(dir, "dist") }));
console.log(`  media phase ${warm.timings.media} ms`);
const checked = await time(`check --links`, () => checkSiteWithLinks(options));
console.log(`  ${checked.links?.links} links on ${checked.links?.pages} pages, ${checked.diagnostics.length} problems`);
await rm(dir, { recursive: true, force: true });
