import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { resolveReference } from "../src/model/routes.js";
import { absolutizeHtml } from "../src/render/feed-items.js";
import { newsLanguage } from "../src/render/sitemap.js";
import { element, escapeXml, xmlSafe } from "../src/render/xml.js";

describe("XML escaping", () => {
  const hostile = "</script><script>alert(1)</script> ]]> <![CDATA[x]]> & &amp; \"q\" 'a' \u0000\u0001\u0008\u000b\u000c\u001f\ufffe\uffff";

  it("survives a round trip through an XML parser, minus characters XML cannot carry", () => {
    const doc = `<?xml version="1.0"?><r a="${escapeXml(hostile)}">${escapeXml(hostile)}</r>`;
    expect(XMLValidator.validate(doc)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", processEntities: true, htmlEntities: false, parseTagValue: false, trimValues: false })
      .parse(doc) as { r: { "#text": string; "@a": string } };
    const expected = "</script><script>alert(1)</script> ]]> <![CDATA[x]]> & &amp; \"q\" 'a' ";
    expect(parsed.r["#text"]).toBe(expected);
    expect(parsed.r["@a"]).toBe(expected);
  });

  it("keeps tab, newline, carriage return, non-BMP characters and drops lone surrogates", () => {
    expect(xmlSafe("a\tb\nc\rd 😀 \ud800 \udfff é")).toBe("a\tb\nc\rd 😀   é");
  });

  it("builds elements with escaped attributes and skips undefined ones", () => {
    expect(element("x", "<&>", { a: '"', b: undefined })).toBe('<x a="&quot;">&lt;&amp;&gt;</x>');
  });
});

describe("URLs in feeds", () => {
  const base = "https://news.example.org/";

  it("resolves article references against the article page, and refuses non-http schemes", () => {
    expect(resolveReference("photo.jpg", "/2024/05/a/", base)).toBe("https://news.example.org/2024/05/a/photo.jpg");
    expect(resolveReference("/img/x.png", "/2024/05/a/", base)).toBe("https://news.example.org/img/x.png");
    expect(resolveReference("https://cdn.example/x.png", "/2024/05/a/", base)).toBe("https://cdn.example/x.png");
    expect(resolveReference("javascript:alert(1)", "/2024/05/a/", base)).toBeUndefined();
    expect(resolveReference("data:image/png;base64,AAAA", "/2024/05/a/", base)).toBeUndefined();
    expect(resolveReference("http://[bad", "/2024/05/a/", base)).toBeUndefined();
  });

  it("makes relative links in article HTML absolute and leaves mailto alone", () => {
    const html = '<p><a href="x?a=1&#x26;b=2">x</a> <a href="mailto:a@b.c">m</a> <img src="p%20q.jpg" alt="&#x22;"></p>';
    expect(absolutizeHtml(html, "/2024/05/a/", base)).toBe(
      '<p><a href="https://news.example.org/2024/05/a/x?a=1&amp;b=2">x</a> <a href="mailto:a@b.c">m</a> <img src="https://news.example.org/2024/05/a/p%20q.jpg" alt="&#x22;"></p>',
    );
  });
});

describe("Google News languages", () => {
  it("uses the ISO 639 code, with zh-cn and zh-tw for Chinese", () => {
    expect(newsLanguage("en")).toBe("en");
    expect(newsLanguage("en-GB")).toBe("en");
    expect(newsLanguage("ar")).toBe("ar");
    expect(newsLanguage("zh-Hant-TW")).toBe("zh-tw");
    expect(newsLanguage("zh-HK")).toBe("zh-tw");
    expect(newsLanguage("zh")).toBe("zh-cn");
    expect(newsLanguage("zh-Hans-CN")).toBe("zh-cn");
  });
});
