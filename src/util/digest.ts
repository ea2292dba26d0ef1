import { createHash } from "node:crypto";

/** sha256 hex: the identity of content for caches and change detection. */
export function digest(...parts: (string | Uint8Array)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
}
