// Scores extractEntities on the labelled development set in dev/ (see README.md):
// precision, recall and F1 per type and micro-averaged over the distinct (type, mention) pairs
// of each document, without a registry and with a registry built from the earlier documents'
// gold entities; then the speed in ms per 1,000 words. Run with `npm run bench:entities`.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { extractEntities } from "../../lib/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const TYPES = ["person", "organization", "place"];
const verbose = process.argv.includes("--verbose");

const docs = readdirSync(join(here, "dev"))
  .filter((f) => f.endsWith(".yml"))
  .sort()
  .map((f) => ({ file: f, ...parse(readFileSync(join(here, "dev", f), "utf8")) }));

const pairs = (entities) => new Set(entities.flatMap((e) => e.mentions.map((m) => `${e.type}\t${m}`)));

function score(condition) {
  const counts = Object.fromEntries([...TYPES, "micro"].map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const registry = [];
  for (const doc of docs) {
    const gold = pairs(doc.entities);
    const predicted = pairs(extractEntities(doc.text, condition === "registry" ? { registry: [...registry] } : {}));
    for (const p of predicted) {
      const type = p.split("\t")[0];
      const hit = gold.has(p) ? "tp" : "fp";
      counts[type][hit]++;
      counts.micro[hit]++;
      if (verbose && hit === "fp") console.log(`  ${condition} ${doc.file} FP ${p}`);
    }
    for (const g of gold) {
      if (predicted.has(g)) continue;
      counts[g.split("\t")[0]].fn++;
      counts.micro.fn++;
      if (verbose) console.log(`  ${condition} ${doc.file} FN ${g}`);
    }
    // The registry an editor would have kept: every entity of the articles before this one.
    for (const e of doc.entities) {
      const same = registry.find((r) => r.name === e.name && r.type === e.type);
      const aliases = e.mentions.filter((m) => m !== e.name);
      if (same) same.aliases = [...new Set([...same.aliases, ...aliases])];
      else registry.push({ name: e.name, type: e.type, aliases });
    }
  }
  return counts;
}

const pct = (x) => (Number.isFinite(x) ? (100 * x).toFixed(1) : "—").padStart(6);
function report(title, counts) {
  console.log(`\n${title}`);
  console.log(`${"".padEnd(14)}${"P".padStart(6)}${"R".padStart(6)}${"F1".padStart(6)}   tp   fp   fn`);
  for (const [type, c] of Object.entries(counts)) {
    const p = c.tp / (c.tp + c.fp);
    const r = c.tp / (c.tp + c.fn);
    const f = (2 * p * r) / (p + r);
    console.log(`${type.padEnd(14)}${pct(p)}${pct(r)}${pct(f)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}`);
  }
}

const words = docs.reduce((n, d) => n + (d.text.match(/\S+/g) ?? []).length, 0);
console.log(`${docs.length} documents, ${words} words, ${docs.reduce((n, d) => n + pairs(d.entities).size, 0)} gold (type, mention) pairs`);
report("Without a registry", score("none"));
report("With a registry of the earlier documents' entities", score("registry"));

// Speed: the whole set many times over, after a warm-up, without and with the largest registry.
const fullRegistry = docs.flatMap((d) => d.entities.map((e) => ({ name: e.name, type: e.type, aliases: e.mentions.filter((m) => m !== e.name) })));
for (const [label, options] of [["no registry", {}], ["registry", { registry: fullRegistry }]]) {
  for (let i = 0; i < 20; i++) for (const d of docs) extractEntities(d.text, options);
  const rounds = 200;
  const start = performance.now();
  for (let i = 0; i < rounds; i++) for (const d of docs) extractEntities(d.text, options);
  const ms = performance.now() - start;
  console.log(`\nspeed (${label}): ${((ms / (rounds * words)) * 1000).toFixed(3)} ms per 1,000 words`);
}
