import { closeSync, fstatSync, openSync, readSync, writeSync } from "node:fs";
import { digest } from "../util/digest.js";

/**
 * Rendered Markdown HTML in one append-only file instead of a file per article: writing
 * 100,000 small files costs as much as writing the site again, while appending to one file
 * is nearly free. Each entry is located by offset and length and carries its sha256, so a
 * truncated or overwritten pack is detected on read and never trusted.
 */
export interface PackRef {
  offset: number;
  length: number;
  sha: string;
}

export class HtmlPack {
  #fd: number;
  #size: number;

  private constructor(
    readonly path: string,
    fd: number,
    size: number,
  ) {
    this.#fd = fd;
    this.#size = size;
  }

  /** Opens (creating if needed) a pack for reading and appending. */
  static open(path: string, fresh: boolean): HtmlPack {
    const fd = openSync(path, fresh ? "w+" : "a+");
    return new HtmlPack(path, fd, fstatSync(fd).size);
  }

  /** Opens an existing pack only to read it (throws when there is none). */
  static openToRead(path: string): HtmlPack {
    const fd = openSync(path, "r");
    return new HtmlPack(path, fd, fstatSync(fd).size);
  }

  get size(): number {
    return this.#size;
  }

  append(html: string): PackRef {
    const bytes = Buffer.from(html, "utf8");
    const offset = this.#size;
    let written = 0;
    while (written < bytes.length) written += writeSync(this.#fd, bytes, written, bytes.length - written);
    this.#size += bytes.length;
    return { offset, length: bytes.length, sha: digest(bytes) };
  }

  /** The HTML, or undefined when the bytes on disk are not what was stored. */
  read(ref: PackRef): string | undefined {
    if (ref.offset + ref.length > this.#size) return undefined;
    const bytes = Buffer.alloc(ref.length);
    let read = 0;
    while (read < ref.length) {
      const n = readSync(this.#fd, bytes, read, ref.length - read, ref.offset + read);
      if (n === 0) return undefined;
      read += n;
    }
    return digest(bytes) === ref.sha ? bytes.toString("utf8") : undefined;
  }

  get closed(): boolean {
    return this.#fd < 0;
  }

  close(): void {
    if (this.#fd < 0) return;
    closeSync(this.#fd);
    this.#fd = -1;
  }
}

/** An entry and the pack that holds it: what another thread needs to read the entry itself. */
export interface PackedAt {
  pack: string;
  ref: PackRef;
}

/**
 * Read-only handles on packs, each opened when first read and all closed by `close`, for a
 * worker thread that reads many entries by where they are. A pack that cannot be opened reads
 * as lost (undefined), like an entry whose bytes changed.
 */
export class PackReaders {
  readonly #packs = new Map<string, HtmlPack | undefined>();

  read(at: PackedAt): string | undefined {
    if (!this.#packs.has(at.pack)) {
      let pack: HtmlPack | undefined;
      try {
        pack = HtmlPack.openToRead(at.pack);
      } catch {
        pack = undefined;
      }
      this.#packs.set(at.pack, pack);
    }
    return this.#packs.get(at.pack)?.read(at.ref);
  }

  close(): void {
    for (const pack of this.#packs.values()) pack?.close();
    this.#packs.clear();
  }
}
