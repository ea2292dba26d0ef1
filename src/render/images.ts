import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";
import type { ImageOptions } from "@11ty/eleventy-img";
import { digest } from "../util/digest.js";

/**
 * The one module that knows @11ty/eleventy-img (and through it sharp, whose prebuilt libvips
 * binary arrives as an npm optional dependency, so nothing is compiled at install time).
 * Turns one source image into responsive sizes in modern formats, cached on disk by the
 * digest of the image's bytes and of these options: a rebuild re-encodes nothing it has
 * encoded before, and a cache entry appears whole or not at all (written aside, then renamed).
 */
export const IMAGE_PIPELINE_VERSION = "1";

/**
 * Target widths. Wider than the source is never made; the source's own width (capped at the
 * widest target) is always made, so a 1200px photo is not served at most 960px wide.
 */
const WIDTHS = [480, 960, 1600];
/** Modern formats first; "auto" keeps the source's own format as the fallback for old browsers. */
const FORMATS = ["avif", "webp", "auto"];
const OPTIONS: ImageOptions = {
  widths: WIDTHS,
  formats: FORMATS,
  // Phone photos are stored sideways with an EXIF rotation; the resized copies drop EXIF, so
  // rotate them for real.
  fixOrientation: true,
  useCache: false,
  sharpAvifOptions: { quality: 55, effort: 2 },
  sharpWebpOptions: { quality: 78 },
};

/** Raster formats worth resizing; SVG, GIF (may be animated) and other files are published as they are. */
const PROCESSED = new Set([".jpg", ".jpeg", ".png", ".webp", ".avif"]);

export function isProcessable(path: string): boolean {
  return PROCESSED.has(extname(path).toLowerCase());
}

export interface ImageVariant {
  width: number;
  height: number;
  /** The encoded file in the cache. */
  file: string;
}

export interface ImageFormat {
  /** `avif`, `webp`, `jpeg`, `png`: also the file extension used. */
  format: string;
  mime: string;
  /** Narrowest first. */
  variants: ImageVariant[];
}

export interface ProcessedImage {
  /** The largest variant's size: what width and height attributes say. */
  width: number;
  height: number;
  /** Modern formats first, the source's own format last. */
  formats: ImageFormat[];
}

interface CacheMeta {
  width: number;
  height: number;
  formats: { format: string; mime: string; variants: { width: number; height: number; name: string }[] }[];
}

export class ImageCache {
  readonly #inFlight = new Map<string, Promise<ProcessedImage>>();

  constructor(readonly cacheDir: string) {}

  /** Processes `sourcePath` (or reuses the cached result for the same bytes). */
  async process(sourcePath: string): Promise<ProcessedImage> {
    const bytes = await readFile(sourcePath);
    const key = digest(IMAGE_PIPELINE_VERSION, JSON.stringify(OPTIONS), bytes);
    let pending = this.#inFlight.get(key);
    if (!pending) {
      pending = this.#load(key, bytes);
      this.#inFlight.set(key, pending);
    }
    return pending;
  }

  async #load(key: string, bytes: Buffer): Promise<ProcessedImage> {
    const dir = join(this.cacheDir, "images", key.slice(0, 2), key);
    const cached = await readFile(join(dir, "meta.json"), "utf8").then((t) => JSON.parse(t) as CacheMeta, () => undefined);
    if (cached) return toProcessed(cached, dir);

    const staging = `${dir}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    await mkdir(staging, { recursive: true });
    try {
      const { default: Image, ImageSize } = await eleventyImage();
      const result = await Image(bytes, {
        ...OPTIONS,
        widths: widthsFor(ImageSize(bytes)),
        outputDir: staging,
        urlPath: "/",
        filenameFormat: (_id, _src, width, format) => `${width}.${format}`,
      });
      const formats = Object.values(result)
        .filter((outputs) => outputs.length > 0)
        .map((outputs) => ({
          format: outputs[0]!.format,
          mime: outputs[0]!.sourceType,
          variants: [...outputs].sort((a, b) => a.width - b.width).map((o) => ({ width: o.width, height: o.height, name: o.filename })),
        }))
        .sort((a, b) => FORMAT_ORDER.indexOf(a.format) - FORMAT_ORDER.indexOf(b.format));
      const largest = formats[formats.length - 1]!.variants.at(-1)!;
      const meta: CacheMeta = { width: largest.width, height: largest.height, formats };
      await writeFile(join(staging, "meta.json"), JSON.stringify(meta));
      await rename(staging, dir).catch(async (error: NodeJS.ErrnoException) => {
        // Another build cached the same image first: its entry is as good as ours.
        if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error;
        await rm(staging, { recursive: true, force: true });
      });
      return toProcessed(meta, dir);
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
  }
}

/**
 * Loaded on the first image that is not in the cache: the library and its image codecs take
 * a tenth of a second to load, which every build without new images would otherwise pay.
 */
let imageModule: Promise<typeof import("@11ty/eleventy-img")> | undefined;
const eleventyImage = () => (imageModule ??= import("@11ty/eleventy-img"));

function widthsFor(size: { width: number; height: number; orientation?: number | undefined }): number[] {
  // EXIF orientations 5–8 are quarter turns: the displayed width is the stored height.
  const width = size.orientation !== undefined && size.orientation >= 5 ? size.height : size.width;
  const widest = Math.min(width, WIDTHS[WIDTHS.length - 1]!);
  return [...WIDTHS.filter((w) => w < widest), widest];
}

/** avif and webp before the source format, whatever order the library returns them in. */
const FORMAT_ORDER = ["avif", "webp", "jpeg", "png", "gif"];

function toProcessed(meta: CacheMeta, dir: string): ProcessedImage {
  return {
    width: meta.width,
    height: meta.height,
    formats: meta.formats.map((f) => ({
      format: f.format,
      mime: f.mime,
      variants: f.variants.map((v) => ({ width: v.width, height: v.height, file: join(dir, v.name) })),
    })),
  };
}
