import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DatelineError } from "../errors.js";
import { runBatches } from "../work/batches.js";
import type { WrittenStat } from "../write/writer.js";
import type { PostingsBuilder } from "./postings.js";
import type { ShardResult, ShardTask, ShardWorkerSetup } from "./shard-worker.js";
import type { SearchTokenizer } from "./tokenize.js";

/**
 * Encodes and writes the term shards of a full index on worker threads, straight into the
 * fresh folder a cold build fills (shard-worker.ts). At 100,000 articles that is ~30 million
 * postings to sort and encode, seconds of the main thread while the other cores waited. The
 * threads get each shard's packed postings, four bytes a posting, made only for the batches
 * in flight. Returns the shards' names in order, or undefined when there are no threads to
 * run on (one core, or the compiled worker file missing: vitest runs the TypeScript sources).
 */
const BATCH_SIZE = 8;

function workerFile(): string {
  return fileURLToPath(new URL("./shard-worker.js", import.meta.url));
}

export async function writeShardsInThreads(
  postings: PostingsBuilder,
  tokenizer: SearchTokenizer,
  ids: string[],
  directory: string,
  threads: number,
  onShard: (shard: string, key: string, stat: WrittenStat) => void,
): Promise<string[] | undefined> {
  if (threads === 0 || !existsSync(workerFile())) return undefined;
  const groups = postings.shardTerms(tokenizer);
  const setup: ShardWorkerSetup = { directory, ids };
  await runBatches<[string, string[]], ShardResult, ShardResult & { ok: true }>({
    workerFile: workerFile(),
    threads,
    tasks: groups,
    batchSize: BATCH_SIZE,
    label: "search index",
    workerData: setup,
    // Exact-size copies: a view would carry its whole buffer, up to twice its postings, across.
    encode: (batch) => batch.map(([shard, terms]): ShardTask => ({ shard, terms, packed: terms.map((t) => postings.packed(t).slice()) })),
    unwrap: (result) => {
      if (!result.ok) throw new DatelineError(result.message, { hint: "the previous output was left as it was; check the disk (space, permissions) and build again" });
      return result;
    },
    onResult: ({ key, stat }, index) => onShard(groups[index]![0], key, stat),
  });
  return groups.map(([shard]) => shard);
}
