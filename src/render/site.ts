import { routes } from "../model/routes.js";
import type { ViewContext } from "../pages/context.js";
import type { PlannedPage } from "../pages/plan.js";
import type { BuiltView } from "../pages/views.js";
import type { HeadView, SiteView } from "./views.js";

/** The parts of every page that do not depend on the page: built once per build. */
export function buildSiteView(ctx: ViewContext): SiteView {
  const { config } = ctx;
  const nav = [
    { name: "Latest", route: routes.home() },
    { name: "Archive", route: routes.archive() },
    { name: "Tags", route: routes.tags() },
    { name: "People & places", route: routes.entities() },
    { name: "Authors", route: routes.authors() },
  ];
  return {
    title: config.title,
    description: config.description,
    language: config.language,
    homeHref: ctx.href(routes.home()),
    nav: nav.map((n) => ({ name: n.name, href: ctx.href(n.route), current: false })),
    stylesheetHref: ctx.href("/assets/site.css"),
    searchHref: ctx.href(routes.search()),
    feeds: [],
    publisher: config.publisher.name,
    generator: "Dateline",
  };
}

/** The `<head>` values of one page: title, description, canonical URL and metadata. */
export function buildHead(ctx: ViewContext, page: PlannedPage, built: BuiltView): HeadView {
  const { config } = ctx;
  const title = page.spec.kind === "home" ? config.title : `${built.head.title} · ${config.title}`;
  return {
    ...built.head,
    title,
    canonical: built.head.canonical ?? ctx.absolute(page.route),
  };
}
