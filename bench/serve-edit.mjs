// One edit in a running preview: starts the `dateline serve` loop on a bench project (its
// first build comes from the cache), saves a change to one article, and times how long until
// the rebuilt site is on disk; then undoes the change and times that, the same for a tag
// added to its frontmatter, and for a new article, newer than every other, saved and then
// deleted. The times are what an editor waits after saving, the watcher's 50 ms settling
// delay included. Prints JSON.
// node bench/serve-edit.mjs <project folder> <article path, relative to it>
import { readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";

const [project, article] = process.argv.slice(2);
// As bin/dateline.js does for `dateline serve`: the same process, the same garbage collection.
const { heapGrowthPolicy } = await import(new URL("../lib/util/heap.js", import.meta.url).href);
const onArticlesToProcess = heapGrowthPolicy();
const { startServer } = await import(new URL("../lib/serve/server.js", import.meta.url).href);
const server = await startServer({ projectDir: resolve(project), port: 0, host: "127.0.0.1", log: () => undefined, onArticlesToProcess });

/** Saves `text` to `path` (deletes it for undefined) and waits for the rebuild. */
async function timeSave(path, text) {
  const before = server.status().builds;
  const start = performance.now();
  await (text === undefined ? rm(path) : writeFile(path, text));
  while (server.status().builds === before) await new Promise((r) => setTimeout(r, 5));
  await server.idle();
  if (!server.status().ok) throw new Error("the rebuild failed");
  return (performance.now() - start) / 1000;
}

// An editor looks at the preview before saving; the server uses that time to load what a
// rebuild needs (build.ts, prepareForEdits).
await new Promise((r) => setTimeout(r, 2000));
const file = join(project, article);
const newFile = join(project, "articles", "bench-new-story.md");
const original = await readFile(file, "utf8");
try {
  const edit = await timeSave(file, `${original}\nAn added paragraph, as an editor's correction would be.\n`);
  const undo = await timeSave(file, original);
  // An edit to what the archive is indexed by (a tag added): the Library is built in full
  // and every page keyed again, where the text edit above reuses the previous Library.
  const tagged = original.replace(/^tags: \[/m, 'tags: ["Bench edit", ');
  if (tagged === original) throw new Error(`no tags line to edit in ${file}`);
  const tag = await timeSave(file, tagged);
  const tagUndo = await timeSave(file, original);
  // A new article in front of every other: each listing it joins shifts by one, page by page.
  const fresh = original
    .replace(/^title: .*$/m, 'title: "A story just filed"')
    .replace(/^date: .*$/m, "date: 2025-01-01T08:00:00Z");
  const added = await timeSave(newFile, fresh);
  const removed = await timeSave(newFile, undefined);
  process.stdout.write(`${JSON.stringify({ edit, undo, tag, tagUndo, added, removed })}\n`);
} finally {
  await rm(newFile, { force: true });
  await writeFile(file, original);
  await server.close();
}
