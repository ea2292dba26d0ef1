import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildProject, ROOT, type BuiltSite } from "../helpers.js";
import { parseHeadersFile } from "../support/headers.js";

/**
 * The strongest evidence that the site works under its Content-Security-Policy: a real
 * Chromium loads pages served with the headers from the built `_headers`, and reports every
 * policy violation and every request to another origin. A control page with an inline script
 * proves the policy is really enforced.
 */
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const TYPES: Record<string, string> = { html: "text/html; charset=utf-8", css: "text/css", xml: "application/xml", json: "application/json", txt: "text/plain" };

describe("pages under the shipped Content-Security-Policy, in Chromium", () => {
  let site: BuiltSite;
  let server: Server;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    site = await buildProject(ROOT);
    expect(site.ok).toBe(true);
    const headers = parseHeadersFile(site.writer.text("_headers")).find((r) => r.path === "/*")!.headers;
    const files = new Map(site.writer.files);
    files.set("__control__/index.html", new TextEncoder().encode('<!doctype html><p>x</p><script>document.title = "ran"</script><p style="color:red">y</p>'));
    server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/^\//, "");
      const file = path === "" || path.endsWith("/") ? `${path}index.html` : path;
      const body = files.get(file);
      for (const [name, value] of headers) res.setHeader(name, value);
      res.setHeader("content-type", TYPES[file.split(".").pop() ?? ""] ?? "application/octet-stream");
      res.statusCode = body ? 200 : 404;
      res.end(body ?? files.get("404.html"));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function visit(path: string) {
    const page = await browser.newPage();
    const violations: string[] = [];
    const foreign: string[] = [];
    const failed: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    page.on("request", (r) => {
      if (new URL(r.url()).origin !== origin) foreign.push(r.url());
    });
    page.on("response", (r) => {
      if (r.status() >= 400 && r.url() !== `${origin}${path}`) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${origin}${path}`, { waitUntil: "load" });
    const css = String(await page.evaluate("getComputedStyle(document.body).fontFamily"));
    const title = await page.title();
    await page.close();
    return { violations, foreign, failed, css, title };
  }

  it("the control page's inline script and style are blocked: the policy is enforced", async () => {
    const result = await visit("/__control__/");
    expect(result.title).not.toBe("ran");
    expect(result.violations.length).toBeGreaterThanOrEqual(2);
  });

  it("every kind of page loads with no violation, nothing from another origin and its stylesheet applied", async () => {
    const paths = ["/", "/archive/", "/tags/", "/entities/", "/authors/", "/404.html"];
    const article = [...site.writer.files.keys()].find((p) => /^\d{4}\/\d{2}\/[^/]+\/index\.html$/.test(p))!;
    const tag = [...site.writer.files.keys()].find((p) => /^tags\/[^/]+\/index\.html$/.test(p))!;
    paths.push(`/${article.replace(/index\.html$/, "")}`, `/${tag.replace(/index\.html$/, "")}`);
    for (const path of paths) {
      const result = await visit(encodeURI(path));
      expect({ path, violations: result.violations, foreign: result.foreign, failed: result.failed }).toEqual({ path, violations: [], foreign: [], failed: [] });
      expect(result.css, path).toMatch(/Charter|system-ui|serif/); // site.css loaded under style-src 'self'
    }
  });
});
