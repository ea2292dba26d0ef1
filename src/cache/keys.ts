import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { SiteConfig } from "../config.js";
import { MARKDOWN_PIPELINE_VERSION } from "../content/markdown-version.js";
import { digest } from "../util/digest.js";

/**
 * What every cached value is keyed on. A cache that is wrong is worse than none, so each key
 * takes in everything that can change the value it guards:
 * - an article's metadata and HTML: the file's digest (per entry), Dateline's version and
 *   code, the Markdown pipeline's version, the time zone dates are read in, and the registry;
 * - a page: everything its template receives (hashed per page, see pages/page-keys.ts) plus
 *   Dateline's code and version and Eleventy's version, the whole config (except the build time, which
 *   reaches pages only through the data they are given), the templates and the registry.
 */
export const CACHE_FORMAT_VERSION = 3;

export const DATELINE_VERSION: string = readPackageVersion("../../package.json");
/**
 * Every file of Dateline's own code (lib/ as installed, or src/ under the test runner). A
 * version number is bumped by hand and forgotten: a new validation rule, a fixed extractor or
 * another view would otherwise keep serving what the old code made to a project whose cache
 * survived the upgrade (or a CI cache restored from an older commit). Any change of code
 * starts the caches afresh; reading ~150 small files costs a few milliseconds.
 */
export const CODE_DIGEST: string = codeDigest(fileURLToPath(new URL("..", import.meta.url)));
const ELEVENTY_VERSION: string = readPackageVersion("../../node_modules/@11ty/eleventy/package.json");

export interface CacheInputs {
  config: SiteConfig;
  /** Digest of every file in the templates folder. */
  templatesDigest: string;
  /**
   * Digest of the entity registry (src/entities `registryDigest`), when the site has one:
   * aliases and extraction change both article metadata and page data.
   */
  registryDigest?: string | undefined;
}

export interface CacheKeys {
  /** Guards per-article metadata, diagnostics and body HTML. */
  article: string;
  /** Mixed into every page key. */
  pages: string;
}

export function cacheKeys(inputs: CacheInputs): CacheKeys {
  const { now: _now, ...config } = inputs.config;
  const registry = inputs.registryDigest ?? "no-registry";
  return {
    article: digest("article", String(CACHE_FORMAT_VERSION), DATELINE_VERSION, CODE_DIGEST, MARKDOWN_PIPELINE_VERSION, inputs.config.timezone, registry),
    pages: digest("pages", String(CACHE_FORMAT_VERSION), DATELINE_VERSION, CODE_DIGEST, ELEVENTY_VERSION, JSON.stringify(config), inputs.templatesDigest, registry),
  };
}

/** Names and contents of every file under the templates folder, so any edit (a partial too) counts. */
export async function templatesDigest(templatesDir: string): Promise<string> {
  const entries = (await readdir(templatesDir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const parts: (string | Uint8Array)[] = [];
  for (const file of entries) parts.push(relative(templatesDir, file).split(sep).join("/"), await readFile(file));
  return digest(...parts);
}

function codeDigest(codeDir: string): string {
  const files = readdirSync(codeDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(?:js|ts)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  return digest(...files.flatMap((file) => [relative(codeDir, file).split(sep).join("/"), readFileSync(file)]));
}

function readPackageVersion(path: string): string {
  try {
    return (JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}
