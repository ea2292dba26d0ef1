/**
 * Checks the URLs an article gives about itself (canonical, image, redirect_from). They end
 * up in attributes and on disk, so each is reduced to a form that cannot run script, load
 * from another origin or name a file outside the site.
 */

/** A scheme (`javascript:`, `data:`, `https:`) or a protocol-relative `//host` start. */
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const CONTROL = /[\u0000-\u001f\u007f]/;

export type Checked = { ok: true; value: string } | { ok: false; message: string; hint: string };

/** An absolute http(s) URL, normalised by the URL parser (so quotes and spaces are encoded). */
export function checkHttpUrl(value: string): Checked {
  try {
    const u = new URL(value.trim());
    if (u.protocol === "http:" || u.protocol === "https:") return { ok: true, value: u.href };
  } catch {
    // fall through
  }
  return {
    ok: false,
    message: `"${value}" is not an absolute http(s) URL`,
    hint: "the absolute URL of the original: canonical: https://example.org/original",
  };
}

/**
 * An image is a path (relative to the article or from the site root) or an absolute http(s)
 * URL. Other schemes are refused: `javascript:` and `data:` could run script or smuggle
 * markup. A path may not climb out with `..`, nor hold quotes, angle brackets or spaces.
 * An http(s) image from another host is accepted for link previews and feeds, but the page
 * itself does not load it (see `isExternalUrl`): pages load nothing from another origin.
 */
export function checkImageSource(value: string): Checked {
  const src = value.trim();
  const hint = 'use a file beside the article (src: photo.jpg) or an absolute URL (src: https://example.org/photo.jpg)';
  if (/^https?:\/\//i.test(src)) {
    const url = checkHttpUrl(src);
    return url.ok ? url : { ok: false, message: `"${value}" is not a valid http(s) URL`, hint };
  }
  if (HAS_SCHEME.test(src) || /^[/\\]{2}/.test(src)) {
    return { ok: false, message: `"${value}" is not an image path or an http(s) URL`, hint };
  }
  if (CONTROL.test(src) || /[\\<>"\s]/.test(src) || src.split("/").includes("..")) {
    return { ok: false, message: `"${value}" is not an image path: no .., spaces, quotes or backslashes`, hint };
  }
  return { ok: true, value: src };
}

/** An absolute URL: something a page would fetch from another origin. */
export function isExternalUrl(value: string): boolean {
  return HAS_SCHEME.test(value) || value.startsWith("//");
}

/**
 * `/old/path/` as a route (raw Unicode, NFC, like every other route); undefined when it could
 * escape the site or is not a path. Segments are decoded first so `%2E%2E` or `%2F` cannot
 * smuggle a `..` or a slash past the check. A leading `//` is refused rather than collapsed:
 * browsers and hosts read `//host/x/` as another site, so it was never an old path of this
 * one. A last segment that names a file (`/2019/story.html`) keeps its form, so the redirect
 * is written where old links point; anything else becomes a folder URL with a trailing slash.
 */
export function normaliseSitePath(path: string): string | undefined {
  const trimmed = path.trim();
  if (!trimmed.startsWith("/") || isProtocolRelative(trimmed) || /[?#\\\0]/.test(trimmed)) return undefined;
  const segments = trimmed.split("/").filter(Boolean).map((s) => safeDecodeComponent(s).normalize("NFC"));
  if (segments.some((s) => s === "." || s === ".." || CONTROL.test(s) || /[/\\]/.test(s))) return undefined;
  const last = segments[segments.length - 1];
  const fileLike = last !== undefined && !trimmed.endsWith("/") && /\.[A-Za-z0-9]{1,8}$/.test(last);
  return `/${segments.join("/")}${segments.length && !fileLike ? "/" : ""}`;
}

/** `//host/path`: a URL of another host that borrows the page's scheme. */
export function isProtocolRelative(path: string): boolean {
  return path.trim().startsWith("//");
}

function safeDecodeComponent(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
