import { parentPort, workerData } from "node:worker_threads";
import { runCheck, type CheckJob } from "./early-check.js";

/** Worker thread of write/early-check.ts: checks each generation and reports it at once. */
for (const job of workerData as CheckJob[]) parentPort!.postMessage(runCheck(job));
