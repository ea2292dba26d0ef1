import { readFile } from "node:fs/promises";
import { assertSafeOutputPath, type Writer } from "./writer.js";

/** Keeps the site in a Map: for tests and for callers that post-process pages. */
export class MemoryWriter implements Writer {
  readonly files = new Map<string, Uint8Array>();
  #pending = new Map<string, Uint8Array>();
  committed = false;

  async write(path: string, contents: string | Uint8Array): Promise<void> {
    assertSafeOutputPath(path);
    if (this.#pending.has(path)) throw new Error(`${path} written twice in one build`);
    this.#pending.set(path, typeof contents === "string" ? new TextEncoder().encode(contents) : contents);
  }

  async copyFile(source: string, path: string): Promise<void> {
    await this.write(path, await readFile(source));
  }

  async commit(): Promise<void> {
    this.files.clear();
    for (const [k, v] of this.#pending) this.files.set(k, v);
    this.#pending = new Map();
    this.committed = true;
  }

  async abort(): Promise<void> {
    this.#pending = new Map();
  }

  text(path: string): string {
    const bytes = this.files.get(path);
    if (!bytes) throw new Error(`no file ${path} in the built site; have: ${[...this.files.keys()].slice(0, 20).join(", ")}`);
    return new TextDecoder().decode(bytes);
  }
}
