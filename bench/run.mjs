#!/usr/bin/env node
// npm run bench [-- --sizes 1000,10000] [--rounds 1] [--compare-all]
//
// Builds deterministic synthetic archives with Dateline (cold, warm, one article edited, the
// same edit in a running `dateline serve`), vanilla Eleventy 3 and Hugo (when on the PATH),
// each as a child process, and prints wall time, CPU time, peak RSS and pages written, with
// the ratios the targets are stated in.
import { spawn } from "node:child_process";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateCorpus } from "./corpus.mjs";
import { countOutput, hasCommand, load, measure } from "./measure.mjs";
import { writeEleventySite, writeHugoSite } from "./sites.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const WORK = process.env.BENCH_WORK ? resolve(process.env.BENCH_WORK) : join(ROOT, "bench-work");
const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000,100000" },
    "compare-all": { type: "boolean", default: false },
    // Cold builds of the three tools, interleaved, this many times: on a shared machine one
    // round's ratios can be off by a fifth either way; the targets are checked on the medians.
    rounds: { type: "string", default: "3" },
  },
});
const rounds = Math.max(1, Math.floor(Number(values.rounds)) || 1);
const sizes = values.sizes.split(",").map(Number).filter((n) => n > 0);
/** Above this, Eleventy runs out of memory and Hugo takes minutes and >10 GB: skipped unless asked. */
const COMPARE_LIMIT = 50_000;
const hugo = hasCommand("hugo");
const runId = Date.now().toString(36);
const trash = [];

const rows = [];
const fmt = (n, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : "–");
const log = (s) => process.stdout.write(`${s}\n`);

async function fresh(dir) {
  // Deleting big trees is slow on some disks: move old output aside, delete it at the end.
  const old = `${dir}.old-${runId}-${trash.length}`;
  await rename(dir, old).then(() => trash.push(old), () => undefined);
  return dir;
}

async function row(size, tool, scenario, result, outDir) {
  const count = countOutput(outDir);
  const r = { size, tool, scenario, ...result, ...count };
  rows.push(r);
  log(`  ${tool.padEnd(9)} ${scenario.padEnd(12)} wall ${fmt(r.wall).padStart(7)} s  cpu ${fmt(r.cpu).padStart(7)} s  peak ${fmt(r.rssMb, 0).padStart(5)} MiB  pages ${String(r.html).padStart(7)}  files ${String(r.files).padStart(7)}${r.ok ? "" : "  FAILED"}`);
  if (!r.ok) log(r.output.split("\n").slice(-15).join("\n"));
  else if (tool === "dateline") {
    // Dateline's own account: time per phase and what came from the cache.
    for (const line of r.output.split("\n").filter((l) => /^(built| +articles:)/.test(l))) log(`      ${line.trim()}`);
  }
  return r;
}

async function benchSize(n) {
  log(`\n== ${n.toLocaleString("en")} articles (load average ${load()}) ==`);
  const corpus = join(WORK, `corpus-${n}`);
  const paths = await generateCorpus(corpus, n);
  const out = join(WORK, "out");
  await mkdir(out, { recursive: true });
  const dlOut = join(out, `dateline-${n}`);
  const cacheDir = join(out, `dateline-${n}-cache`);
  await writeFile(join(corpus, "dateline.config.json"), JSON.stringify({
    title: "Bench", baseUrl: "http://localhost/", outDir: dlOut, cacheDir,
    templatesDir: join(ROOT, "templates"), publicDir: join(ROOT, "public"),
  }, null, 2));
  const dateline = (...args) => measure(process.execPath, [join(ROOT, "bin", "dateline.js"), "build", ...args], { cwd: corpus });

  // A cold build starts from nothing, as on a fresh clone: the output, the cache, and the spare
  // generation an earlier run left beside the output too. A cold build would move that spare
  // aside and delete it after writing, and a deletion of 30,000 files slows every file the
  // next minutes create (write/disk.ts), Eleventy's and Hugo's included; `trash` is deleted
  // once at the end.
  const datelineCold = async (scenario) => {
    await fresh(dlOut);
    await fresh(join(out, `.dateline-${n}.spare`));
    await fresh(cacheDir);
    return row(n, "dateline", scenario, await dateline("--no-cache"), dlOut);
  };
  const cold = await datelineCold("cold");
  const warm = await row(n, "dateline", "warm", await dateline(), dlOut);
  const edited = join(corpus, paths[Math.floor(paths.length / 2)]);
  const original = await readFile(edited, "utf8");
  await writeFile(edited, `${original}\nAn added paragraph, as an editor's correction would be.\n`);
  const edit = await row(n, "dateline", "edit-1", await dateline(), dlOut);
  await writeFile(edited, original);
  const restore = await row(n, "dateline", "edit-undo", await dateline(), dlOut);
  // The same edit in a running `dateline serve`: what an editor previewing waits after saving.
  const served = await measure(process.execPath, [join(ROOT, "bench", "serve-edit.mjs"), corpus, relative(corpus, edited)], { cwd: corpus });
  const times = served.ok ? JSON.parse(served.output.trim().split("\n").pop()) : {};
  const serveEdit = await row(n, "dateline", "serve-edit-1", { ...served, wall: times.edit ?? NaN, cpu: NaN }, dlOut);
  await row(n, "dateline", "serve-undo", { ...served, wall: times.undo ?? NaN, cpu: NaN }, dlOut);
  await row(n, "dateline", "serve-edit-tag", { ...served, wall: times.tag ?? NaN, cpu: NaN }, dlOut);
  await row(n, "dateline", "serve-article-added", { ...served, wall: times.added ?? NaN, cpu: NaN }, dlOut);

  const ratio = (a, b) => (a && b && a.ok && b.ok ? a.wall / b.wall : NaN);
  // Each round: Dateline cold (the first round's is the build above), then Eleventy and Hugo,
  // so that each tool's builds are spread over the same stretches of the machine's time.
  const coldRounds = [];
  if (n > COMPARE_LIMIT && !values["compare-all"]) {
    log(`  (Eleventy and Hugo skipped above ${COMPARE_LIMIT.toLocaleString("en")} articles: Eleventy runs out of memory and Hugo needs >10 GB there; --compare-all runs them anyway)`);
  } else {
    await writeEleventySite(corpus);
    const site = hugo ? await writeHugoSite(corpus) : undefined;
    if (!hugo) log("  (hugo is not on the PATH: Hugo comparison skipped; apt-get install hugo to include it)");
    for (let round = 1; round <= rounds; round++) {
      const tag = round === 1 ? "cold" : `cold-${round}`;
      const dl = round === 1 ? cold : await datelineCold(tag);
      const elOut = await fresh(join(out, `eleventy-${n}`));
      const el = await row(n, "eleventy", tag, await measure(process.execPath, [join(ROOT, "node_modules", "@11ty", "eleventy", "cmd.cjs"), "--quiet", `--output=${elOut}`], { cwd: corpus }), elOut);
      let hu;
      if (site) {
        const huOut = await fresh(join(out, `hugo-${n}`));
        hu = await row(n, "hugo", tag, await measure("hugo", ["--quiet", "--destination", huOut], { cwd: site }), huOut);
      }
      coldRounds.push({ dateline: dl, eleventy: el, hugo: hu });
    }
  }
  const median = (xs) => {
    const sorted = xs.filter(Number.isFinite).sort((a, b) => a - b);
    if (sorted.length === 0) return NaN;
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  const toEleventy = coldRounds.map((r) => ratio(r.dateline, r.eleventy));
  const toHugo = coldRounds.map((r) => ratio(r.dateline, r.hugo));
  if (coldRounds.length > 1) {
    const show = (xs) => xs.map((x) => fmt(x)).join(", ");
    log(`  cold / Eleventy per round: ${show(toEleventy)}; cold / Hugo per round: ${show(toHugo)} (medians below)`);
  }
  const hugoColdWall = median(coldRounds.map((r) => (r.hugo?.ok ? r.hugo.wall : NaN)));
  const checks = [
    ["cold / Eleventy", median(toEleventy), "≤ 0.6", (x) => x <= 0.6, n === 10_000],
    ["cold / Hugo", median(toHugo), "≤ 1.5", (x) => x <= 1.5, n === 10_000],
    ["warm / Hugo cold", warm.ok ? warm.wall / hugoColdWall : NaN, "≤ 0.5", (x) => x <= 0.5, n === 10_000],
    ["edit-1 wall (s)", edit.wall, "< 1 s", (x) => x < 1, n === 10_000],
    ["serve edit-1 (s)", serveEdit.wall, "< 1 s", (x) => x < 1, n === 10_000],
    ["cold wall (s)", cold.wall, "< 120 s", (x) => x < 120, n === 100_000],
    // 1.5 GB read as 1.5 × 10⁹ bytes, the stricter of the two readings (1,430 MiB).
    ["cold peak RSS (MiB)", cold.rssMb, "< 1,430 MiB", (x) => x * 2 ** 20 < 1.5e9, n === 100_000],
    ["warm wall (s)", warm.wall, "< 30 s", (x) => x < 30, n === 100_000],
  ];
  for (const [name, value, target, pass, applies] of checks) {
    if (!Number.isFinite(value)) continue;
    log(`  ${name.padEnd(20)} ${fmt(value).padStart(8)}   target ${target.padEnd(9)} ${applies ? (pass(value) ? "met" : "NOT MET") : "(target is stated for another size)"}`);
  }
  void restore;
}

log(`Dateline benchmark: ${cpus().length} cores, node ${process.version}, hugo ${hugo ? "found" : "not found"}; load average ${load()}`);
log("(load average above the core count means other processes share the machine: compare ratios within a run)");
for (const n of sizes) await benchSize(n);

log("\n| articles | tool | build | wall s | cpu s | peak RSS MiB | pages | files |");
log("| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |");
for (const r of rows) log(`| ${r.size} | ${r.tool} | ${r.scenario} | ${fmt(r.wall)} | ${fmt(r.cpu)} | ${fmt(r.rssMb, 0)} | ${r.html} | ${r.files} |`);
if (trash.length) spawn("rm", ["-rf", ...trash], { detached: true, stdio: "ignore" }).unref();
