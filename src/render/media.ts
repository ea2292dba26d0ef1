import { posix } from "node:path";
import type { MediaRef } from "../content/media.js";
import type { DiagnosticBag } from "../diagnostics.js";
import type { PublishedArticle } from "../model/library.js";
import { outputPath } from "../model/routes.js";
import type { ViewContext } from "../pages/context.js";
import { forEachLimit } from "../util/concurrency.js";
import { escapeHtml } from "../util/html.js";
import type { Writer } from "../write/writer.js";
import { isProcessable, type ImageCache, type ProcessedImage } from "./images.js";
import type { PictureView } from "./views.js";

/**
 * Publishes the files an article uses into the article's own output folder, so the relative
 * paths editors write (`![alt](photo.jpg)`, `image.src: photo.jpg`) keep working, and gives
 * raster images responsive variants. The original is published too, for anything that links
 * to it by name. Runs before pages are rendered: a page needs its images' sizes.
 */
export interface PublishedMedia {
  /** Site-relative href of the file as the editor placed it. */
  href: string;
  /** Set for resized raster images. */
  picture?: PictureView;
}

/** Article id → (path relative to the article's folder → what was published). */
export type MediaIndex = Map<string, Map<string, PublishedMedia>>;

/** A layout hint for browsers choosing a size: full width on phones, the text column otherwise. */
export const IMAGE_SIZES = "(min-width: 50rem) 48rem, 100vw";

export async function publishMedia(
  ctx: ViewContext,
  writer: Writer,
  images: ImageCache,
  bag: DiagnosticBag,
): Promise<MediaIndex> {
  const index: MediaIndex = new Map();
  const jobs: { article: PublishedArticle; ref: MediaRef }[] = [];
  for (const article of ctx.library.articles) for (const ref of article.media) jobs.push({ article, ref });
  const written = new Set<string>();
  const write = async (output: string, source: string) => {
    if (written.has(output)) return;
    written.add(output);
    await writer.copyFile(source, output);
  };
  await forEachLimit(jobs, 4, async ({ article, ref }) => {
    let byPath = index.get(article.id);
    if (!byPath) index.set(article.id, (byPath = new Map()));
    if (byPath.has(ref.path)) return;
    const route = article.url + ref.path;
    await write(outputPath(route), ref.sourcePath);
    const published: PublishedMedia = { href: ctx.href(route) };
    byPath.set(ref.path, published);
    if (!makesVariants(ref)) return;
    let processed: ProcessedImage;
    try {
      processed = await images.process(ref.sourcePath);
    } catch (error) {
      bag.error(article.file, ref.at, "content/image-unreadable", `${ref.src} could not be read as an image: ${(error as Error).message}`,
        "open it in an image editor and save it again as JPEG, PNG or WebP");
      return;
    }
    const stem = variantStem(article.url, ref.path);
    const variantRoute = (width: number, format: string) => `${stem}-${width}.${format}`;
    for (const format of processed.formats) {
      for (const v of format.variants) await write(outputPath(variantRoute(v.width, format.format)), v.file);
    }
    const srcset = (format: (typeof processed.formats)[number]) =>
      format.variants.map((v) => `${ctx.href(variantRoute(v.width, format.format))} ${v.width}w`).join(", ");
    const fallback = processed.formats[processed.formats.length - 1]!;
    published.picture = {
      src: ctx.href(variantRoute(fallback.variants.at(-1)!.width, fallback.format)),
      srcset: srcset(fallback),
      sizes: IMAGE_SIZES,
      width: processed.width,
      height: processed.height,
      sources: processed.formats.slice(0, -1).map((f) => ({ type: f.mime, srcset: srcset(f) })),
    };
  });
  return index;
}

/** Whether publishing `ref` writes resized copies beside the original, not only the original. */
export function makesVariants(ref: Pick<MediaRef, "kind" | "path">): boolean {
  return ref.kind !== "link" && isProcessable(ref.path);
}

/**
 * The route every resized copy of `path` starts with: `/2024/12/story/charts/chart` gives
 * `/2024/12/story/charts/chart-960.webp`. Output checks (pages/outputs.ts) match against it,
 * so the naming lives here only.
 */
export function variantStem(articleUrl: string, path: string): string {
  const dir = posix.dirname(path) === "." ? "" : `${posix.dirname(path)}/`;
  return `${articleUrl}${dir}${posix.basename(path, posix.extname(path))}`;
}

/** `-960.webp`: what follows the stem in a resized copy's name. */
export const VARIANT_SUFFIX = /^-\d+\.[a-z0-9]+$/;

/** `<picture>` markup for body images; the template builds the same for the lead image. */
export function pictureHtml(p: PictureView, altHtml: string, titleHtml?: string): string {
  const sources = p.sources.map((s) => `<source type="${escapeHtml(s.type)}" srcset="${escapeHtml(s.srcset)}" sizes="${escapeHtml(p.sizes)}">`).join("");
  const title = titleHtml === undefined ? "" : ` title="${titleHtml}"`;
  return `<picture>${sources}<img src="${escapeHtml(p.src)}" srcset="${escapeHtml(p.srcset)}" sizes="${escapeHtml(p.sizes)}" alt="${altHtml}"${title} width="${p.width}" height="${p.height}" loading="lazy" decoding="async"></picture>`;
}

/**
 * Points the images and file links of sanitized body HTML at what was published. Only
 * attributes the Markdown pipeline wrote are touched (it always writes `src` then `alt`, and
 * `href` first), and the values kept (alt, title) are already escaped by it.
 */
export function rewriteBodyMedia(html: string, media: ReadonlyMap<string, PublishedMedia> | undefined): string {
  if (!media || media.size === 0) return html;
  const find = (raw: string) => media.get(localPath(raw));
  return html
    .replace(/<img src="([^"]*)" alt="([^"]*)"(?: title="([^"]*)")?>/g, (whole, src: string, alt: string, title?: string) => {
      const found = find(src);
      if (!found) return whole;
      if (found.picture) return pictureHtml(found.picture, alt, title);
      return whole.replace(`src="${src}"`, `src="${escapeHtml(found.href)}"`);
    })
    .replace(/<a href="([^"]*)"/g, (whole, href: string) => {
      const found = find(href);
      return found ? `<a href="${escapeHtml(found.href)}"` : whole;
    });
}

/** The article-relative path an attribute value names, as MediaRef.path spells it. */
function localPath(attribute: string): string {
  const value = attribute.replace(/&#x26;|&amp;/g, "&").replace(/[?#].*$/, "");
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    decoded = value;
  }
  return posix.normalize(decoded);
}
