// Scores the `compromise` NLP library's people/organizations/places on the same set, for the
// comparison in README.md. compromise is not a dependency of Dateline: install it to run this,
// `npm i --no-save compromise && node bench/entities/compromise.mjs`.
import { docs, report, score, speed } from "./lib.mjs";

const nlp = (await import(process.env.COMPROMISE_PATH ?? "compromise")).default;
const strip = (s) => s.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, "").replace(/['’]s$/u, "");
function extract(text) {
  const doc = nlp(text);
  const out = [];
  for (const [type, list] of [["person", doc.people()], ["organization", doc.organizations()], ["place", doc.places()]]) {
    for (const m of list.out("array")) {
      const mention = strip(m);
      if (mention && text.includes(mention)) out.push({ name: mention, type, mentions: [mention] });
    }
  }
  return out;
}
report("compromise, without a registry", score(extract, { verbose: process.argv.includes("--verbose"), label: "compromise" }));
const s = speed(extract);
console.log(`\nspeed (compromise): ${s.cpu.toFixed(2)} ms of CPU per 1,000 words; wall ${s.median.toFixed(2)} ms (medians of 7 rounds)`);
