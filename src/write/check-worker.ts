import { parentPort, workerData } from "node:worker_threads";
import { runCheck, runSeed, type WorkerJobs } from "./early-check.js";

/**
 * Worker thread of write/early-check.ts: checks each generation and reports it at once, then
 * makes the spare ahead when asked (the checks are what the writer waits on first).
 */
const jobs = workerData as WorkerJobs;
for (const job of jobs.checks) parentPort!.postMessage(runCheck(job));
if (jobs.seed) parentPort!.postMessage(runSeed(jobs.seed));
