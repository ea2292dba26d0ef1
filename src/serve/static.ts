import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { contentType, findFile } from "./files.js";

/**
 * Serves a built site exactly as a static host would: no rebuilds, no injected scripts, and
 * the strict Content-Security-Policy we recommend in the README, so browser tests and the
 * Lighthouse audit prove the site works under it. `dateline serve` is the authoring server.
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function serveStatic(dir: string, options: { port?: number; host?: string } = {}): Promise<StaticServer> {
  const root = resolve(dir);
  const host = options.host ?? "127.0.0.1";
  const server = createServer((req, res) => {
    void (async () => {
      let pathname = "/";
      try {
        pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
      } catch {
        // A malformed escape falls through to the 404 page.
      }
      const file = await findFile(root, pathname);
      const path = file ?? join(root, "404.html");
      const body = await readFile(path).catch(() => undefined);
      res.writeHead(file && body ? 200 : 404, {
        "content-type": contentType(path),
        "content-security-policy": STRICT_CSP,
        "x-content-type-options": "nosniff",
        "cache-control": "no-cache",
      });
      res.end(req.method === "HEAD" ? undefined : (body ?? "Not found"));
    })().catch(() => {
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, host, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

