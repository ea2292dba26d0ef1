import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { HEAP_GROWING_PERCENT, heapGrowthPolicy, limitHeapGrowth } from "../src/util/heap.js";
import { ROOT } from "./helpers.js";

/**
 * A process that keeps a large live set and keeps promoting short-lived batches to the old
 * generation, the shape of a build (metadata kept, pages made and dropped); it prints the
 * largest heap it saw. Runs the compiled module (lib/, made by `pretest`) in a child process,
 * because the flag is process-wide.
 */
const CHURN = `
const { heapGrowthPolicy, limitHeapGrowth } = await import(${JSON.stringify(pathToFileURL(join(ROOT, "lib/util/heap.js")).href)});
if (process.argv[1] === "limit") limitHeapGrowth();
if (process.argv[1] === "cold-build") heapGrowthPolicy()(100000);
if (process.argv[1] === "warm-build") heapGrowthPolicy()(1);
const keep = [];
for (let i = 0; i < 300000; i++) keep.push({ id: "article-" + i, n: i });
const ring = new Array(64);
let peak = 0;
for (let round = 0; round < 1500; round++) {
  const batch = [];
  for (let k = 0; k < 1000; k++) batch.push({ s: "page-" + round + "-" + k, v: [round, k] });
  ring[round % ring.length] = batch;
  peak = Math.max(peak, process.memoryUsage().heapTotal);
}
console.log(Math.round(peak / 1048576), keep.length);
`;

function peakHeapMb(mode: "default" | "limit" | "cold-build" | "warm-build"): number {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", CHURN, mode], { encoding: "utf8" });
  expect(r.stderr).toBe("");
  return Number(r.stdout.split(" ")[0]);
}

describe("limitHeapGrowth", () => {
  it("makes V8 collect before the heap grows far past what is alive", () => {
    const unlimited = peakHeapMb("default");
    const limited = peakHeapMb("limit");
    expect(limited).toBeGreaterThan(0);
    expect(limited).toBeLessThan(unlimited * 0.7);
  });

  it("leaves a --heap-growing-percent given to node alone", () => {
    expect(limitHeapGrowth(HEAP_GROWING_PERCENT, ["--heap-growing-percent=80"])).toBeUndefined();
    expect(limitHeapGrowth(HEAP_GROWING_PERCENT, ["--heap_growing_percent", "80"])).toBeUndefined();
    expect(heapGrowthPolicy(["--heap-growing-percent=80"])).toBeUndefined();
  });

  it("keeps the limit for a build that processes many articles and lifts it for one that takes them from the cache", () => {
    const unlimited = peakHeapMb("default");
    const cold = peakHeapMb("cold-build");
    const warm = peakHeapMb("warm-build");
    expect(cold).toBeLessThan(unlimited * 0.7);
    expect(warm).toBeGreaterThan(cold / 0.7);
  });
});
