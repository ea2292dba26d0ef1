import type { ViewContext } from "../pages/context.js";
import type { PlannedPage } from "../pages/plan.js";
import { buildView, type BodyRenderer } from "../pages/views.js";
import type { TemplateRenderer } from "./eleventy.js";
import { buildHead } from "./site.js";
import type { SiteView } from "./views.js";

/**
 * Everything one page needs to become bytes. Built once per build and shared by every page;
 * `renderBody` is where Markdown HTML comes from (and where caching plugs in).
 */
export interface RenderEnv {
  ctx: ViewContext;
  site: SiteView;
  templates: TemplateRenderer;
  renderBody: BodyRenderer;
}

/** Renders one planned page to the bytes that go on disk. */
export async function renderPage(page: PlannedPage, env: RenderEnv): Promise<string | Uint8Array> {
  const built = await buildView(page.spec, env.ctx, env.renderBody);
  return env.templates.render({ site: env.site, head: buildHead(env.ctx, page, built), page: built.view }, page.route);
}
