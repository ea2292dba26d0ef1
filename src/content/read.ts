import { readFile } from "node:fs/promises";

/**
 * Turns a file's bytes into the text the rest of the pipeline sees. Byte-order marks and
 * Windows line endings are normal in files pasted from other tools and simply work; binary
 * files and broken UTF-8 are refused with the place they go wrong.
 */
export type DecodeResult =
  | { ok: true; text: string }
  | { ok: false; rule: string; message: string; hint: string; line: number; column: number };

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

export function decodeArticle(bytes: Uint8Array): DecodeResult {
  // Notepad's "Unicode" is UTF-16: every other byte is NUL, so without this it would be
  // reported as a binary file to move away rather than a text file to re-save.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      rule: "file/encoding",
      message: "the file is UTF-16 text, not UTF-8",
      hint: "re-save the file as UTF-8 in your editor (for UTF-16 text: iconv -f utf-16 -t utf-8)",
      line: 1,
      column: 1,
    };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, column } = positionOfByte(bytes, nul);
    return {
      ok: false,
      rule: "file/binary",
      message: "this is not a text file (it contains NUL bytes)",
      hint: "articles must be UTF-8 Markdown text; move other files out of the content folder",
      line,
      column,
    };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const { line, column } = positionOfByte(bytes, bad);
    return {
      ok: false,
      rule: "file/encoding",
      message: `the file is not valid UTF-8 (byte ${bad + 1} cannot be decoded)`,
      hint: "re-save the file as UTF-8 in your editor (for Windows-1252 text: iconv -f cp1252 -t utf-8)",
      line,
      column,
    };
  }
  // TextDecoder already drops a leading BOM; CR LF and lone CR become LF so line numbers agree.
  return { ok: true, text: text.replace(/\r\n?/g, "\n") };
}

export async function readArticleFile(path: string): Promise<DecodeResult> {
  return decodeArticle(await readFile(path));
}

function positionOfByte(bytes: Uint8Array, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

/** Index of the first byte that breaks UTF-8, found by decoding ever longer prefixes cheaply. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return i;
    try {
      utf8.decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return bytes.length - 1;
}
