// @11ty/eleventy-img ships no type declarations; this covers what src/render/images.ts uses.
declare module "@11ty/eleventy-img" {
  export interface ImageOutput {
    format: string;
    width: number;
    height: number;
    filename: string;
    outputPath: string;
    sourceType: string;
    size: number;
  }
  export interface ImageOptions {
    widths?: (number | "auto" | null)[];
    formats?: string[];
    outputDir?: string;
    urlPath?: string;
    useCache?: boolean;
    fixOrientation?: boolean;
    filenameFormat?: (id: string, src: unknown, width: number, format: string) => string;
    sharpAvifOptions?: Record<string, unknown>;
    sharpWebpOptions?: Record<string, unknown>;
    sharpJpegOptions?: Record<string, unknown>;
    sharpPngOptions?: Record<string, unknown>;
  }
  export function ImageSize(input: Buffer): { width: number; height: number; orientation?: number; type?: string };
  export default function Image(src: string | Buffer, options?: ImageOptions): Promise<Record<string, ImageOutput[]>>;
}
