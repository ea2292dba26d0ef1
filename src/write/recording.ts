import { stat } from "node:fs/promises";
import { DatelineError } from "../errors.js";
import { assertSafeOutputPath, type Writer } from "./writer.js";

/**
 * A Writer that only notes which file goes where. The cached build hands it to steps that
 * publish files by copying (media), keys each output by its source file, and copies only the
 * outputs whose key changed.
 */
export class RecordingWriter implements Writer {
  readonly copies = new Map<string, string>();

  async write(path: string): Promise<void> {
    throw new DatelineError(`RecordingWriter cannot hold written contents (${path})`, { hint: "this is a bug in Dateline" });
  }

  async copyFile(source: string, path: string): Promise<void> {
    this.copies.set(assertSafeOutputPath(path), source);
  }

  async commit(): Promise<void> {}

  async abort(): Promise<void> {}
}

/** Identity of a file's contents without reading it (inode, size, times in ns), as git's index does. */
export async function fileSignature(path: string): Promise<string> {
  const s = await stat(path, { bigint: true });
  return `${path}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}
