// `npm run bench:entities`: scores Dateline's extractEntities on every labelled set (see README.md):
// dev/ (the rules were written on it), test/ (held out), voa-tune/ (Voice of America briefs, may be
// tuned on) and voa-held/ (held out). Precision, recall and F1 per type and micro-averaged over the
// distinct (type, mention) pairs of each document, without a registry and with a registry of the
// earlier documents' gold entities; then a summary table and the speed in ms per 1,000 words.
// `--verbose` lists every miss; `--set NAME[,NAME]` (or `--dev`, `--test`) scores some sets only.
import { extractEntities } from "../../lib/index.js";
import { countWords, docs, goldRegistry, micro, pairs, report, score, speed, testDocs, voaHeldDocs, voaTuneDocs, words } from "./lib.mjs";

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const setArg = args.find((a) => a.startsWith("--set"));
const only = setArg
  ? (setArg.includes("=") ? setArg.split("=")[1] : args[args.indexOf(setArg) + 1] ?? "").split(",")
  : args.includes("--dev") ? ["dev"] : args.includes("--test") ? ["test"] : [];
const gold = (list) => list.reduce((n, d) => n + pairs(d.entities).size, 0);
// "Earlier" documents make the registry: what the newsroom had registered before the set began.
const sets = [
  { name: "dev", title: "Wikinews development set (dev/, used to write the rules)", list: docs, earlier: [] },
  { name: "test", title: "Wikinews held-out set (test/, never used to write the rules)", list: testDocs, earlier: docs },
  { name: "voa-tune", title: "VOA tuning set (voa-tune/, may be used to write rules)", list: voaTuneDocs, earlier: [] },
  { name: "voa-held", title: "VOA held-out set (voa-held/, never used to write the rules)", list: voaHeldDocs, earlier: voaTuneDocs },
].filter((s) => !only.length || only.includes(s.name));

const summary = [];
for (const { name, title, list, earlier } of sets) {
  console.log(`\n=== ${title}: ${list.length} documents, ${countWords(list)} words, ${gold(list)} gold (type, mention) pairs`);
  const none = score((text) => extractEntities(text), { verbose, label: `${name} none`, list });
  report(`${name}, without a registry`, none);
  const withRegistry = score((text, registry) => extractEntities(text, { registry }), { verbose, label: `${name} registry`, list, earlier });
  report(`${name}, with a registry of the earlier documents' entities`, withRegistry);
  summary.push({ name, docs: list.length, pairs: gold(list), none: micro(none), registry: micro(withRegistry) });
}

console.log("\nsummary, micro-averaged (P / R / F1):");
console.log(`${"set".padEnd(10)}${"docs".padStart(5)}${"pairs".padStart(6)}   ${"no registry".padEnd(20)} with registry`);
const fmt = (m) => `${m.p.toFixed(1)} / ${m.r.toFixed(1)} / ${m.f.toFixed(1)}`;
for (const s of summary) console.log(`${s.name.padEnd(10)}${String(s.docs).padStart(5)}${String(s.pairs).padStart(6)}   ${fmt(s.none).padEnd(20)} ${fmt(s.registry)}`);

const fullRegistry = goldRegistry(docs);
console.log(`\nspeed over the dev set (${words} words):`);
for (const [label, options] of [["no registry", {}], [`registry of ${fullRegistry.length} entries`, { registry: fullRegistry }]]) {
  const s = speed((text) => extractEntities(text, options));
  console.log(`speed (${label}): ${s.cpu.toFixed(2)} ms of CPU per 1,000 words; wall ${s.median.toFixed(2)} ms (medians of 7 rounds; fastest wall ${s.min.toFixed(2)})`);
}
