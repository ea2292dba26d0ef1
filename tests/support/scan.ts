import { spawnSync } from "node:child_process";
import { parse, parseFragment } from "parse5";
import type { DefaultTreeAdapterMap } from "parse5";
import { assertSafeOutputPath } from "../../src/write/writer.js";

/**
 * Scans built output the way a browser or feed reader would read it (parse5 is a
 * spec-compliant HTML parser), so "escaped" means escaped for a real parser, not for a regex.
 * Two sets of rules:
 * - danger: anything that runs script or embeds another document (script, event handlers,
 *   javascript:/data: URLs, iframe/object/embed, meta refresh);
 * - csp: what a strict Content-Security-Policy (default-src 'self', no 'unsafe-inline')
 *   would block: inline script other than JSON-LD, style attributes and elements, and
 *   anything loaded from another origin.
 * Every rule is exercised by tests/hostile/scan.test.ts on known-bad input.
 */
type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

export interface ScanOptions {
  /** The site's own origin (`http://localhost:8080`): loads from anywhere else are reported. */
  origin: string;
  /** Apply the CSP rules too (pages); feed and JSON Feed HTML get the danger rules only. */
  csp: boolean;
}

const EMBEDDING = new Set(["iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"]);
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "poster", "cite", "background", "data", "xlink:href", "srcset", "ping"]);
/** Elements whose src (or href, for link) the browser fetches while showing the page. */
const LOADING_LINK_RELS = /\b(stylesheet|icon|preload|modulepreload|prefetch|manifest|apple-touch-icon)\b/i;
const SCRIPT_SCHEMES = /^(javascript|vbscript|data):/i;

export function scanHtml(html: string, options: ScanOptions, fragment = false): string[] {
  const root = fragment ? parseFragment(html) : parse(html);
  const problems: string[] = [];
  walk(root, (el) => checkElement(el, options, problems));
  return problems;
}

function walk(node: Node, visit: (el: Element) => void): void {
  if ("tagName" in node) visit(node);
  const children = "childNodes" in node ? node.childNodes : [];
  for (const child of children) walk(child, visit);
  if ("content" in node && node.content) walk(node.content as Node, visit);
}

function checkElement(el: Element, options: ScanOptions, problems: string[]): void {
  const tag = el.tagName;
  const attr = (name: string) => el.attrs.find((a) => a.name === name)?.value;
  if (EMBEDDING.has(tag)) problems.push(`<${tag}> element`);
  if (tag === "meta" && attr("http-equiv")?.toLowerCase() === "refresh") problems.push("<meta http-equiv=refresh>");

  if (tag === "script") {
    const src = attr("src");
    const type = (attr("type") ?? "").toLowerCase();
    if (src !== undefined) {
      if (!sameOrigin(src, options.origin)) problems.push(`<script src="${src}"> from another origin`);
    } else if (type !== "application/ld+json") {
      problems.push(`inline <script${type ? ` type="${type}"` : ""}>`);
    } else {
      const text = el.childNodes.map((c) => ("value" in c ? c.value : "")).join("");
      if (/<\/script|<!--/i.test(text)) problems.push("JSON-LD contains </script or <!--");
      try {
        JSON.parse(text);
      } catch {
        problems.push("JSON-LD is not valid JSON (a string ended it early?)");
      }
    }
  }
  if (options.csp && tag === "style") problems.push("inline <style> element");

  for (const { name, value } of el.attrs) {
    if (name.startsWith("on")) problems.push(`event handler ${name}= on <${tag}>`);
    if (options.csp && name === "style") problems.push(`style attribute on <${tag}>`);
    if (!URL_ATTRIBUTES.has(name)) continue;
    const urls = name === "srcset" ? value.split(",").map((s) => s.trim().split(/\s+/)[0] ?? "") : [value];
    for (const url of urls) {
      // Browsers strip leading spaces and ignore tabs and newlines anywhere in a URL.
      const compact = url.replace(/[\u0000-\u0020]/g, "");
      if (SCRIPT_SCHEMES.test(compact)) problems.push(`${name}="${url}" on <${tag}> uses a script-capable scheme`);
      const loads =
        (name === "src" || name === "srcset" || name === "poster" || name === "data" || name === "background") ||
        (tag === "link" && name === "href" && LOADING_LINK_RELS.test(attr("rel") ?? ""));
      if (loads && !sameOrigin(url, options.origin)) problems.push(`<${tag} ${name}="${url}"> loads from another origin`);
    }
  }
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url.trim(), `${origin}/some/page/`).origin === origin;
  } catch {
    return false;
  }
}

/** Problems in one built file, by its type. */
export function scanFile(path: string, bytes: Uint8Array, origin: string): string[] {
  const problems: string[] = [];
  try {
    assertSafeOutputPath(path);
  } catch (error) {
    problems.push((error as Error).message);
  }
  const text = new TextDecoder().decode(bytes);
  if (path.endsWith(".html")) {
    problems.push(...scanHtml(text, { origin, csp: true }));
  } else if (/\.(xml|rss|atom)$/.test(path)) {
    problems.push(...scanXml(text, origin));
  } else if (path.endsWith(".json")) {
    problems.push(...scanJson(text, origin));
  }
  return problems.map((p) => `${path}: ${p}`);
}

export function scanSite(files: ReadonlyMap<string, Uint8Array>, origin: string): string[] {
  return [...files].flatMap(([path, bytes]) => scanFile(path, bytes, origin));
}

/**
 * Feeds: well-formed (xmllint), no markup element that runs script, and the HTML inside them
 * (RSS description/content:encoded, Atom type="html") safe once a reader decodes it.
 */
export function scanXml(xml: string, origin: string): string[] {
  const problems: string[] = [];
  const lint = spawnSync("xmllint", ["--noout", "--nonet", "-"], { input: xml, encoding: "utf8" });
  if (lint.error) problems.push(`xmllint could not run: ${lint.error.message}`);
  else if (lint.status !== 0) problems.push(`not well-formed XML: ${lint.stderr.split("\n")[0]}`);
  if (/<(script|iframe|object|embed)\b/i.test(xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ""))) problems.push("markup element that runs or embeds");
  const isAtom = /<feed\b/.test(xml);
  const htmlElements = isAtom
    ? /<([\w:]+)\b[^>]*\btype="html"[^>]*>([\s\S]*?)<\/\1>/g
    : /<(description|content:encoded)\b[^>]*>([\s\S]*?)<\/\1>/g;
  for (const m of xml.matchAll(htmlElements)) {
    const html = decodeXmlText(m[2] ?? "");
    for (const p of scanHtml(html, { origin, csp: false }, true)) problems.push(`in <${m[1]}>: ${p}`);
  }
  return problems;
}

/** JSON Feed and search index: valid JSON; `content_html` values safe as HTML. */
export function scanJson(text: string, origin: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return [`not valid JSON: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  const visit = (v: unknown, key: string) => {
    if (typeof v === "string" && key === "content_html") {
      for (const p of scanHtml(v, { origin, csp: false }, true)) problems.push(`in content_html: ${p}`);
    } else if (Array.isArray(v)) v.forEach((x) => visit(x, key));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) visit(x, k);
  };
  visit(value, "");
  return problems;
}

function decodeXmlText(s: string): string {
  return s
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, "$1")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}
