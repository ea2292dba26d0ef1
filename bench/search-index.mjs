#!/usr/bin/env node
// node bench/search-index.mjs <project dir> [--out DIR] [--load-only]
//
// The search step alone, for `/usr/bin/time -f "%e s %M KB"`: loads and checks the archive
// (as `dateline check` does), then writes a full search index into --out with a DiskWriter.
// Run it once with --load-only to get the baseline to subtract; it prints its own timings.
// Needs `npm run compile` first (it imports lib/).
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { checkSite } from "../lib/build.js";
import { writeSearchIndex } from "../lib/search/search-index.js";
import { DiskWriter } from "../lib/write/disk.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: "string" }, "load-only": { type: "boolean", default: false } },
});
const projectDir = resolve(positionals[0] ?? ".");
const mb = (bytes) => `${Math.round(bytes / 1024 / 1024)} MB`;
// With `node --expose-gc`, also print the live heap after a full collection: RSS follows V8's
// lazy collection of garbage (every body read is garbage soon after), not what is kept.
const live = () => (globalThis.gc ? (globalThis.gc(), `, live heap ${mb(process.memoryUsage().heapUsed)}`) : "");

const loadStart = performance.now();
const checked = await checkSite({ projectDir });
if (!checked.ok || !checked.library) {
  console.error(`the archive did not check: ${checked.diagnostics.length} diagnostics`);
  process.exit(1);
}
const loaded = performance.now();
console.log(`loaded ${checked.library.articles.length} articles in ${Math.round(loaded - loadStart)} ms, rss ${mb(process.memoryUsage().rss)}${live()}`);
if (!values["load-only"]) {
  const out = values.out ? resolve(values.out) : join(await mkdtemp(join(tmpdir(), "dateline-search-bench-")), "site");
  const writer = await DiskWriter.open(out);
  const index = await writeSearchIndex(checked.library, checked.config, writer);
  await writer.commit();
  const done = performance.now();
  console.log(`indexed ${index.docs} articles into ${index.keys.size} files in ${Math.round(done - loaded)} ms (${out}), rss ${mb(process.memoryUsage().rss)}${live()}`);
}
