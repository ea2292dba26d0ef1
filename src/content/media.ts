import { posix } from "node:path";
import type { DiagnosticBag, Position } from "../diagnostics.js";
import type { Article } from "./article.js";
import { ASSET_EXTENSIONS, type SourceFile } from "./discover.js";

/**
 * Files an article uses from beside it: `![alt](photo.jpg)` in the body, `image.src:
 * photo.jpg` in frontmatter, and links to local files such as `[report](report.pdf)`. Found
 * while loading with a cheap scan (no Markdown parser: loading must stay fast), so `check`
 * reports missing alt text before anything is built.
 */
export interface MediaRef {
  /** As written in the article, e.g. `images/photo.jpg`. */
  src: string;
  /** Relative to the article's folder, normalised (`images/photo.jpg`): where it is published. */
  path: string;
  /** The file in the content folder, relative to it (the asset's contentPath). */
  contentPath: string;
  sourcePath: string;
  kind: "image" | "lead-image" | "link";
  alt?: string;
  at: Position;
}

const IMAGE = /!\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/g;
const LINK = /(?<!!)\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/g;

/** A path inside the article's folder, or undefined for URLs, site paths and anchors. */
export function isLocalReference(src: string): boolean {
  return !/^([a-z][a-z0-9+.-]*:|\/|#|\?)/i.test(src);
}

/**
 * Scans the body for local images and file links. Fenced and indented code is skipped, and
 * inline code spans are blanked, so an example in backticks is not taken for a real image.
 */
export interface RawMediaRef {
  src: string;
  alt?: string;
  kind: MediaRef["kind"];
  at: Position;
}

const DEFINITION = /^\s{0,3}\[([^\]\n]+)\]:\s*<?([^\s>]+)>?/;
const REFERENCE_IMAGE = /!\[([^\]\n]*)\]\[([^\]\n]*)\]/g;

export function scanBody(body: string, bodyLine: number): RawMediaRef[] {
  const found: RawMediaRef[] = [];
  // Reference-style images (`![alt][chart]` … `[chart]: chart.png`): definitions may come after use.
  const definitions = new Map<string, string>();
  for (const line of body.split("\n")) {
    if (!line.includes("]:")) continue;
    const m = line.match(DEFINITION);
    if (m && !definitions.has(m[1]!.toLowerCase())) definitions.set(m[1]!.toLowerCase(), m[2]!);
  }
  let fence: string | undefined;
  body.split("\n").forEach((raw, i) => {
    const fenceMatch = raw.match(/^\s{0,3}(`{3,}|~{3,})/);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1]![0]!;
      else if (fenceMatch[1]![0] === fence) fence = undefined;
      return;
    }
    // Every image and link has a `[`: most lines of prose have none, and need no more looking at.
    if (fence || !raw.includes("[") || /^( {4}|\t)/.test(raw)) return;
    const line = raw.replace(/`[^`]*`/g, (m) => " ".repeat(m.length));
    for (const m of line.matchAll(IMAGE)) {
      if (isLocalReference(m[2]!)) found.push({ src: m[2]!, alt: m[1]!, kind: "image", at: { line: bodyLine + i, column: m.index + 1 } });
    }
    for (const m of line.matchAll(REFERENCE_IMAGE)) {
      const src = definitions.get((m[2] || m[1]!).toLowerCase());
      if (src && isLocalReference(src)) found.push({ src, alt: m[1]!, kind: "image", at: { line: bodyLine + i, column: m.index + 1 } });
    }
    for (const m of line.matchAll(LINK)) {
      const src = m[1]!;
      if (isLocalReference(src) && ASSET_EXTENSIONS.has(posix.extname(stripSuffix(src)).toLowerCase())) {
        found.push({ src, kind: "link", at: { line: bodyLine + i, column: m.index + 1 } });
      }
    }
  });
  return found;
}

function stripSuffix(src: string): string {
  return src.replace(/[?#].*$/, "");
}

/**
 * An image or file in the content folder that no article (drafts included) refers to is not
 * published: say so, so it is not mistaken for published.
 */
export function reportUnusedMedia(articles: readonly Pick<Article, "media">[], assets: readonly SourceFile[], bag: DiagnosticBag): void {
  const used = new Set<string>();
  for (const a of articles) for (const m of a.media) used.add(m.contentPath);
  for (const asset of assets) {
    if (used.has(asset.contentPath)) continue;
    bag.warning(asset.displayPath, undefined, "content/unused-media", "no article refers to this file, so it is not published",
      "refer to it from the article beside it (![What it shows](photo.jpg)), or move it out of the content folder");
  }
}

/**
 * Resolves an article's references against the files discovered beside it and reports what
 * is wrong: no alt text, a path leaving the article's folder.
 * Returns the references that resolve, in order, without repeats.
 */
export function resolveMedia(
  article: Pick<Article, "id" | "file">,
  refs: readonly RawMediaRef[],
  assets: ReadonlyMap<string, SourceFile>,
  bag: DiagnosticBag,
): MediaRef[] {
  const folder = posix.dirname(article.id);
  const out: MediaRef[] = [];
  for (const ref of refs) {
    // The lead image's alt is a frontmatter field, already checked with the schema.
    if (ref.kind === "image" && !ref.alt?.trim()) {
      bag.error(article.file, ref.at, "content/image-alt", `the image ${ref.src} has no alt text`,
        "describe what the photo shows for readers who cannot see it: ![Border guards at the crossing](photo.jpg)");
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(stripSuffix(ref.src));
    } catch {
      decoded = stripSuffix(ref.src);
    }
    const path = posix.normalize(decoded);
    if (path.startsWith("../") || path === ".." || path.startsWith("/") || path.includes("\\")) {
      bag.error(article.file, ref.at, "content/media-outside", `${ref.src} is not in the article's folder`,
        "put the file beside the article (or in a folder beside it) and refer to it as photo.jpg or images/photo.jpg");
      continue;
    }
    const contentPath = folder === "." ? path : `${folder}/${path}`;
    const asset = assets.get(contentPath);
    // A file that is not there is left for `check --links`, which reports the broken image
    // or link at this line from the built page (a build still succeeds, as for any link).
    if (!asset) continue;
    if (out.some((o) => o.path === path && o.kind === ref.kind)) continue;
    out.push({ src: ref.src, path, contentPath, sourcePath: asset.absolutePath, kind: ref.kind, at: ref.at, ...(ref.alt !== undefined ? { alt: ref.alt } : {}) });
  }
  return out;
}
