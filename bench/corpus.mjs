// Deterministic synthetic news archives for the benchmark: the same N always gives the same
// files, so Dateline, Eleventy and Hugo build exactly the same corpus.
import { mkdir, rm, writeFile, readFile } from "node:fs/promises";
import { join } from "node:path";

/** Bump when the generated files change, so stale corpora are regenerated. */
const CORPUS_VERSION = "1";

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ["ka", "lo", "ver", "mar", "ten", "sa", "ri", "do", "bel", "tra", "no", "vi", "an", "or", "es", "qu", "zan", "mel", "ho", "ru", "ga", "pe", "lin", "dor"];
const WORDS = ("the government said on monday that talks would continue despite growing pressure from opposition parties " +
  "and regional leaders who warned that the economy could slow further if no agreement was reached before the " +
  "end of the month officials confirmed a new round of meetings in the capital while analysts expected markets " +
  "to remain cautious residents described long queues at fuel stations and rising prices for bread water and " +
  "electricity the ministry promised support for families farmers and small businesses across the country").split(" ");

function name(rand, parts = 2) {
  let s = "";
  for (let i = 0; i < parts; i++) s += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return s[0].toUpperCase() + s.slice(1);
}

function pool(rand, size, make) {
  const seen = new Set();
  const out = [];
  while (out.length < size) {
    const v = make();
    if (!seen.has(v.toLowerCase())) {
      seen.add(v.toLowerCase());
      out.push(v);
    }
  }
  return out;
}

function pick(rand, list, n) {
  const out = new Set();
  // Skewed towards the start of the list, like real tags: a few huge, many small.
  while (out.size < n) out.add(list[Math.floor(list.length * rand() * rand())]);
  return [...out];
}

function sentence(rand, words) {
  const n = 8 + Math.floor(rand() * 14);
  const parts = [];
  for (let i = 0; i < n; i++) parts.push(rand() < 0.06 ? words[Math.floor(rand() * words.length)] : WORDS[Math.floor(rand() * WORDS.length)]);
  const s = parts.join(" ");
  return s[0].toUpperCase() + s.slice(1) + ".";
}

function body(rand, names) {
  const blocks = [];
  let words = 0;
  let i = 0;
  while (words < 600) {
    if (i === 3) blocks.push(`## ${sentence(rand, names).slice(0, 40).replace(/\.$/, "")}`);
    if (i === 5) blocks.push(`> ${sentence(rand, names)}`);
    if (i === 6) blocks.push(`- ${sentence(rand, names)}\n- ${sentence(rand, names)}\n- **${sentence(rand, names)}**`);
    const p = [sentence(rand, names), sentence(rand, names), sentence(rand, names), `See [the report](https://example.org/r/${i}) and *${names[0]}*.`];
    const text = p.join(" ");
    words += text.split(" ").length;
    blocks.push(text);
    i++;
  }
  return blocks.join("\n\n");
}

const yaml = (s) => JSON.stringify(s);
const list = (xs) => `[${xs.map(yaml).join(", ")}]`;

/** Writes N articles under `dir/articles/YYYY/MM/`. Returns the article paths (relative). */
export async function generateCorpus(dir, n, seed = 42) {
  const marker = join(dir, ".corpus");
  const want = `${CORPUS_VERSION}:${n}:${seed}`;
  const paths = [];
  const rand = prng(seed);
  const tags = pool(rand, Math.max(20, Math.round(n / 30)), () => name(rand, 2 + Math.floor(rand() * 2)));
  const people = pool(rand, Math.max(50, Math.round(n / 5)), () => `${name(rand)} ${name(rand, 3)}`);
  const orgs = pool(rand, Math.max(20, Math.round(n / 20)), () => `${name(rand, 3)} ${["Council", "Party", "Bank", "Union", "Group"][Math.floor(rand() * 5)]}`);
  const places = pool(rand, Math.max(20, Math.round(n / 40)), () => name(rand, 3));
  const authors = pool(rand, 60, () => `${name(rand)} ${name(rand)}`);
  const start = Date.UTC(2010, 0, 1);
  const span = Date.UTC(2025, 0, 1) - start;
  const files = [];
  for (let i = 0; i < n; i++) {
    const date = new Date(start + Math.floor(rand() * span));
    const y = date.getUTCFullYear();
    const m = String(date.getUTCMonth() + 1).padStart(2, "0");
    const title = `${name(rand)} ${sentence(rand, WORDS).split(" ").slice(0, 6).join(" ").replace(/\.$/, "")} ${i}`;
    const ps = pick(rand, people, 1 + Math.floor(rand() * 3));
    const os = pick(rand, orgs, Math.floor(rand() * 3));
    const pl = pick(rand, places, 1 + Math.floor(rand() * 2));
    const tg = pick(rand, tags, 2 + Math.floor(rand() * 3));
    const fm = [
      "---",
      `title: ${yaml(title)}`,
      `date: ${date.toISOString().slice(0, 19)}Z`,
      `author: ${yaml(authors[Math.floor(rand() * authors.length)])}`,
      `summary: ${yaml(sentence(rand, ps))}`,
      `tags: ${list(tg)}`,
      "entities:",
      `  people: ${list(ps)}`,
      ...(os.length ? [`  organizations: ${list(os)}`] : []),
      `  places: ${list(pl)}`,
      "---",
      "",
    ].join("\n");
    const path = `articles/${y}/${m}/story-${i}.md`;
    paths.push(path);
    files.push([path, fm + body(rand, [...ps, ...pl]) + "\n"]);
  }
  if ((await readFile(marker, "utf8").catch(() => "")) === want) return paths;
  await rm(join(dir, "articles"), { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const dirs = new Set(files.map(([p]) => p.slice(0, p.lastIndexOf("/"))));
  for (const d of dirs) await mkdir(join(dir, d), { recursive: true });
  for (let i = 0; i < files.length; i += 256) {
    await Promise.all(files.slice(i, i + 256).map(([p, text]) => writeFile(join(dir, p), text)));
  }
  await writeFile(marker, want);
  return paths;
}
