// `npm run audit`: builds the bundled archive, serves it locally as a static host would
// (strict CSP included) and runs Lighthouse in Debian's Chromium against the home page and
// an article page, printing the four category scores. Exits 1 when a score misses its target.
//
// Options: --desktop (Lighthouse's desktop preset; the default is its mobile preset, the
// stricter of the two), --json DIR (also write each full report as JSON into DIR).
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";
import { build } from "../lib/build.js";
import { serveStatic } from "../lib/serve/static.js";

const ROOT = resolve(fileURLToPath(import.meta.url), "..", "..");
const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const TARGETS = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };

const { values: args } = parseArgs({ options: { desktop: { type: "boolean" }, json: { type: "string" } } });

const parent = await mkdtemp(join(tmpdir(), "dateline-audit-"));
const outDir = join(parent, "site");
// The server starts first so the site can be built with its real address as baseUrl:
// canonical links then point at the pages Lighthouse loads, as they would in production.
const server = await serveStatic(outDir);
let chrome;
let failed = false;
try {
  const built = await build({ projectDir: ROOT, outDir, baseUrl: server.url });
  if (!built.ok) throw new Error(`the bundled site did not build:\n${built.diagnostics.map((d) => d.message).join("\n")}`);
  const home = await (await fetch(server.url)).text();
  const article = /<h2 class="card-title"><a href="([^"]+)"/.exec(home)?.[1];
  if (!article) throw new Error("no article link on the home page");

  chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS });
  const pages = { home: server.url, article: new URL(article, server.url).href };
  console.log(`Lighthouse ${args.desktop ? "desktop" : "mobile"} audit of the bundled archive (${server.url})\n`);
  for (const [name, url] of Object.entries(pages)) {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: "json", logLevel: "error" },
      args.desktop ? desktopConfig : undefined,
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (args.json) {
      await mkdir(args.json, { recursive: true });
      await writeFile(join(args.json, `lighthouse-${name}.json`), JSON.stringify(lhr, null, 2));
    }
    const scores = Object.entries(TARGETS).map(([id, target]) => {
      const category = lhr.categories[id];
      const score = Math.round((category?.score ?? 0) * 100);
      if (score < target) failed = true;
      return `${category?.title ?? id} ${score}${score < target ? ` (target ${target})` : ""}`;
    });
    console.log(`${name.padEnd(8)} ${url}\n         ${scores.join(" · ")}`);
    for (const [id, category] of Object.entries(lhr.categories)) {
      if ((category.score ?? 0) * 100 >= (TARGETS[id] ?? 0)) continue;
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
          console.log(`         - ${id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ""}`);
        }
      }
    }
  }
} finally {
  await chrome?.kill();
  await server.close();
  await rm(parent, { recursive: true, force: true });
}
if (failed) {
  console.log("\nSome scores are below their targets.");
  process.exitCode = 1;
}
