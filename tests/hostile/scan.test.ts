import { describe, expect, it } from "vitest";
import { scanFile, scanHtml } from "../support/scan.js";

/** The output scanner must catch what it claims to, or the tests that rely on it prove nothing. */
const ORIGIN = "http://localhost:8080";
const page = (body: string, head = "") => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const scan = (html: string) => scanHtml(html, { origin: ORIGIN, csp: true });

describe("the output scanner", () => {
  it("passes a clean page", () => {
    expect(scan(page('<a href="https://example.org/">out</a><img src="/a.png" alt="">', '<link rel="stylesheet" href="/site.css"><link rel="canonical" href="https://example.org/x/"><script src="/search.js"></script><script type="application/ld+json">{"a":"<\\/script>"}</script>'))).toEqual([]);
  });

  it.each([
    ["<script>alert(1)</script>", "inline <script>"],
    ['<script type="module">x</script>', 'inline <script type="module">'],
    ['<script src="https://cdn.example/x.js"></script>', "from another origin"],
    ['<script src="//cdn.example/x.js"></script>', "from another origin"],
    ['<img src="https://evil.example/p.png" alt="">', "loads from another origin"],
    ['<img srcset="/a.png 1x, https://evil.example/b.png 2x" alt="">', "loads from another origin"],
    ['<link rel="stylesheet" href="https://fonts.example/css">', "loads from another origin"],
    ['<iframe src="/x"></iframe>', "<iframe> element"],
    ['<object data="/x"></object>', "<object> element"],
    ['<embed src="/x">', "<embed> element"],
    ['<p onclick="x()">a</p>', "event handler onclick="],
    ['<svg><circle onload="x()"/></svg>', "event handler onload="],
    ['<p style="color:red">a</p>', "style attribute on <p>"],
    ["<style>p{}</style>", "inline <style> element"],
    ['<a href="javascript:alert(1)">a</a>', "script-capable scheme"],
    ['<a href=" jav&#x09;ascript:alert(1)">a</a>', "script-capable scheme"],
    ['<a href="data:text/html,x">a</a>', "script-capable scheme"],
    ['<meta http-equiv="refresh" content="0;url=https://x">', "<meta http-equiv=refresh>"],
    ['<script type="application/ld+json">{"name":"</script><script>alert(1)</script>"}</script>', "not valid JSON"],
    ['<script type="application/ld+json">{"name":"<!--"}</script>', "JSON-LD contains </script or <!--"],
  ])("catches %s", (html, expected) => {
    expect(scan(page(html)).join("\n")).toContain(expected);
  });

  it("checks feeds: well-formed XML and the HTML inside them", () => {
    expect(scanFile("feed.xml", new TextEncoder().encode("<rss><channel><title>a & b</title></channel></rss>"), ORIGIN).join()).toMatch(/not well-formed XML/);
    const rss = `<rss><channel><item><title>&lt;b&gt;ok&lt;/b&gt;</title><description>&lt;img src=x onerror=alert(1)&gt;</description></item></channel></rss>`;
    expect(scanFile("feed.xml", new TextEncoder().encode(rss), ORIGIN)).toEqual(["feed.xml: in <description>: event handler onerror= on <img>"]);
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="text">&lt;script&gt;</title><content type="html"><![CDATA[<script>alert(1)</script>]]></content></entry></feed>`;
    expect(scanFile("atom.xml", new TextEncoder().encode(atom), ORIGIN)).toEqual(["atom.xml: in <content>: inline <script>"]);
  });

  it("checks JSON Feed content_html and JSON validity", () => {
    expect(scanFile("feed.json", new TextEncoder().encode('{"items":[{"title":"<script>","content_html":"<a href=\\"javascript:x\\">a</a>"}]}'), ORIGIN))
      .toEqual(['feed.json: in content_html: href="javascript:x" on <a> uses a script-capable scheme']);
    expect(scanFile("search.json", new TextEncoder().encode("{nope"), ORIGIN).join()).toMatch(/not valid JSON/);
  });

  it("refuses output paths outside the output folder", () => {
    expect(scanFile("../x.html", new Uint8Array(), ORIGIN).join()).toMatch(/refusing to write outside the output folder/);
  });
});
