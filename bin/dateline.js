#!/usr/bin/env node
// Runs the compiled CLI (lib/ is built by `npm ci` through the `prepare` script).
import { heapGrowthPolicy } from "../lib/util/heap.js";
import { main } from "../lib/cli.js";

// A reader that stops early (`dateline build | head -1`) closes the pipe. That is not a
// failure of the build, which has finished or goes on; without this, Node throws EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
  });
}

// Before the command runs: without it, most of a cold build's peak memory is heap V8 has not
// collected yet (src/util/heap.ts). Builds that take most articles from the cache let V8
// choose again, which is faster.
const onArticlesToProcess = heapGrowthPolicy();
process.exitCode = await main(process.argv.slice(2), onArticlesToProcess && { onArticlesToProcess });
