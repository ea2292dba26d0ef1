import type { ViewContext } from "../pages/context.js";
import { isHtmlSpec, type HtmlSpec, type PlannedPage } from "../pages/plan.js";
import { buildView, type BodyRenderer } from "../pages/views.js";
import type { TemplateRenderer } from "./eleventy.js";
import { siteChannel, termChannel } from "./feed-items.js";
import { toAtom, toJsonFeed, toRss } from "./feeds.js";
import { sitemapUrls, toNewsSitemap, toRobots, toSitemap, toSitemapIndex } from "./sitemap.js";
import { renderRedirectPage, renderRedirectsFile } from "./redirects.js";
import { buildHead, siteForPage } from "./site.js";
import type { HeadView, PageView, SiteView } from "./views.js";

/**
 * Everything one page needs to become bytes. Built once per build and shared by every page;
 * `renderBody` is where Markdown HTML comes from (and where caching plugs in). `pages` is the
 * whole plan, which sitemaps and robots.txt describe.
 */
export interface RenderEnv {
  ctx: ViewContext;
  site: SiteView;
  /** Eleventy's compiled templates; page-keys.ts substitutes a stand-in with the same shape. */
  templates: Pick<TemplateRenderer, "render">;
  renderBody: BodyRenderer;
  pages: readonly PlannedPage[];
}

const FEED_WRITERS = { rss: toRss, atom: toAtom, json: toJsonFeed } as const;

/** What an HTML page's template receives, and how a template error names the page. */
export interface TemplateInput {
  data: { site: SiteView; head: HeadView; page: PageView };
  label: string;
}

export async function templateInput(page: PlannedPage & { spec: HtmlSpec }, env: RenderEnv): Promise<TemplateInput> {
  const spec = page.spec;
  const built = await buildView(spec, env.ctx, env.renderBody);
  // A template failure names the page, and for an article the file it comes from.
  const source = spec.kind === "article" ? ` (${env.ctx.library.articles[spec.index]!.file})` : "";
  return { data: { site: siteForPage(env.site, spec), head: buildHead(env.ctx, page, built), page: built.view }, label: page.route + source };
}

/** Renders one planned page to the bytes that go on disk: HTML from templates, or a generated file. */
export async function renderPage(page: PlannedPage, env: RenderEnv): Promise<string | Uint8Array> {
  const spec = page.spec;
  if (isHtmlSpec(spec)) {
    const { data, label } = await templateInput({ ...page, spec }, env);
    return env.templates.render(data, label);
  }
  switch (spec.kind) {
    case "feed":
      return FEED_WRITERS[spec.format](await siteChannel(spec.format, env.ctx, env.renderBody));
    case "term-feed":
      return toAtom(termChannel(spec.of, spec.index, env.ctx));
    case "sitemap":
      return toSitemap(sitemapUrls(env.pages, env.ctx, spec.from, spec.to));
    case "sitemap-index":
      return toSitemapIndex(env.pages, env.ctx, spec.parts);
    case "news-sitemap":
      return toNewsSitemap(env.ctx);
    case "robots":
      return toRobots(env.pages, env.ctx);
    case "redirect":
      return renderRedirectPage(env.ctx, spec.index);
    case "redirects-file":
      return renderRedirectsFile(env.ctx);
  }
}
