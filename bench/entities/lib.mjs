// Shared by score.mjs and compromise.mjs: the labelled documents and the scoring.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
export const TYPES = ["person", "organization", "place"];

/** The labelled documents of one folder (`dev` or the held-out `test`), in file order. */
export const loadDocs = (folder) =>
  readdirSync(join(here, folder))
    .filter((f) => f.endsWith(".yml"))
    .sort()
    .map((f) => ({ file: `${folder}/${f}`, ...parse(readFileSync(join(here, folder, f), "utf8")) }));

export const countWords = (list) => list.reduce((n, d) => n + (d.text.match(/\S+/g) ?? []).length, 0);

export const docs = loadDocs("dev");
export const testDocs = loadDocs("test");
/** Voice of America briefs from the Groningen Meaning Bank: a part to tune on and a held-out part. */
export const voaTuneDocs = loadDocs("voa-tune");
export const voaHeldDocs = loadDocs("voa-held");
export const words = countWords(docs);

/** The gold entities of some documents as registry entries (name, type, other spellings). */
export function goldRegistry(list) {
  const registry = [];
  for (const doc of list) addGold(registry, doc);
  return registry;
}

function addGold(registry, doc) {
  for (const e of doc.entities) {
    const same = registry.find((r) => r.name === e.name && r.type === e.type);
    const aliases = e.mentions.filter((m) => m !== e.name);
    if (same) same.aliases = [...new Set([...same.aliases, ...aliases])];
    else registry.push({ name: e.name, type: e.type, aliases });
  }
}

/** The distinct (type, mention) pairs of a list of entities. */
export const pairs = (entities) => new Set(entities.flatMap((e) => e.mentions.map((m) => `${e.type}\t${m}`)));

/**
 * Scores `extract(text, registry)` over every document of `list` (the dev set by default). The
 * registry passed for document n holds the gold entities of `earlier` (documents published before
 * the set) and of documents 0..n-1: what an editor would have registered so far.
 */
export function score(extract, { verbose = false, label = "", list = docs, earlier = [] } = {}) {
  const counts = Object.fromEntries([...TYPES, "micro"].map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const registry = goldRegistry(earlier);
  for (const doc of list) {
    const gold = pairs(doc.entities);
    const predicted = pairs(extract(doc.text, registry.map((r) => ({ ...r, aliases: [...r.aliases] }))));
    for (const p of predicted) {
      const hit = gold.has(p) ? "tp" : "fp";
      counts[p.split("\t")[0]][hit]++;
      counts.micro[hit]++;
      if (verbose && hit === "fp") console.log(`  ${label} ${doc.file} FP ${p}`);
    }
    for (const g of gold) {
      if (predicted.has(g)) continue;
      counts[g.split("\t")[0]].fn++;
      counts.micro.fn++;
      if (verbose) console.log(`  ${label} ${doc.file} FN ${g}`);
    }
    addGold(registry, doc);
  }
  return counts;
}

const pct = (x) => (Number.isFinite(x) ? (100 * x).toFixed(1) : "—").padStart(6);

/** Micro precision, recall and F1 of a score() result, in percent. */
export function micro(counts) {
  const c = counts.micro;
  const p = c.tp / (c.tp + c.fp);
  const r = c.tp / (c.tp + c.fn);
  return { p: 100 * p, r: 100 * r, f: (200 * p * r) / (p + r) };
}

export function report(title, counts) {
  console.log(`\n${title}`);
  console.log(`${"".padEnd(14)}${"P".padStart(6)}${"R".padStart(6)}${"F1".padStart(6)}   tp   fp   fn`);
  for (const [type, c] of Object.entries(counts)) {
    const p = c.tp / (c.tp + c.fp);
    const r = c.tp / (c.tp + c.fn);
    const f = (2 * p * r) / (p + r);
    console.log(`${type.padEnd(14)}${pct(p)}${pct(r)}${pct(f)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}`);
  }
}

/**
 * Median ms per 1,000 words over several timed rounds of the whole set, after a warm-up. CPU
 * time of this process is reported beside wall time: on a shared machine wall time also counts
 * the time other processes held the cores.
 */
export function speed(extract) {
  for (let i = 0; i < 20; i++) for (const d of docs) extract(d.text);
  const wall = [];
  const cpu = [];
  for (let trial = 0; trial < 7; trial++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    for (let i = 0; i < 30; i++) for (const d of docs) extract(d.text);
    const used = process.cpuUsage(startCpu);
    wall.push(((performance.now() - start) / (30 * words)) * 1000);
    cpu.push(((used.user + used.system) / 1000 / (30 * words)) * 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { median: wall[3], min: wall[0], cpu: cpu[3] };
}
