import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { build } from "../../src/build.js";
import { serveStatic, type StaticServer } from "../../src/serve/static.js";
import { NOW, ROOT } from "../helpers.js";

/**
 * Shared set-up for the browser tests: the bundled archive built to a temporary folder with a
 * real DiskWriter (so the Pagefind index is built too), served as a static host would serve
 * it under a strict CSP, and Debian's Chromium driven by playwright-core. Never downloads a
 * browser: CI installs /usr/bin/chromium with apt.
 */
export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `\n${"!".repeat(72)}\n!! SKIPPING BROWSER TESTS: ${CHROMIUM} is missing.\n` +
      `!! Install it with: apt-get install -y chromium   (CI's .ci/run does this)\n${"!".repeat(72)}\n`,
  );
}

export interface LiveSite {
  dir: string;
  server: StaticServer;
  browser: Browser;
  url(path: string): string;
  close(): Promise<void>;
}

/** The bundled archive, or another project (with the bundled templates), built to disk and served. */
export async function startLiveSite(projectDir = ROOT): Promise<LiveSite> {
  const parent = await mkdtemp(join(tmpdir(), "dateline-e2e-"));
  const dir = join(parent, "site");
  const result = await build({
    projectDir, outDir: dir, now: NOW, site: { cacheDir: join(parent, "cache") },
    templatesDir: join(ROOT, "templates"), publicDir: join(ROOT, "public"),
  });
  if (!result.ok) throw new Error(`the bundled site did not build: ${JSON.stringify(result.diagnostics)}`);
  if (!result.searchPages) throw new Error("the disk build wrote no search index");
  const server = await serveStatic(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    dir,
    server,
    browser,
    url: (path) => new URL(path.replace(/^\//, ""), server.url).href,
    close: async () => {
      await browser.close();
      await server.close();
      await rm(parent, { recursive: true, force: true });
    },
  };
}

let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core in the page against WCAG 2.0–2.2 A/AA and axe's best practices. The source is
 * evaluated through the DevTools protocol rather than added as a <script>, which the site's
 * CSP would rightly block.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= await readFile(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
  await page.evaluate(axeSource);
  const result = (await page.evaluate(`axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    resultTypes: ["violations"],
  })`)) as { violations: AxeViolation[] };
  return result.violations;
}

export function describeViolations(where: string, violations: AxeViolation[]): string[] {
  return violations.map(
    (v) => `${where}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}` +
      (v.nodes[0]?.failureSummary ? ` — ${v.nodes[0].failureSummary.replace(/\s+/g, " ")}` : ""),
  );
}

/** Collects CSP violations and script errors so a test can assert the page ran cleanly. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/status of 404/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return errors;
}
