import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "../build.js";
import type { ConfigOverrides, SiteConfig } from "../config.js";
import { DiagnosticBag, type Diagnostic } from "../diagnostics.js";
import { checkLinks, type LinkReport } from "./links.js";

export interface LinkCheckResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  config: SiteConfig;
  articles: number;
  /** Set when the site built and its links were checked. */
  links?: LinkReport;
}

/**
 * `dateline check --links`: builds the whole site into a temporary folder (never the real
 * output folder, so a check cannot change what is published) and checks its links there.
 */
export async function checkSiteWithLinks(options: ConfigOverrides): Promise<LinkCheckResult> {
  const dir = await mkdtemp(join(tmpdir(), "dateline-links-"));
  try {
    const outDir = join(dir, "site");
    // No search index: links never point into it.
    const result = await build({ ...options, outDir, search: false });
    const base = { config: result.config, articles: result.articles };
    if (!result.ok || !result.library || !result.plan) return { ...base, ok: false, diagnostics: result.diagnostics };
    const bag = new DiagnosticBag();
    bag.addAll(result.diagnostics);
    const links = await checkLinks(outDir, result.config, { library: result.library, pages: result.plan }, bag);
    return { ...base, ok: !bag.hasErrors, diagnostics: bag.list(), links };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
