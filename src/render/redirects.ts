import type { ViewContext } from "../pages/context.js";
import { escapeHtml } from "../util/html.js";

/**
 * Output for renamed articles. Static hosts that read `_redirects` (Netlify, Cloudflare
 * Pages) answer old paths with a real 301; every other host serves the redirect page, which
 * works without JavaScript (meta refresh), tells search engines where the article lives now
 * (canonical, noindex) and still gives readers a link if refresh is disabled.
 * Generated here rather than from a site template: a redirect page must not depend on a
 * template an editor may have changed, and it holds nothing worth styling.
 */
export function renderRedirectPage(ctx: ViewContext, index: number): string {
  const article = ctx.library.articles[index]!;
  const target = ctx.href(article.url);
  const canonical = ctx.absolute(article.url);
  const title = escapeHtml(article.title);
  return `<!doctype html>
<html lang="${escapeHtml(ctx.config.language)}">
<head>
<meta charset="utf-8">
<title>Moved: ${title}</title>
<meta http-equiv="refresh" content="0; url=${escapeHtml(target)}">
<link rel="canonical" href="${escapeHtml(canonical)}">
<meta name="robots" content="noindex">
</head>
<body>
<p>This article has moved to <a href="${escapeHtml(target)}">${title}</a>.</p>
</body>
</html>
`;
}

/**
 * One `from to 301` line per old path, both under the site's path prefix and percent-encoded,
 * so paths with spaces or non-ASCII letters stay one field each. Sorted, so the file is the
 * same whatever order articles were loaded in.
 */
export function renderRedirectsFile(ctx: ViewContext): string {
  const lines: string[] = [];
  for (const article of ctx.library.articles) {
    for (const from of article.redirectFrom) lines.push(`${ctx.href(from)} ${ctx.href(article.url)} 301`);
  }
  lines.sort();
  return `# Old paths of renamed articles (redirect_from), for Netlify and Cloudflare Pages.\n${lines.join("\n")}\n`;
}
