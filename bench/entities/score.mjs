// `npm run bench:entities`: scores Dateline's extractEntities on the labelled development set in
// dev/ and, separately, on the held-out set in test/ (see README.md). Precision, recall and F1 per
// type and micro-averaged over the distinct (type, mention) pairs of each document, without a
// registry and with a registry of the earlier documents' gold entities (for test/, every dev
// document counts as earlier); then the speed in ms per 1,000 words. `--verbose` lists every miss;
// `--dev` or `--test` scores one set only.
import { extractEntities } from "../../lib/index.js";
import { countWords, docs, goldRegistry, pairs, report, score, speed, testDocs, words } from "./lib.mjs";

const verbose = process.argv.includes("--verbose");
const only = process.argv.includes("--dev") ? "dev" : process.argv.includes("--test") ? "test" : "";
const gold = (list) => list.reduce((n, d) => n + pairs(d.entities).size, 0);
const sets = [
  { name: "dev", title: "Development set (dev/, used to write the rules)", list: docs, earlier: [] },
  { name: "test", title: "Held-out set (test/, never used to write the rules)", list: testDocs, earlier: docs },
].filter((s) => !only || s.name === only);

for (const { name, title, list, earlier } of sets) {
  console.log(`\n=== ${title}: ${list.length} documents, ${countWords(list)} words, ${gold(list)} gold (type, mention) pairs`);
  report(`${name}, without a registry`, score((text) => extractEntities(text), { verbose, label: `${name} none`, list }));
  report(
    `${name}, with a registry of the earlier documents' entities`,
    score((text, registry) => extractEntities(text, { registry }), { verbose, label: `${name} registry`, list, earlier }),
  );
}

const fullRegistry = goldRegistry(docs);
console.log(`\nspeed over the dev set (${words} words):`);
for (const [label, options] of [["no registry", {}], [`registry of ${fullRegistry.length} entries`, { registry: fullRegistry }]]) {
  const s = speed((text) => extractEntities(text, options));
  console.log(`speed (${label}): ${s.cpu.toFixed(2)} ms of CPU per 1,000 words; wall ${s.median.toFixed(2)} ms (medians of 7 rounds; fastest wall ${s.min.toFixed(2)})`);
}
