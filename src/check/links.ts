import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { Parser } from "htmlparser2";
import type { SiteConfig } from "../config.js";
import type { DiagnosticBag } from "../diagnostics.js";
import type { Library } from "../model/library.js";
import type { PlannedPage } from "../pages/plan.js";
import { forEachLimit } from "../util/concurrency.js";

/**
 * Checks every internal link and `#anchor` of a built site on disk: `dateline check --links`.
 * It reads the HTML the build really wrote (not the page values), so links that templates,
 * Markdown bodies and redirect pages make are all checked the same way. External links are
 * left alone: CI must not fail because another site is down.
 *
 * A broken link in an article is reported at the article's file and, when the link is
 * written there, its line. A broken link on a generated page almost always comes from a
 * template, so it is reported once with the number of pages that have it, not once per page.
 */
interface Link {
  value: string;
  tag: string;
}

interface ParsedPage {
  ids: Set<string>;
  links: Link[];
}

/** Attributes that point at another file of the site. */
const URL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ["href"],
  area: ["href"],
  link: ["href"],
  img: ["src", "srcset"],
  source: ["src", "srcset"],
  script: ["src"],
  iframe: ["src"],
  video: ["src", "poster"],
  audio: ["src"],
  track: ["src"],
};

export interface LinkReport {
  pages: number;
  links: number;
  broken: number;
}

export async function checkLinks(
  outDir: string,
  config: Pick<SiteConfig, "baseUrl" | "pathPrefix">,
  plan: { library: Library; pages: readonly PlannedPage[] },
  bag: DiagnosticBag,
): Promise<LinkReport> {
  const files = await listFiles(outDir);
  const fileSet = new Set(files);
  const htmlFiles = files.filter((f) => f.endsWith(".html"));
  const parsed = new Map<string, ParsedPage>();
  await forEachLimit(htmlFiles, 16, async (file) => {
    parsed.set(file, parseHtml(await readFile(join(outDir, file), "utf8")));
  });

  const owners = new Map<string, { file: string; sourcePath: string; line: number }>();
  for (const page of plan.pages) {
    if (page.spec.kind === "article" || page.spec.kind === "redirect") {
      const a = plan.library.articles[page.spec.index]!;
      owners.set(page.output, { file: a.file, sourcePath: a.sourcePath, line: page.spec.kind === "redirect" ? a.fieldLines.redirect_from ?? 0 : 0 });
    }
  }

  let links = 0;
  let broken = 0;
  const fromTemplates = new Map<string, Problem & { pages: string[]; files: string[] }>();
  for (const file of htmlFiles) {
    const page = parsed.get(file)!;
    const owner = owners.get(file);
    const sourceLines = owner ? (await readFile(owner.sourcePath, "utf8").catch(() => "")).split("\n") : [];
    const seen = new Set<string>();
    for (const link of page.links) {
      links++;
      if (seen.has(link.value)) continue;
      seen.add(link.value);
      const problem = resolveLink(link.value, file, config, fileSet, parsed);
      if (!problem) continue;
      broken++;
      const route = `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
      if (owner) {
        bag.error(owner.file, { line: findLine(sourceLines, link.value) || owner.line, column: 0 }, problem.rule,
          `on ${route}: ${problem.message}`, problem.hint);
      } else {
        const key = `${problem.rule}\0${problem.message}`;
        const group = fromTemplates.get(key) ?? { ...problem, pages: [], files: [] };
        group.pages.push(route);
        group.files.push(file);
        fromTemplates.set(key, group);
      }
    }
  }
  for (const group of fromTemplates.values()) {
    const where = group.pages.length === 1 ? `on ${group.pages[0]}` : `on ${group.pages.length} pages (${group.pages.slice(0, 3).join(", ")}${group.pages.length > 3 ? ", …" : ""})`;
    bag.error(group.files[0]!, undefined, group.rule, `${where}: ${group.message}`, `${group.hint}; a link on generated pages comes from a template`);
  }
  return { pages: htmlFiles.length, links, broken };
}

interface Problem {
  rule: string;
  message: string;
  hint: string;
}

/** Undefined when the link is fine or not ours to check. */
function resolveLink(
  value: string,
  fromFile: string,
  config: Pick<SiteConfig, "baseUrl" | "pathPrefix">,
  files: Set<string>,
  parsed: Map<string, ParsedPage>,
): Problem | undefined {
  const trimmed = value.trim();
  if (trimmed === "" || /^(mailto|tel|data|javascript|sms):/i.test(trimmed)) return undefined;
  const origin = new URL(config.baseUrl).origin;
  const pageUrl = new URL(encodeURI(config.pathPrefix + fromFile), origin);
  let url: URL;
  try {
    url = new URL(trimmed, pageUrl);
  } catch {
    return { rule: "links/invalid", message: `the link "${value}" is not a valid URL`, hint: "fix the link's spelling" };
  }
  if (url.origin !== origin) return undefined; // another site: not checked
  if (!url.pathname.startsWith(config.pathPrefix)) {
    return {
      rule: "links/outside-site",
      message: `the link "${value}" leaves the site's path ${config.pathPrefix}`,
      hint: "write links to other articles relative to the article, or start them with the base URL's path",
    };
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname.slice(config.pathPrefix.length));
  } catch {
    return { rule: "links/invalid", message: `the link "${value}" has a malformed %-escape`, hint: "fix the link's spelling" };
  }
  const target = [path === "" || path.endsWith("/") ? `${path}index.html` : path, `${path}/index.html`].find((p) => files.has(p));
  if (!target) {
    return {
      rule: "links/broken",
      message: `the link "${value}" points to ${url.pathname}, which is not a page or file of the site`,
      hint: "check the path; a renamed article can keep its old path with redirect_from",
    };
  }
  const hash = url.hash.slice(1);
  if (!hash || hash === "top" || !target.endsWith(".html")) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(hash);
  } catch {
    id = hash;
  }
  if (parsed.get(target)?.ids.has(id)) return undefined;
  return {
    rule: "links/anchor",
    message: `the link "${value}" points to #${id}, which is not an id on ${url.pathname}`,
    hint: "heading ids come from the heading text (## Border talks → #border-talks); check the spelling",
  };
}

function parseHtml(html: string): ParsedPage {
  const ids = new Set<string>();
  const links: Link[] = [];
  const parser = new Parser({
    onopentag(name, attribs) {
      if (attribs.id) ids.add(attribs.id);
      if (name === "a" && attribs.name) ids.add(attribs.name);
      for (const attr of URL_ATTRIBUTES[name] ?? []) {
        const value = attribs[attr];
        if (value === undefined) continue;
        if (attr === "srcset") for (const candidate of value.split(",")) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) links.push({ value: url, tag: name });
        }
        else links.push({ value, tag: name });
      }
      if (name === "meta" && attribs["http-equiv"]?.toLowerCase() === "refresh") {
        const url = attribs.content?.match(/url\s*=\s*(.+)$/i)?.[1];
        if (url) links.push({ value: url.trim().replace(/^['"]|['"]$/g, ""), tag: name });
      }
    },
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.end(html);
  return { ids, links };
}

/** The 1-based line of the article that holds the link, or 0. */
function findLine(lines: readonly string[], value: string): number {
  const forms = new Set([value]);
  try {
    forms.add(decodeURI(value));
  } catch {
    // keep the raw form only
  }
  for (let i = 0; i < lines.length; i++) {
    for (const form of forms) if (lines[i]!.includes(`(${form}`) || lines[i]!.includes(`: ${form}`) || lines[i]!.includes(`<${form}>`)) return i + 1;
  }
  return 0;
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}
