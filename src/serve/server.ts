import { watch, type FSWatcher } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { basename, dirname, join, resolve } from "node:path";
import { build, prepareForEdits, type BuildOptions } from "../build.js";
import { BuildSession } from "../incremental/session.js";
import { CONFIG_FILE, type ConfigOverrides, type SiteConfig } from "../config.js";
import { formatText, type Diagnostic } from "../diagnostics.js";
import { describeError } from "../errors.js";
import { CLIENT_SCRIPT, CLIENT_SCRIPT_PATH, CLIENT_STYLE, CLIENT_STYLE_PATH, clientTags, EVENTS_PATH, overlayHtml } from "./overlay.js";
import { contentType, findFile } from "./files.js";

export { EVENTS_PATH };

/**
 * `dateline serve`: builds, serves the output folder on localhost, rebuilds when content,
 * templates or public files change, and reloads the browser. A failed rebuild keeps the last
 * good site on disk (the build is atomic) and shows its diagnostics as an overlay.
 * Every rebuild goes through `build()`, so it gets faster as the build does (caching,
 * incremental rendering) without the server knowing how.
 */
export interface ServeOptions extends ConfigOverrides, Pick<BuildOptions, "onArticlesToProcess"> {
  port: number;
  host: string;
  log: (message: string) => void;
}

export interface RunningServer {
  url: string;
  server: Server;
  /** Builds finished so far (the first one included) and whether the last one succeeded. */
  status(): { builds: number; ok: boolean };
  /** Resolves when the rebuild in progress (if any) has finished. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const clients = new Set<ServerResponse>();
  let problems: { diagnostics: Diagnostic[]; error?: string } | undefined;
  let config: SiteConfig | undefined;
  let building: Promise<void> = Promise.resolve();
  let queued = false;
  let builds = 0;
  const session = new BuildSession();

  const rebuild = async (): Promise<void> => {
    const started = performance.now();
    try {
      const result = await build({ ...options, session });
      config = result.config;
      if (result.ok) {
        problems = undefined;
        const warnings = result.diagnostics.length ? `\n${formatText(result.diagnostics)}` : "";
        options.log(`built ${result.articles} articles, ${result.files} files in ${Math.round(performance.now() - started)} ms${warnings}`);
      } else {
        problems = { diagnostics: result.diagnostics };
        options.log(`${formatText(result.diagnostics)}\nbuild failed: still serving the last good site`);
      }
    } catch (error) {
      problems = { diagnostics: [], error: describeError(error) };
      options.log(`error: ${problems.error}\nbuild failed: still serving the last good site`);
    }
    builds++;
    for (const client of clients) client.write(`data: reload\n\n`);
  };
  const schedule = () => {
    if (queued) return;
    queued = true;
    building = building.then(async () => {
      await new Promise((r) => setTimeout(r, 50)); // let an editor finish writing all its files
      queued = false;
      await rebuild();
    });
  };

  await rebuild();
  // While the editor reads the first build, load what their first save will need. A failure
  // here is not the editor's problem: the rebuild that needs the module reports it.
  if (!config) throw new Error("unreachable: the first build always sets config");
  const site = config;
  prepareForEdits(session, site).catch(() => undefined);
  const server = createServer((req, res) => {
    handle(req, res, site, clients, () => problems).catch((error) => {
      res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end(describeError(error));
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolveListen());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${options.host}:${address.port}${site.pathPrefix}`;

  // The content folder holds the articles, the images beside them and the entity registry.
  const watchers: FSWatcher[] = [];
  for (const dir of [site.contentDir, site.templatesDir, site.publicDir]) {
    try {
      watchers.push(watch(dir, { recursive: true }, schedule));
    } catch {
      // A folder that does not exist (no public/) has nothing to watch.
    }
  }
  // Editors save by writing a new file and renaming it over the old one, which ends a watch
  // on the file itself: watch its folder instead, for this one name.
  const configFile = resolve(site.projectDir, options.configFile ?? CONFIG_FILE);
  try {
    watchers.push(watch(dirname(configFile), (_event, name) => {
      if (name === basename(configFile)) schedule();
    }));
  } catch {
    // No project folder to watch: nothing can change the config either.
  }
  return {
    url,
    server,
    status: () => ({ builds, ok: problems === undefined }),
    idle: async () => {
      await building;
      if (queued) await building;
    },
    close: async () => {
      for (const w of watchers) w.close();
      for (const c of clients) c.end();
      await building;
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

export async function serve(options: ServeOptions): Promise<void> {
  const running = await startServer(options);
  options.log(`serving ${running.url} (Ctrl+C to stop)`);
  await new Promise<void>((resolveStop) => {
    const stop = () => {
      void running.close().then(resolveStop);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  config: SiteConfig,
  clients: Set<ServerResponse>,
  problems: () => { diagnostics: Diagnostic[]; error?: string } | undefined,
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname === CLIENT_SCRIPT_PATH || url.pathname === CLIENT_STYLE_PATH) {
    const script = url.pathname === CLIENT_SCRIPT_PATH;
    res.writeHead(200, { "content-type": script ? contentType("x.js") : contentType("x.css"), "cache-control": "no-store" });
    res.end(script ? CLIENT_SCRIPT : CLIENT_STYLE);
    return;
  }
  if (url.pathname === EVENTS_PATH) {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
    res.write(": connected\n\n");
    clients.add(res);
    req.on("close", () => clients.delete(res));
    return;
  }
  const prefix = config.pathPrefix;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    pathname = "/";
  }
  if (!pathname.startsWith(prefix) && `${pathname}/` !== prefix) {
    res.writeHead(302, { location: prefix });
    res.end();
    return;
  }
  const relative = pathname.slice(prefix.length).replace(/^\/+/, "");
  const file = await findFile(config.outDir, relative);
  const status = file ? 200 : 404;
  const path = file ?? join(config.outDir, "404.html");
  let body: Buffer;
  try {
    body = await readFile(path);
  } catch {
    // Nothing built yet (the first build failed): still show why, and reload once it is fixed.
    const current = problems();
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not built yet</title></head><body>` +
      `<p>Nothing has been built yet.</p>${clientTags()}${current ? overlayHtml(current.diagnostics, current.error) : ""}</body></html>`;
    res.writeHead(current ? 503 : 404, { "content-type": contentType("x.html"), "cache-control": "no-store" });
    res.end(html);
    return;
  }
  const type = contentType(path);
  if (type.startsWith("text/html")) {
    const current = problems();
    const extra = clientTags() + (current ? overlayHtml(current.diagnostics, current.error) : "");
    const html = body.toString("utf8");
    const at = html.lastIndexOf("</body>");
    body = Buffer.from(at === -1 ? html + extra : html.slice(0, at) + extra + html.slice(at));
  }
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(req.method === "HEAD" ? undefined : body);
}

