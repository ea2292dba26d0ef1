// `npm run bench:entities`: scores Dateline's extractEntities on the labelled development set in
// dev/ (see README.md). Precision, recall and F1 per type and micro-averaged over the distinct
// (type, mention) pairs of each document, without a registry and with a registry of the earlier
// documents' gold entities; then the speed in ms per 1,000 words. `--verbose` lists every miss.
import { extractEntities } from "../../lib/index.js";
import { docs, pairs, report, score, speed, words } from "./lib.mjs";

const verbose = process.argv.includes("--verbose");
console.log(`${docs.length} documents, ${words} words, ${docs.reduce((n, d) => n + pairs(d.entities).size, 0)} gold (type, mention) pairs`);
report("Without a registry", score((text) => extractEntities(text), { verbose, label: "none" }));
report("With a registry of the earlier documents' entities", score((text, registry) => extractEntities(text, { registry }), { verbose, label: "registry" }));

const fullRegistry = docs.flatMap((d) => d.entities.map((e) => ({ name: e.name, type: e.type, aliases: e.mentions.filter((m) => m !== e.name) })));
for (const [label, options] of [["no registry", {}], [`registry of ${fullRegistry.length} entries`, { registry: fullRegistry }]]) {
  const s = speed((text) => extractEntities(text, options));
  console.log(`\nspeed (${label}): ${s.cpu.toFixed(2)} ms of CPU per 1,000 words; wall ${s.median.toFixed(2)} ms (medians of 7 rounds; fastest wall ${s.min.toFixed(2)})`);
}
